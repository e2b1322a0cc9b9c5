using ZemgaleNvo.Domain.Agreements;

namespace ZemgaleNvo.Domain.Budget;

/// <summary>Per-line totals over the whole agreement period.</summary>
public sealed record LinePeriodTotal(int BudgetLineId, long PlannedCents, long ActualCents, long CarriedOutCents);

/// <summary>
/// What the period leaves on a line once every year is closed: money neither spent nor carried on,
/// to be returned to the state budget, and money spent over what was available. Never netted against
/// each other, nor against another line (issue 13).
/// </summary>
public sealed record LineReturn(int BudgetLineId, long UnspentToReturnCents, long OverspentCents);

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

    /// <summary>
    /// Money carried between years (out of one year into the next), summed over the years: a cent that
    /// passes through two carry-overs counts twice, so this is a movement, never a period total of a report.
    /// </summary>
    public long CarriedOverCents => Years.Sum(y => y.CarriedOutCents);

    public IReadOnlyList<LinePeriodTotal> LineTotals => Lines
        .Select(line => new LinePeriodTotal(
            line.Id,
            Years.Sum(y => y.Line(line.Id)?.PlannedCents ?? 0),
            Years.Sum(y => y.Line(line.Id)?.ActualCents ?? 0),
            Years.Sum(y => y.Line(line.Id)?.CarriedOutCents ?? 0)))
        .ToList();

    /// <summary>
    /// Per line, what the period leaves: the last year's remainder when positive (to be returned to the
    /// state budget) and its overspend when negative; never netted across lines. Earlier years' remainders
    /// are not in it: each is carried into the next year (the carry-over checks see to that), and a
    /// carry-over only moves money between years, so it is neither spending nor a return.
    /// </summary>
    public IReadOnlyList<LineReturn> Returns => Years.Count == 0
        ? []
        : Lines
            .Select(line => Years[^1].Line(line.Id) is { } last
                ? new LineReturn(line.Id, Math.Max(0, last.RemainingCents), Math.Max(0, -last.RemainingCents))
                : new LineReturn(line.Id, 0, 0))
            .ToList();

    public long UnspentToReturnCents => Returns.Sum(r => r.UnspentToReturnCents);

    public long OverspentCents => Returns.Sum(r => r.OverspentCents);

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
