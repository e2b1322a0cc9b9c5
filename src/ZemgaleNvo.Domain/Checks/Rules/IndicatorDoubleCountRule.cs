using ZemgaleNvo.Domain.Agreements;
using static ZemgaleNvo.Domain.Checks.Wording;

namespace ZemgaleNvo.Domain.Checks.Rules;

/// <summary>
/// Two results of the same strand in the same year that count the same kind of thing ("12 mācību
/// semināri / darbnīcas" in one, "2 mācību semināri" in the next) leave the reader unsure whether
/// the 2 are part of the 12 or in addition to them: a possible double count, so a warning. One
/// finding per pair of results (on the later one), naming the first overlapping pair of units.
/// Results in different strands or years are never compared: they legitimately count alike things.
/// </summary>
public sealed class IndicatorDoubleCountRule : IConsistencyRule
{
    public IEnumerable<ConsistencyFinding> Check(ConsistencyCheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var findings = new List<ConsistencyFinding>();
        foreach (var year in context.Years)
        {
            foreach (var strand in year.Activities.GroupBy(a => a.BudgetLineId).OrderBy(g => g.Key))
            {
                var activities = strand.OrderBy(a => a.Ordinal).ToList();
                for (var i = 0; i < activities.Count; i++)
                {
                    for (var j = i + 1; j < activities.Count; j++)
                    {
                        var overlap = FirstOverlap(activities[i], activities[j]);
                        if (overlap is { } pair)
                        {
                            findings.Add(Finding(context, year, activities[i], pair.First, activities[j], pair.Second));
                        }
                    }
                }
            }
        }
        return findings;
    }

    private static (Indicator First, Indicator Second)? FirstOverlap(Activity first, Activity second)
    {
        foreach (var a in first.Indicators)
        {
            foreach (var b in second.Indicators)
            {
                if (IndicatorUnits.Overlap(a.Unit, b.Unit))
                {
                    return (a, b);
                }
            }
        }
        return null;
    }

    private static ConsistencyFinding Finding(ConsistencyCheckContext context, ImplementationYear year, Activity first, Indicator a, Activity second, Indicator b)
    {
        var name = context.LineName(first.BudgetLineId);
        return new ConsistencyFinding(
            ConsistencyRuleCodes.IndicatorPossibleDoubleCount, FindingSeverity.Warning, year.Number, second.BudgetLineId, second.Id,
            $"{YearLocativeLv(year.Number)} pozīcijas {QuoteLv(name)} {OrdinalLv(first.Ordinal)} rezultātā uzrādīti {CountLv(a)} {QuoteLv(a.Unit)}, " +
            $"bet {OrdinalLv(second.Ordinal)} rezultātā — {CountLv(b)} {QuoteLv(b.Unit)}: nav skaidrs, vai tie ir daļa no pirmā skaita vai papildus tam " +
            "(iespējams, skaitīti divreiz).",
            $"In {YearEn(year.Number)}, line {QuoteEn(name)}: result {NumberEn(first.Ordinal)} counts {CountEn(a)} {QuoteEn(a.Unit)} " +
            $"and result {NumberEn(second.Ordinal)} counts {CountEn(b)} {QuoteEn(b.Unit)}: it is unclear whether the latter are part of the former " +
            "or in addition to them (possibly counted twice).");
    }
}
