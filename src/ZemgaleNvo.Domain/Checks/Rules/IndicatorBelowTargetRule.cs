using ZemgaleNvo.Domain.Agreements;
using static ZemgaleNvo.Domain.Checks.Wording;

namespace ZemgaleNvo.Domain.Checks.Rules;

/// <summary>
/// A performance indicator whose counts in a reported year (see
/// <see cref="ConsistencyCheckContext.IsReported"/>) fall short of the year's target: one finding
/// per indicator and year, keyed by the indicator so its explanation stays while the figures
/// change. A deviation: falling short can be true, so the performer explains it and the reviewer
/// judges. Years not yet reported and years without a target are left alone.
/// </summary>
public sealed class IndicatorBelowTargetRule : IConsistencyRule
{
    public IEnumerable<ConsistencyFinding> Check(ConsistencyCheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return IndicatorProgress.Compute(context.Agreement)
            .Where(p => p.Met == false && ConsistencyCheckContext.IsReported(p.Year))
            .Select(Finding)
            .ToList();
    }

    private static ConsistencyFinding Finding(IndicatorYearProgress progress)
    {
        var indicator = progress.Indicator;
        var number = progress.Year.Number;
        var target = progress.Target!.Value;
        var achievedLv = CountLv(progress.Achieved, progress.AchievedQualifier);
        var achievedEn = CountEn(progress.Achieved, progress.AchievedQualifier);
        return new ConsistencyFinding(
            ConsistencyRuleCodes.IndicatorBelowTarget, FindingSeverity.Deviation, number, null, null,
            $"{YearLocativeLv(number)} rādītājs {QuoteLv(indicator.Name)} sasniegts {achievedLv} {QuoteLv(indicator.Unit)} apmērā, " +
            $"lai gan mērķis ir {CountLv(target, indicator.Qualifier)}.",
            $"In {YearEn(number)} the indicator {QuoteEn(indicator.Name)} reached {achievedEn} {QuoteEn(indicator.Unit)}, " +
            $"against a target of {CountEn(target, indicator.Qualifier)}.")
        {
            IndicatorId = indicator.Id,
        };
    }
}
