using ZemgaleNvo.Domain.Agreements;
using static ZemgaleNvo.Domain.Checks.Wording;

namespace ZemgaleNvo.Domain.Checks.Rules;

/// <summary>
/// A result that states a total ("Kopumā nodrošināti 12 mācību semināri / darbnīcas") next to
/// another result of the same strand and year that counts the same kind of thing ("2 mācību
/// semināri") leaves the reader unsure whether the 2 are part of the 12 or in addition to them: a
/// possible double count, so a warning. One finding per such pair (on the later result), naming the
/// first overlapping pair of units. Only a stated total makes the pair suspect: many results that
/// each count participants or events are ordinary, and flagging every pair of them would bury the
/// reviewer (a 200-result year would give thousands of findings). Results in different strands or
/// years are never compared: they legitimately count alike things.
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
                // Read each text once, not once per pair: a 270-result year has some 7 000 pairs a
                // strand, and splitting both texts for each pair took seconds per check (issue 18).
                var statesTotal = activities.Select(StatesTotal).ToArray();
                for (var i = 0; i < activities.Count; i++)
                {
                    for (var j = i + 1; j < activities.Count; j++)
                    {
                        if (!statesTotal[i] && !statesTotal[j])
                        {
                            continue;
                        }
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

    private static readonly string[] TotalWords = ["kopumā", "kopā", "pavisam", "total"];

    /// <summary>Whether the result's text presents its count as a total ("kopumā", "kopā", "pavisam", "in total").</summary>
    private static bool StatesTotal(Activity activity) =>
        activity.Text
            .Split([' ', ',', '.', ';', ':', '(', ')', '–', '-'], StringSplitOptions.RemoveEmptyEntries)
            .Any(word => TotalWords.Contains(word.ToLowerInvariant(), StringComparer.Ordinal));

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
