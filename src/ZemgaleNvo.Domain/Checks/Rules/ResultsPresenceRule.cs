using ZemgaleNvo.Domain.Agreements;
using static ZemgaleNvo.Domain.Checks.Wording;

namespace ZemgaleNvo.Domain.Checks.Rules;

/// <summary>
/// Money should come with results. A reported year (see <see cref="ConsistencyCheckContext.IsReported"/>)
/// with no results at all gets one finding for the year, not one per strand. In a year that has
/// results, a strand (budget line) with money planned or spent but no result of its own gets one.
/// Years not yet reported and strands without money that year are left alone. Both are deviations:
/// a strand can truly have done nothing in a year, so the performer says why instead of inventing a result.
/// </summary>
public sealed class ResultsPresenceRule : IConsistencyRule
{
    public IEnumerable<ConsistencyFinding> Check(ConsistencyCheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var findings = new List<ConsistencyFinding>();
        foreach (var year in context.Years.Where(ConsistencyCheckContext.IsReported))
        {
            var balance = context.Balance(year);
            if (year.Activities.Count == 0)
            {
                findings.Add(YearWithoutResults(year, balance.ActualCents));
                continue;
            }
            foreach (var line in balance.Lines)
            {
                var hasMoney = line.PlannedCents != 0 || line.ActualCents != 0;
                if (hasMoney && !year.Activities.Exists(a => a.BudgetLineId == line.BudgetLineId))
                {
                    findings.Add(StrandWithoutResults(context, year, line.BudgetLineId, line.PlannedCents, line.ActualCents));
                }
            }
        }
        return findings;
    }

    private static ConsistencyFinding YearWithoutResults(ImplementationYear year, long actualCents)
    {
        var spentLv = actualCents != 0 ? $", lai gan izlietoti {EuroLv(actualCents)}" : "";
        var spentEn = actualCents != 0 ? $", although {EuroEn(actualCents)} was spent" : "";
        return new ConsistencyFinding(
            ConsistencyRuleCodes.YearWithoutResults, FindingSeverity.Deviation, year.Number, null, null,
            $"{RomanNumerals.From(year.Number)}. īstenošanas gadam nav neviena rezultāta{spentLv}.",
            $"Year {RomanNumerals.From(year.Number)} has no results{spentEn}.");
    }

    private static ConsistencyFinding StrandWithoutResults(ConsistencyCheckContext context, ImplementationYear year, int lineId, long plannedCents, long actualCents)
    {
        var name = context.LineName(lineId);
        return new ConsistencyFinding(
            ConsistencyRuleCodes.StrandWithoutResults, FindingSeverity.Deviation, year.Number, lineId, null,
            $"{YearLocativeLv(year.Number)} pozīcijai {QuoteLv(name)} nav neviena rezultāta, lai gan tai plānoti {EuroLv(plannedCents)} un izlietoti {EuroLv(actualCents)}.",
            $"In {YearEn(year.Number)} the line {QuoteEn(name)} has no results, although {EuroEn(plannedCents)} was planned and {EuroEn(actualCents)} spent.");
    }
}
