using static ZemgaleNvo.Domain.Checks.Wording;

namespace ZemgaleNvo.Domain.Checks.Rules;

/// <summary>
/// The last implementation year has no next year: money carried out of it goes nowhere. One
/// finding per line, since each carry-over record is a separate entry to correct.
/// </summary>
public sealed class NoCarryOverFromLastYearRule : IConsistencyRule
{
    public IEnumerable<ConsistencyFinding> Check(ConsistencyCheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var lastYear = context.Years.Count == 0 ? null : context.Years[^1];
        if (lastYear is null)
        {
            return [];
        }
        var roman = RomanNumerals.From(lastYear.Number);
        return context.Balance(lastYear).Lines
            .Where(l => l.CarriedOutCents != 0)
            .Select(l => new ConsistencyFinding(
                ConsistencyRuleCodes.CarryOverFromLastYear, FindingSeverity.Error, lastYear.Number, l.BudgetLineId, null,
                $"{YearLv(lastYear.Number)} ir līguma pēdējais, tomēr no tā pozīcijai {QuoteLv(context.LineName(l.BudgetLineId))} " +
                $"uz nākamo periodu pārcelti {EuroLv(l.CarriedOutCents)}: nav gada, kurā tos izlietot. Neizlietotais atlikums jāatmaksā.",
                $"Year {roman} is the agreement's last, yet {EuroEn(l.CarriedOutCents)} of the line {QuoteEn(context.LineName(l.BudgetLineId))} " +
                $"was carried over to a next period: there is no year to spend it in. An unspent remainder is to be returned."))
            .ToList();
    }
}
