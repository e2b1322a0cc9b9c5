using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Checks.Rules;
using ZemgaleNvo.Domain.Organisations;

namespace ZemgaleNvo.Domain.Checks;

/// <summary>
/// Runs the consistency rules over one agreement and returns what they find: the things a
/// reviewer would want flagged that the summary itself does not say. Pure: it reads a loaded
/// agreement graph (region, budget lines, years with planned amounts, spending, reallocations,
/// carry-overs, non-compliant expenditure, activities with indicators) and changes nothing.
/// </summary>
public static class ConsistencyChecker
{
    /// <summary>Every rule, in the order their findings are listed within a year.</summary>
    public static IReadOnlyList<IConsistencyRule> DefaultRules { get; } =
    [
        new TaskRegionRule(),
        new ReportedTotalRule(),
        new OverspentLineRule(),
        new CarryOverMatchesRemainderRule(),
        new NoCarryOverFromLastYearRule(),
        new FinalRemainderRule(),
        new NonCompliantRecoveryRule(),
        new ResultsPresenceRule(),
        new ActivityDatesRule(),
        new IndicatorDoubleCountRule(),
        new IndicatorBelowTargetRule(),
    ];

    /// <param name="allRegions">Every region, so the task text can be searched for the others' names.</param>
    public static IReadOnlyList<ConsistencyFinding> Check(DelegationAgreement agreement, IReadOnlyList<Region> allRegions) =>
        Check(agreement, allRegions, DefaultRules);

    /// <summary>
    /// Findings about the agreement as a whole first, then year by year; within that, in rule
    /// order, so the list reads like the summary from top to bottom.
    /// </summary>
    public static IReadOnlyList<ConsistencyFinding> Check(DelegationAgreement agreement, IReadOnlyList<Region> allRegions, IEnumerable<IConsistencyRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var context = new ConsistencyCheckContext(agreement, allRegions);
        return rules
            .SelectMany(rule => rule.Check(context))
            .OrderBy(finding => finding.YearNumber ?? 0)
            .ToList();
    }
}
