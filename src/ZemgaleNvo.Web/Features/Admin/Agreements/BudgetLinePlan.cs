using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Entry;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Web.Formatting;
using ZemgaleNvo.Web.Forms;

namespace ZemgaleNvo.Web.Features.Admin.Agreements;

/// <summary>The planned amounts of the budget line form (posted as <c>Form.Amounts[i]</c>), read per year and applied to the line.</summary>
internal static class BudgetLinePlan
{
    /// <summary>The typed planned amounts per year number; empty means none. Refusals go into ModelState against their field.</summary>
    public static Dictionary<int, long?> Read(
        ModelStateDictionary modelState, IStringLocalizer localizer, DelegationAgreement agreement, BudgetLineForm form, BudgetLine line)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(line);
        var frozen = agreement.Years.Where(y => FrozenData.IsFrozen(y.Status)).Select(y => y.Id).ToHashSet();
        var amounts = new Dictionary<int, long?>();
        for (var i = 0; i < form.Amounts.Count; i++)
        {
            var row = form.Amounts[i];
            var year = agreement.Years.SingleOrDefault(y => y.Number == row.YearNumber);
            if (year is null || amounts.ContainsKey(year.Number))
            {
                continue;
            }
            var key = $"Form.{nameof(BudgetLineForm.Amounts)}[{i}].{nameof(PlannedAmountRow.Amount)}";
            var cents = MoneyField.Read(modelState, key, row.Amount, localizer, required: false);
            var saved = line.PlannedAmounts.FirstOrDefault(p => p.ImplementationYearId == year.Id)?.AmountCents;
            if (frozen.Contains(year.Id) && cents != saved && modelState.GetFieldValidationState(key) != ModelValidationState.Invalid)
            {
                modelState.AddModelError(key, localizer["{0} ir apstiprināts: tā plānoto summu mainīt nevar.", Display.YearName(year.Number)]);
            }
            amounts[year.Number] = cents;
        }
        return amounts;
    }

    /// <summary>Adds, changes or removes planned amounts; years whose amount is unchanged are not touched (approved years stay frozen).</summary>
    public static void Apply(AppDbContext db, BudgetLine line, DelegationAgreement agreement, Dictionary<int, long?> amounts)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(amounts);
        foreach (var year in agreement.Years)
        {
            if (!amounts.TryGetValue(year.Number, out var cents))
            {
                continue;
            }
            var saved = line.PlannedAmounts.FirstOrDefault(p => p.ImplementationYearId == year.Id);
            if (cents is null && saved is not null)
            {
                db.PlannedAmounts.Remove(saved);
            }
            else if (cents is not null && saved is null)
            {
                line.PlannedAmounts.Add(new PlannedAmount { BudgetLine = line, ImplementationYearId = year.Id, AmountCents = cents.Value });
            }
            else if (cents is not null && saved!.AmountCents != cents)
            {
                saved.AmountCents = cents.Value;
            }
        }
    }
}
