using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Web.Forms;

namespace ZemgaleNvo.Web.Features.Spending;

/// <summary>
/// What a stated line total must satisfy and how it is stored: shared by the one-line form and the
/// year's grid of all lines, so both accept and refuse exactly the same input.
/// </summary>
internal static class LineTotalRules
{
    /// <summary>The typed total as cents; empty means "no total" (null), bad input adds a Latvian error under <paramref name="key"/>.</summary>
    public static long? Read(ModelStateDictionary modelState, string key, string? typed, IStringLocalizer localizer) =>
        MoneyField.Read(modelState, key, typed, localizer, required: false);

    /// <summary>Adds, changes or removes (empty amount) the line's total; nothing is saved until the caller saves.</summary>
    public static void Apply(AppDbContext db, int yearId, int lineId, SpendingTotal? total, long? amount)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (amount is null && total is not null)
        {
            db.SpendingTotals.Remove(total);
        }
        else if (amount is not null && total is null)
        {
            db.SpendingTotals.Add(new SpendingTotal { ImplementationYearId = yearId, BudgetLineId = lineId, AmountCents = amount.Value });
        }
        else if (amount is not null)
        {
            total!.AmountCents = amount.Value;
        }
    }
}
