using ZemgaleNvo.Domain.Agreements;

namespace ZemgaleNvo.Domain.Budget;

/// <summary>Per-line totals over the whole agreement period.</summary>
public sealed record LinePeriodTotal(int BudgetLineId, long PlannedCents, long ActualCents, long CarriedOutCents);

/// <summary>
/// The reconciled budget of an agreement, computed from its loaded entities (years with their
/// planned amounts, spending, reallocations and carry-overs; budget lines).
/// </summary>
public sealed class AgreementBudget
{
    private AgreementBudget(IReadOnlyList<BudgetLine> lines, IReadOnlyList<YearBalance> years)
    {
        Lines = lines;
        Years = years;
    }

    public IReadOnlyList<BudgetLine> Lines { get; }
    public IReadOnlyList<YearBalance> Years { get; }

    public long PlannedCents => Years.Sum(y => y.PlannedCents);
    public long ActualCents => Years.Sum(y => y.ActualCents);

    /// <summary>Money carried between years (out of one year into the next), over the whole period.</summary>
    public long CarriedOverCents => Years.Sum(y => y.CarriedOutCents);

    public IReadOnlyList<LinePeriodTotal> LineTotals => Lines
        .Select(line => new LinePeriodTotal(
            line.Id,
            Years.Sum(y => y.Line(line.Id)?.PlannedCents ?? 0),
            Years.Sum(y => y.Line(line.Id)?.ActualCents ?? 0),
            Years.Sum(y => y.Line(line.Id)?.CarriedOutCents ?? 0)))
        .ToList();

    public static AgreementBudget Compute(DelegationAgreement agreement)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        var lines = agreement.BudgetLines.OrderBy(l => l.Ordinal).ToList();
        var inputs = agreement.Years
            .OrderBy(y => y.Number)
            .Select(year => new YearInput(year.Number, lines.Select(line => LineInput(year, line.Id)).ToList()))
            .ToList();
        return new AgreementBudget(lines, BudgetReconciliation.Reconcile(inputs));
    }

    private static LineYearInput LineInput(ImplementationYear year, int lineId)
    {
        var itemised = year.SpendingEntries.Where(e => e.BudgetLineId == lineId).Select(e => e.AmountCents).ToList();
        var reported = year.SpendingTotals.FirstOrDefault(t => t.BudgetLineId == lineId)?.AmountCents;
        return new LineYearInput(
            lineId,
            year.PlannedAmounts.Where(p => p.BudgetLineId == lineId).Sum(p => p.AmountCents),
            BudgetReconciliation.ActualSpend(itemised, reported),
            year.Reallocations.Where(r => r.ToBudgetLineId == lineId).Sum(r => r.AmountCents),
            year.Reallocations.Where(r => r.FromBudgetLineId == lineId).Sum(r => r.AmountCents),
            year.CarryOvers.Where(c => c.BudgetLineId == lineId).Sum(c => c.AmountCents));
    }
}
