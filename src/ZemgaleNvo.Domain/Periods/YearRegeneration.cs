using ZemgaleNvo.Domain.Agreements;

namespace ZemgaleNvo.Domain.Periods;

/// <summary>A planned amount by year number, so it can outlive the year record it was stored on.</summary>
public sealed record PlannedByNumber(int BudgetLineId, int YearNumber, long AmountCents);

/// <summary>
/// A changed period replaces the implementation years of an agreement that has no reporting yet (the
/// caller checks that). The plan stays with the year of the same number: year I keeps year I's plan,
/// whatever its new dates; the plan of a year the new period no longer has goes.
/// </summary>
public static class YearRegeneration
{
    /// <summary>The plan of the current years by year number; read it before the old years are removed.</summary>
    public static IReadOnlyList<PlannedByNumber> PlanByNumber(IEnumerable<ImplementationYear> years, IEnumerable<PlannedAmount> planned)
    {
        ArgumentNullException.ThrowIfNull(years);
        ArgumentNullException.ThrowIfNull(planned);
        var numberOf = years.ToDictionary(y => y.Id, y => y.Number);
        return planned
            .Where(p => numberOf.ContainsKey(p.ImplementationYearId))
            .Select(p => new PlannedByNumber(p.BudgetLineId, numberOf[p.ImplementationYearId], p.AmountCents))
            .ToList();
    }

    /// <summary>
    /// Generates the years of the agreement's (new) period in place of the old ones and returns the
    /// planned amounts that move onto them, each tied to its new year.
    /// </summary>
    public static IReadOnlyList<PlannedAmount> Regenerate(DelegationAgreement agreement, IEnumerable<PlannedByNumber> plan)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(plan);
        agreement.Years.Clear();
        agreement.GenerateYears();
        var yearOf = agreement.Years.ToDictionary(y => y.Number);
        return plan
            .Where(p => yearOf.ContainsKey(p.YearNumber))
            .Select(p => new PlannedAmount { BudgetLineId = p.BudgetLineId, ImplementationYear = yearOf[p.YearNumber], AmountCents = p.AmountCents })
            .ToList();
    }
}
