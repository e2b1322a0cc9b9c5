namespace ZemgaleNvo.Domain.Agreements;

/// <summary>
/// What the performer's counts add up to for one performance indicator in one year, against the
/// year's target. A count qualified in the text ("vairāk kā 60") is a lower bound, so the sum is
/// one too: <see cref="LowerBound"/> is the least the year truly achieved, and the target is judged
/// against it; <see cref="Achieved"/> with <see cref="AchievedQualifier"/> is how it is written.
/// </summary>
/// <param name="Target">The year's target; none when the admin set none for this year.</param>
/// <param name="CountsReported">How many result counts name the indicator this year.</param>
public sealed record IndicatorYearProgress(
    PerformanceIndicator Indicator,
    ImplementationYear Year,
    int? Target,
    int Achieved,
    IndicatorQualifier AchievedQualifier,
    long LowerBound,
    int CountsReported)
{
    /// <summary>
    /// Whether what was achieved reaches the target as the indicator's qualifier means it: "vismaz
    /// 8" and "8" are met by 8 or more, "vairāk kā 60" only by more than 60. Null without a target.
    /// </summary>
    public bool? Met => Target is not { } target
        ? null
        : Indicator.Qualifier == IndicatorQualifier.MoreThan ? LowerBound > target : LowerBound >= target;

    /// <summary>
    /// The written achievement as a share of the target, rounded down to one decimal so a year just
    /// short of its target never shows 100,0 %. Null without a target (or with a target of 0).
    /// </summary>
    public decimal? Percent => Target is { } target and > 0
        ? Math.Floor(Achieved * 1000m / target) / 10m
        : null;
}

/// <summary>Target against achieved, per performance indicator and year, for the reports and the consistency rule.</summary>
public static class IndicatorProgress
{
    /// <summary>
    /// Every indicator (in its order) with every year (in order) that has a target or a count for
    /// it. Reads the loaded graph: the agreement's indicators with targets and the years' results
    /// with their counts; deleted results are not in it, so they do not count.
    /// </summary>
    public static IReadOnlyList<IndicatorYearProgress> Compute(DelegationAgreement agreement)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        var rows = new List<IndicatorYearProgress>();
        var years = agreement.Years.OrderBy(y => y.Number).ToList();
        foreach (var indicator in agreement.PerformanceIndicators.OrderBy(i => i.Ordinal).ThenBy(i => i.Id))
        {
            foreach (var year in years)
            {
                var target = indicator.Targets.FirstOrDefault(t => t.ImplementationYearId == year.Id)?.Count;
                var counts = year.Activities
                    .SelectMany(a => a.Indicators)
                    .Where(c => c.PerformanceIndicatorId == indicator.Id)
                    .ToList();
                if (target is null && counts.Count == 0)
                {
                    continue;
                }
                var (achieved, qualifier, lowerBound) = Sum(counts);
                rows.Add(new IndicatorYearProgress(indicator, year, target, achieved, qualifier, lowerBound, counts.Count));
            }
        }
        return rows;
    }

    /// <summary>
    /// The sum of counts as it is fairly written: plain when every count is exact; "vairāk kā" when
    /// any count is "more than" (60 + "vairāk kā 8" is more than 68); otherwise "vismaz".
    /// </summary>
    public static (int Achieved, IndicatorQualifier Qualifier, long LowerBound) Sum(IReadOnlyCollection<Indicator> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        long stated = counts.Sum(c => (long)c.Count);
        var moreThan = counts.Count(c => c.Qualifier == IndicatorQualifier.MoreThan);
        var lowerBound = stated + moreThan;
        var clamp = (long value) => (int)Math.Min(value, int.MaxValue);
        if (moreThan > 0)
        {
            return (clamp(lowerBound - 1), IndicatorQualifier.MoreThan, lowerBound);
        }
        return counts.Any(c => c.Qualifier == IndicatorQualifier.AtLeast)
            ? (clamp(stated), IndicatorQualifier.AtLeast, lowerBound)
            : (clamp(stated), IndicatorQualifier.Exactly, lowerBound);
    }
}
