using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Web.Features.Years;
using ZemgaleNvo.Web.Forms;

namespace ZemgaleNvo.Web.Features.Spending;

/// <summary>What a spending entry form must satisfy beyond its field attributes, and how a refused save shows the saved entry beside the typed one.</summary>
internal static class SpendingFormRules
{
    private static string Key(string field) => $"{SpendingController.FormPrefix}.{field}";

    /// <summary>The entry's line and date belong to this year; the amount as cents (null when refused).</summary>
    public static long? Validate(ModelStateDictionary modelState, IStringLocalizer localizer, OpenedYear opened, SpendingEntryForm form)
    {
        ArgumentNullException.ThrowIfNull(opened);
        ArgumentNullException.ThrowIfNull(form);
        if (opened.Line(form.BudgetLineId) is null)
        {
            modelState.AddModelError(Key(nameof(SpendingEntryForm.BudgetLineId)), localizer["Izvēlieties šī līguma budžeta pozīciju."]);
        }
        DateRules.WithinYear(modelState, Key(nameof(SpendingEntryForm.Date)), form.Date, opened.Year.Period, localizer);
        return MoneyField.Read(modelState, Key(nameof(SpendingEntryForm.Amount)), form.Amount, localizer);
    }

    /// <summary>The saved entry beside the typed one, field by field, for the conflict page.</summary>
    public static List<ConflictField> ConflictFields(IStringLocalizer localizer, OpenedYear opened, SpendingEntry saved, SpendingEntryForm yours)
    {
        ArgumentNullException.ThrowIfNull(opened);
        ArgumentNullException.ThrowIfNull(saved);
        ArgumentNullException.ThrowIfNull(yours);
        return new List<ConflictField>
        {
            new(localizer["Budžeta pozīcija"], opened.Line(saved.BudgetLineId)?.Name ?? "", opened.Line(yours.BudgetLineId)?.Name ?? ""),
            new(localizer["Datums"], Formatting.Display.Date(saved.Date), Formatting.Display.Date(yours.Date)),
            new(localizer["Apraksts"], saved.Description, FormText.Clean(yours.Description) ?? ""),
            new(localizer["Piegādātājs"], saved.Supplier ?? "", FormText.Clean(yours.Supplier) ?? ""),
            new(localizer["Dokumenta Nr."], saved.DocumentNumber ?? "", FormText.Clean(yours.DocumentNumber) ?? ""),
            new(localizer["Summa, euro"], Formatting.Display.Money(saved.AmountCents),
                MoneyField.AsTyped(yours.Amount)),
        };
    }
}
