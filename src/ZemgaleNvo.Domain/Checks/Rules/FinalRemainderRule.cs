using ZemgaleNvo.Domain.Budget;
using static ZemgaleNvo.Domain.Checks.Wording;

namespace ZemgaleNvo.Domain.Checks.Rules;

/// <summary>
/// What is left at the end of the agreement (the last year's available − actual, all lines) must
/// be returned, and the summary has no place to show that it was. Money carried into the last year
/// and left unspent is a deviation the performer explains: it was kept for a purpose and then
/// neither used nor given back.
/// A plain underspend of the last year's own plan, with nothing carried in, is a warning that
/// states the amount to return. The message breaks the remainder down by line, because a year can
/// balance out a surplus on one line against an overspend on another.
/// An overall overspend (negative remainder) is not this rule's business: <see cref="OverspentLineRule"/>
/// reports each overspent line.
/// </summary>
public sealed class FinalRemainderRule : IConsistencyRule
{
    public IEnumerable<ConsistencyFinding> Check(ConsistencyCheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var lastYear = context.Years.Count == 0 ? null : context.Years[^1];
        if (lastYear is null || !ConsistencyCheckContext.IsReported(lastYear))
        {
            return [];
        }
        var balance = context.Balance(lastYear);
        if (balance.RemainingCents <= 0)
        {
            return [];
        }
        return [Finding(context, balance)];
    }

    private static ConsistencyFinding Finding(ConsistencyCheckContext context, YearBalance year)
    {
        var carriedIn = year.CarriedInCents > 0;
        var roman = RomanNumerals.From(year.YearNumber);
        var carriedInLv = carriedIn ? $" (t.sk. {EuroLv(year.CarriedInCents)}, kas pārcelti no iepriekšējā gada)" : "";
        var carriedInEn = carriedIn ? $" (including {EuroEn(year.CarriedInCents)} carried in from the previous year)" : "";
        var lines = year.Lines.Where(l => l.RemainingCents != 0).ToList();

        var lv = $"Līguma pēdējā, {roman}. īstenošanas gadā bija pieejami {EuroLv(year.AvailableCents)}{carriedInLv}, bet izlietoti {EuroLv(year.ActualCents)}. " +
                 $"Atlikums {EuroLv(year.RemainingCents)} nav uzrādīts ne kā izlietots, ne kā atmaksāts" +
                 (carriedIn ? "." : "; tas jāatmaksā.");
        var en = $"In year {roman}, the agreement's last, {EuroEn(year.AvailableCents)} was available{carriedInEn} and {EuroEn(year.ActualCents)} was spent. " +
                 $"The remainder of {EuroEn(year.RemainingCents)} is shown neither as spent nor as returned" +
                 (carriedIn ? "." : "; it is to be returned.");
        if (lines.Count > 0)
        {
            lv += " Pa pozīcijām: " + string.Join("; ", lines.Select(l => LineLv(context, l))) + ".";
            en += " By line: " + string.Join("; ", lines.Select(l => LineEn(context, l))) + ".";
        }
        return new ConsistencyFinding(
            ConsistencyRuleCodes.FinalRemainderNotReturned,
            carriedIn ? FindingSeverity.Deviation : FindingSeverity.Warning,
            year.YearNumber, null, null, lv, en);
    }

    private static string LineLv(ConsistencyCheckContext context, LineYearBalance line)
    {
        var name = QuoteLv(context.LineName(line.BudgetLineId));
        return line.RemainingCents > 0
            ? $"pozīcijai {name} atlikuši {EuroLv(line.RemainingCents)} no pieejamajiem {EuroLv(line.AvailableCents)}"
            : $"pozīcijā {name} izlietoti par {EuroLv(-line.RemainingCents)} vairāk nekā pieejamie {EuroLv(line.AvailableCents)}";
    }

    private static string LineEn(ConsistencyCheckContext context, LineYearBalance line)
    {
        var name = QuoteEn(context.LineName(line.BudgetLineId));
        return line.RemainingCents > 0
            ? $"{name} has {EuroEn(line.RemainingCents)} left of {EuroEn(line.AvailableCents)} available"
            : $"{name} is {EuroEn(-line.RemainingCents)} over its {EuroEn(line.AvailableCents)} available";
    }
}
