using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Web.Features.Years;
using ZemgaleNvo.Web.Forms;

namespace ZemgaleNvo.Web.Features.Results;

/// <summary>
/// What a result form must satisfy beyond its field attributes (this year's strand, dates within the
/// year, complete indicators), and how a refused save shows the saved result beside the typed one.
/// </summary>
internal static class ResultFormRules
{
    private static string Key(string field) => $"{ResultsController.FormPrefix}.{field}";

    public static void Validate(ModelStateDictionary modelState, IStringLocalizer localizer, OpenedYear opened, ResultForm form)
    {
        ArgumentNullException.ThrowIfNull(opened);
        ArgumentNullException.ThrowIfNull(form);
        if (opened.Line(form.BudgetLineId) is null)
        {
            modelState.AddModelError(Key(nameof(ResultForm.BudgetLineId)), localizer["Izvēlieties šī līguma virzienu (budžeta pozīciju)."]);
        }
        DateRules.WithinYear(modelState, Key(nameof(ResultForm.StartDate)), form.StartDate, opened.Year.Period, localizer);
        DateRules.WithinYear(modelState, Key(nameof(ResultForm.EndDate)), form.EndDate, opened.Year.Period, localizer);
        if (form.StartDate is { } start && form.EndDate is { } end && end < start && modelState.IsValid)
        {
            modelState.AddModelError(Key(nameof(ResultForm.EndDate)), localizer["Beigu datums nevar būt agrāks par sākuma datumu."]);
        }
        if (form.Indicators.Count > ResultForm.MaxIndicators)
        {
            modelState.AddModelError("", localizer["Rezultātam var būt ne vairāk kā {0} rādītāji.", ResultForm.MaxIndicators]);
        }
        foreach (var (index, row) in form.FilledIndicators)
        {
            if (row.PerformanceIndicatorId is { } indicatorId)
            {
                // A count that names the agreement's indicator counts what the indicator counts, unless the performer words it otherwise.
                if (opened.Agreement.PerformanceIndicators.Find(i => i.Id == indicatorId) is { } indicator)
                {
                    row.Unit = string.IsNullOrWhiteSpace(row.Unit) ? indicator.Unit : row.Unit;
                }
                else
                {
                    modelState.AddModelError($"{ResultsController.FormPrefix}.Indicators[{index}].PerformanceIndicatorId", localizer["Izvēlieties šī līguma rādītāju no saraksta vai „brīvs rādītājs”."]);
                }
            }
            if (row.Count is null && modelState.GetFieldValidationState($"{ResultsController.FormPrefix}.Indicators[{index}].Count") != ModelValidationState.Invalid)
            {
                modelState.AddModelError($"{ResultsController.FormPrefix}.Indicators[{index}].Count", localizer["Norādiet skaitu."]);
            }
            if (string.IsNullOrWhiteSpace(row.Unit))
            {
                modelState.AddModelError($"{ResultsController.FormPrefix}.Indicators[{index}].Unit", localizer["Norādiet, ko skaita (piemēram, „semināri”)."]);
            }
        }
    }

    /// <summary>The saved result beside the typed one, field by field, for the conflict page.</summary>
    public static List<ConflictField> ConflictFields(IStringLocalizer localizer, OpenedYear opened, Activity saved, ResultForm yours)
    {
        ArgumentNullException.ThrowIfNull(opened);
        ArgumentNullException.ThrowIfNull(saved);
        ArgumentNullException.ThrowIfNull(yours);
        return new List<ConflictField>
        {
            new(localizer["Virziens"], opened.Line(saved.BudgetLineId)?.Name ?? "", opened.Line(yours.BudgetLineId)?.Name ?? ""),
            new(localizer["Rezultāts"], saved.Text, FormText.Clean(yours.Text) ?? ""),
            new(localizer["Sākuma datums"], Formatting.Display.Date(saved.StartDate), Formatting.Display.Date(yours.StartDate)),
            new(localizer["Beigu datums"], Formatting.Display.Date(saved.EndDate), Formatting.Display.Date(yours.EndDate)),
            new(localizer["Vieta"], saved.Place ?? "", FormText.Clean(yours.Place) ?? ""),
            new(localizer["Rādītāji"], Indicators(saved.Indicators.Select(i => (i.Count, i.Unit, i.Qualifier))),
                Indicators(yours.FilledIndicators.Select(r => (r.Row.Count ?? 0, FormText.Clean(r.Row.Unit) ?? "", r.Row.Qualifier)))),
        };
    }

    private static string Indicators(IEnumerable<(int Count, string Unit, IndicatorQualifier Qualifier)> indicators) =>
        string.Join("; ", indicators.Select(i => Formatting.Display.Indicator(i.Count, i.Unit, i.Qualifier)));
}
