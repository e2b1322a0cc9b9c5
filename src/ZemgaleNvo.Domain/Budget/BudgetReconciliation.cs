namespace ZemgaleNvo.Domain.Budget;

/// <summary>What was reported for one budget line in one year, before any arithmetic.</summary>
public sealed record LineYearInput(
    int BudgetLineId,
    long PlannedCents,
    long ActualCents,
    long ReallocatedInCents,
    long ReallocatedOutCents,
    long CarriedOutCents);

/// <summary>The figures of one implementation year, lines in report order.</summary>
public sealed record YearInput(int YearNumber, IReadOnlyList<LineYearInput> Lines);

/// <summary>One line in one year, reconciled: what it had, what it spent, what is left.</summary>
public sealed record LineYearBalance(
    int BudgetLineId,
    long PlannedCents,
    long CarriedInCents,
    long ReallocatedInCents,
    long ReallocatedOutCents,
    long ActualCents,
    long CarriedOutCents)
{
    public long AvailableCents => BudgetReconciliation.Available(PlannedCents, CarriedInCents, ReallocatedInCents, ReallocatedOutCents);

    /// <summary>Negative when the line spent more than it had.</summary>
    public long RemainingCents => BudgetReconciliation.Remaining(AvailableCents, ActualCents);

    /// <summary>Actual as a share of available, in per cent; none when nothing was available.</summary>
    public decimal? ExecutionPercent => BudgetReconciliation.ExecutionPercent(ActualCents, AvailableCents);
}

/// <summary>A reconciled year: its lines and their sums.</summary>
public sealed record YearBalance(int YearNumber, IReadOnlyList<LineYearBalance> Lines)
{
    public long PlannedCents => Lines.Sum(l => l.PlannedCents);
    public long CarriedInCents => Lines.Sum(l => l.CarriedInCents);
    public long AvailableCents => Lines.Sum(l => l.AvailableCents);
    public long ActualCents => Lines.Sum(l => l.ActualCents);
    public long RemainingCents => Lines.Sum(l => l.RemainingCents);
    public long CarriedOutCents => Lines.Sum(l => l.CarriedOutCents);
    public decimal? ExecutionPercent => BudgetReconciliation.ExecutionPercent(ActualCents, AvailableCents);

    public LineYearBalance? Line(int budgetLineId) => Lines.FirstOrDefault(l => l.BudgetLineId == budgetLineId);
}

/// <summary>
/// Budget arithmetic of an agreement. available = planned + carried in + reallocated in − reallocated
/// out; remaining = available − actual; what a year carries out of a line is carried into the same
/// line of the next year.
/// </summary>
public static class BudgetReconciliation
{
    public static long Available(long planned, long carriedIn, long reallocatedIn, long reallocatedOut) =>
        checked(planned + carriedIn + reallocatedIn - reallocatedOut);

    public static long Remaining(long available, long actual) => checked(available - actual);

    public static decimal? ExecutionPercent(long actual, long available) =>
        available <= 0 ? null : Math.Round(actual * 100m / available, 1, MidpointRounding.AwayFromZero);

    /// <summary>
    /// A line's actual spend: the sum of its itemised entries when there are any (they are the
    /// evidence), otherwise the total the performer reported, otherwise nothing spent.
    /// </summary>
    public static long ActualSpend(IReadOnlyCollection<long> itemisedCents, long? reportedTotalCents) =>
        itemisedCents.Count > 0 ? itemisedCents.Sum() : reportedTotalCents ?? 0;

    /// <summary>Reconciles the years in order, feeding each year's carry-over into the next.</summary>
    public static IReadOnlyList<YearBalance> Reconcile(IReadOnlyList<YearInput> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        var result = new List<YearBalance>(years.Count);
        IReadOnlyDictionary<int, long> carriedIn = new Dictionary<int, long>();
        foreach (var year in years.OrderBy(y => y.YearNumber))
        {
            var lines = year.Lines
                .Select(l => new LineYearBalance(
                    l.BudgetLineId,
                    l.PlannedCents,
                    carriedIn.GetValueOrDefault(l.BudgetLineId),
                    l.ReallocatedInCents,
                    l.ReallocatedOutCents,
                    l.ActualCents,
                    l.CarriedOutCents))
                .ToList();
            result.Add(new YearBalance(year.YearNumber, lines));
            carriedIn = year.Lines.ToDictionary(l => l.BudgetLineId, l => l.CarriedOutCents);
        }
        return result;
    }
}
