using static ZemgaleNvo.Domain.Checks.Wording;

namespace ZemgaleNvo.Domain.Checks.Rules;

/// <summary>
/// The year's actual total as the performer stated it ("Faktiski 44 135,47 euro") must equal the
/// sum of the lines' actuals; the two are entered separately precisely so this can be checked.
/// Years without a stated total are not checked.
/// </summary>
public sealed class ReportedTotalRule : IConsistencyRule
{
    public IEnumerable<ConsistencyFinding> Check(ConsistencyCheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var findings = new List<ConsistencyFinding>();
        foreach (var year in context.Years)
        {
            if (year.ReportedActualTotalCents is not { } reported)
            {
                continue;
            }
            var linesSum = context.Balance(year).ActualCents;
            if (reported == linesSum)
            {
                continue;
            }
            var difference = Math.Abs(reported - linesSum);
            findings.Add(new ConsistencyFinding(
                ConsistencyRuleCodes.ReportedTotalMismatch, FindingSeverity.Error, year.Number, null, null,
                $"{YearGenitiveLv(year.Number)} faktiskie izdevumi norādīti {EuroLv(reported)} apmērā, " +
                $"bet pozīciju faktisko izdevumu summa ir {EuroLv(linesSum)} (starpība {EuroLv(difference)}).",
                $"The actual spend of {YearEn(year.Number)} is stated as {EuroEn(reported)}, " +
                $"but the lines' actuals add up to {EuroEn(linesSum)} (difference {EuroEn(difference)})."));
        }
        return findings;
    }
}
