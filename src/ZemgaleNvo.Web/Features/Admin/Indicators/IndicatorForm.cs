using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Entry;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Infrastructure.Data.Configurations;
using ZemgaleNvo.Web.Formatting;
using ZemgaleNvo.Web.Forms;

namespace ZemgaleNvo.Web.Features.Admin.Indicators;

/// <summary>A performance indicator with its target per implementation year, as the admin's form posts it.</summary>
public sealed class IndicatorForm
{
    [Required(ErrorMessage = "Ierakstiet rādītāja nosaukumu.")]
    [StringLength(Limits.Title, ErrorMessage = "Ne vairāk kā {1} zīmes.")]
    [Display(Name = "Rādītājs")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Ierakstiet, ko skaita (piemēram, „semināri”).")]
    [StringLength(Limits.ShortText, ErrorMessage = "Ne vairāk kā {1} zīmes.")]
    [Display(Name = "Mērvienība")]
    public string? Unit { get; set; }

    [Display(Name = "Mērķa precizējums")]
    public IndicatorQualifier Qualifier { get; set; } = IndicatorQualifier.AtLeast;

    public List<TargetRow> Targets { get; set; } = [];

    public int Version { get; set; }

    public static IndicatorForm Blank(IEnumerable<ImplementationYear> years) =>
        new() { Targets = [.. years.OrderBy(y => y.Number).Select(y => new TargetRow { YearNumber = y.Number })] };

    public static IndicatorForm From(PerformanceIndicator indicator, IEnumerable<ImplementationYear> years)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return new IndicatorForm
        {
            Name = indicator.Name,
            Unit = indicator.Unit,
            Qualifier = indicator.Qualifier,
            Version = indicator.Version,
            Targets = [.. years.OrderBy(y => y.Number).Select(y => new TargetRow
            {
                YearNumber = y.Number,
                Count = indicator.Targets.FirstOrDefault(t => t.ImplementationYearId == y.Id)?.Count,
            })],
        };
    }
}

/// <summary>The target of one year; empty means the year has none.</summary>
public sealed class TargetRow
{
    public int YearNumber { get; set; }

    [Range(1, PerformanceIndicator.MaxTarget, ErrorMessage = "Mērķim jābūt veselam skaitlim no {1} līdz {2}; ja šim gadam mērķa nav, atstājiet lauku tukšu.")]
    [Display(Name = "Mērķis")]
    public int? Count { get; set; }
}

/// <summary>The indicator form page: the agreement, its years (approved ones cannot change their target) and the form.</summary>
public sealed record IndicatorPage(int AgreementId, string AgreementTitle, int? IndicatorId, IndicatorForm Form, IReadOnlyList<ImplementationYear> Years, IReadOnlySet<int> FrozenYears);

/// <summary>One indicator on the agreement's admin page, with its targets by year number.</summary>
public sealed record IndicatorView(int Id, int Ordinal, string Name, string Unit, IndicatorQualifier Qualifier, IReadOnlyDictionary<int, int> TargetByYear, bool InUse);

/// <summary>The indicators section of the agreement's admin page.</summary>
public sealed record IndicatorList(int AgreementId, IReadOnlyList<ImplementationYear> Years, IReadOnlyList<IndicatorView> Indicators);

/// <summary>Reads the form's targets per year and applies them to an indicator, leaving unchanged years untouched.</summary>
internal static class IndicatorTargets
{
    /// <summary>The typed targets by year number; refusals (an approved year's target changed) go into ModelState against their field.</summary>
    public static Dictionary<int, int?> Read(ModelStateDictionary modelState, IStringLocalizer localizer, DelegationAgreement agreement, IndicatorForm form, PerformanceIndicator indicator)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(indicator);
        var targets = new Dictionary<int, int?>();
        for (var i = 0; i < form.Targets.Count; i++)
        {
            var row = form.Targets[i];
            var year = agreement.Years.SingleOrDefault(y => y.Number == row.YearNumber);
            if (year is null || targets.ContainsKey(year.Number))
            {
                continue;
            }
            var key = $"{AdminIndicatorsController.FormPrefix}.{nameof(IndicatorForm.Targets)}[{i}].{nameof(TargetRow.Count)}";
            var saved = indicator.Targets.FirstOrDefault(t => t.ImplementationYearId == year.Id)?.Count;
            if (FrozenData.IsFrozen(year.Status) && row.Count != saved && modelState.GetFieldValidationState(key) != ModelValidationState.Invalid)
            {
                modelState.AddModelError(key, localizer["{0} ir apstiprināts: tā mērķi mainīt nevar.", Display.YearName(year.Number)]);
            }
            targets[year.Number] = row.Count;
        }
        return targets;
    }

    public static void Apply(AppDbContext db, PerformanceIndicator indicator, DelegationAgreement agreement, Dictionary<int, int?> targets)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(targets);
        foreach (var year in agreement.Years)
        {
            if (!targets.TryGetValue(year.Number, out var count))
            {
                continue;
            }
            var saved = indicator.Targets.FirstOrDefault(t => t.ImplementationYearId == year.Id);
            if (count is null && saved is not null)
            {
                db.IndicatorTargets.Remove(saved);
            }
            else if (count is not null && saved is null)
            {
                indicator.Targets.Add(new IndicatorTarget { PerformanceIndicator = indicator, ImplementationYearId = year.Id, Count = count.Value });
            }
            else if (count is not null && saved!.Count != count)
            {
                saved.Count = count.Value;
            }
        }
    }

    /// <summary>Name and unit cleaned as every form cleans text; the qualifier only when it is one of the three.</summary>
    public static void ApplyFacts(IndicatorForm form, PerformanceIndicator indicator)
    {
        indicator.Name = FormText.Clean(form.Name)!;
        indicator.Unit = FormText.Clean(form.Unit)!;
        indicator.Qualifier = form.Qualifier;
    }
}
