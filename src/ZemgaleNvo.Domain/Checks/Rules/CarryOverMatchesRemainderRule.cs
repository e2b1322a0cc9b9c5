using ZemgaleNvo.Domain.Budget;
using static ZemgaleNvo.Domain.Checks.Wording;

namespace ZemgaleNvo.Domain.Checks.Rules;

/// <summary>
/// What a year (other than the last) carries into the next should be what it had left.
/// <list type="bullet">
/// <item>Year total: carrying out more than was left is an error (money that does not exist);
/// carrying out less is a warning, since the rest may have been returned, which the summary cannot
/// record.</item>
/// <item>Line split: checked only when the year totals agree and no line is overspent. An
/// overspent line already gets a <see cref="OverspentLineRule"/> finding that names the move
/// explaining the split, and a total that disagrees is already reported once for the year; a
/// per-line finding on top of either would repeat the same fact. What remains is a split that
/// differs from the lines' remainders although every line stayed within its means: money moved
/// between lines with no reallocation recorded.</item>
/// </list>
/// Years not yet reported are skipped; the last year is left to <see cref="NoCarryOverFromLastYearRule"/>
/// and <see cref="FinalRemainderRule"/>.
/// </summary>
public sealed class CarryOverMatchesRemainderRule : IConsistencyRule
{
    public IEnumerable<ConsistencyFinding> Check(ConsistencyCheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var findings = new List<ConsistencyFinding>();
        foreach (var year in context.Years.Where(y => !context.IsLastYear(y) && ConsistencyCheckContext.IsReported(y)))
        {
            var balance = context.Balance(year);
            if (balance.CarriedOutCents != balance.RemainingCents)
            {
                findings.Add(TotalMismatch(balance));
            }
            else if (balance.Lines.All(l => l.RemainingCents >= 0) && balance.Lines.Any(l => l.CarriedOutCents != l.RemainingCents))
            {
                findings.Add(SplitMismatch(context, balance));
            }
        }
        return findings;
    }

    private static ConsistencyFinding TotalMismatch(YearBalance year)
    {
        var left = year.RemainingCents;
        var carried = year.CarriedOutCents;
        if (carried > left)
        {
            return new ConsistencyFinding(
                ConsistencyRuleCodes.CarryOverTotalMismatch, FindingSeverity.Error, year.YearNumber, null, null,
                $"No {YearGenitiveLv(year.YearNumber)} uz nākamo gadu pārcelti {EuroLv(carried)}, bet gada neizlietotais atlikums ir {EuroLv(left)} " +
                $"(pārcelts par {EuroLv(carried - left)} vairāk, nekā palika).",
                $"{EuroEn(carried)} was carried from {YearEn(year.YearNumber)} into the next year, but the year's unspent remainder is {EuroEn(left)} " +
                $"({EuroEn(carried - left)} more carried than was left).");
        }
        var carriedLv = carried == 0 ? "uz nākamo gadu nekas nav pārcelts" : $"uz nākamo gadu pārcelti tikai {EuroLv(carried)}";
        var carriedEn = carried == 0 ? "nothing was carried into the next year" : $"only {EuroEn(carried)} was carried into the next year";
        return new ConsistencyFinding(
            ConsistencyRuleCodes.CarryOverTotalMismatch, FindingSeverity.Warning, year.YearNumber, null, null,
            $"{YearGenitiveLv(year.YearNumber)} neizlietotais atlikums ir {EuroLv(left)}, bet {carriedLv}; " +
            $"{EuroLv(left - carried)} nav uzrādīti ne kā pārcelti, ne kā atmaksāti.",
            $"The unspent remainder of {YearEn(year.YearNumber)} is {EuroEn(left)}, but {carriedEn}; " +
            $"{EuroEn(left - carried)} is shown neither as carried over nor as returned.");
    }

    private static ConsistencyFinding SplitMismatch(ConsistencyCheckContext context, YearBalance year)
    {
        var differing = year.Lines.Where(l => l.CarriedOutCents != l.RemainingCents).ToList();
        var linesLv = differing
            .Select(l => $"pozīcijai {QuoteLv(context.LineName(l.BudgetLineId))} atlika {EuroLv(l.RemainingCents)}, pārcelti {EuroLv(l.CarriedOutCents)}")
            .ToList();
        var linesEn = differing
            .Select(l => $"{QuoteEn(context.LineName(l.BudgetLineId))} had {EuroEn(l.RemainingCents)} left and carried {EuroEn(l.CarriedOutCents)}")
            .ToList();
        return new ConsistencyFinding(
            ConsistencyRuleCodes.CarryOverSplitMismatch, FindingSeverity.Error, year.YearNumber, null, null,
            $"{YearGenitiveLv(year.YearNumber)} pārcelšanas kopsumma ({EuroLv(year.CarriedOutCents)}) sakrīt ar atlikumu, bet sadalījums pa pozīcijām ne: " +
            $"{string.Join("; ", linesLv)}. Tas liecina par nereģistrētu pārdali starp pozīcijām.",
            $"The carry-over out of {YearEn(year.YearNumber)} ({EuroEn(year.CarriedOutCents)}) matches the remainder in total but not line by line: " +
            $"{string.Join("; ", linesEn)}. This points to an unrecorded reallocation between the lines.");
    }
}
