using ZemgaleNvo.Domain.Agreements;
using static ZemgaleNvo.Domain.Checks.Wording;

namespace ZemgaleNvo.Domain.Checks.Rules;

/// <summary>
/// A result is reported under one implementation year, so its dates must fall within that year;
/// and it cannot end before it starts. Both are errors the performer fixes: reversed dates cannot
/// both be right, and a date outside the year means a wrong date or a result under the wrong year.
/// Results without dates are not checked.
/// </summary>
public sealed class ActivityDatesRule : IConsistencyRule
{
    public IEnumerable<ConsistencyFinding> Check(ConsistencyCheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var findings = new List<ConsistencyFinding>();
        foreach (var year in context.Years)
        {
            foreach (var activity in year.Activities.OrderBy(a => a.BudgetLineId).ThenBy(a => a.Ordinal))
            {
                var finding = Reversed(context, year, activity) ?? OutsideYear(context, year, activity);
                if (finding is not null)
                {
                    findings.Add(finding);
                }
            }
        }
        return findings;
    }

    private static ConsistencyFinding? Reversed(ConsistencyCheckContext context, ImplementationYear year, Activity activity)
    {
        if (activity is not { StartDate: { } start, EndDate: { } end } || end >= start)
        {
            return null;
        }
        return new ConsistencyFinding(
            ConsistencyRuleCodes.ActivityDatesReversed, FindingSeverity.Error, year.Number, activity.BudgetLineId, activity.Id,
            EndSentence($"{ResultLv(context, year, activity)} beigu datums {DateLv(end)} ir pirms sākuma datuma {DateLv(start)}"),
            $"{ResultEn(context, year, activity)} ends on {DateEn(end)}, before it starts on {DateEn(start)}.");
    }

    private static ConsistencyFinding? OutsideYear(ConsistencyCheckContext context, ImplementationYear year, Activity activity)
    {
        var dates = new[] { activity.StartDate, activity.EndDate }.OfType<DateOnly>().Distinct().ToList();
        var outside = dates.Where(d => !year.Period.Contains(d)).ToList();
        if (outside.Count == 0)
        {
            return null;
        }
        var whenLv = dates.Count == 1 ? $"datums {DateLv(dates[0])} ir" : $"laiks {RangeLv(dates.Min(), dates.Max())} iziet";
        var whenEn = dates.Count == 1 ? $"date {DateEn(dates[0])} lies" : $"dates {RangeEn(dates.Min(), dates.Max())} reach";
        return new ConsistencyFinding(
            ConsistencyRuleCodes.ActivityOutsideYear, FindingSeverity.Error, year.Number, activity.BudgetLineId, activity.Id,
            $"{ResultLv(context, year, activity)} {whenLv} ārpus īstenošanas gada ({RangeLv(year.StartDate, year.EndDate)}).",
            $"{ResultEn(context, year, activity)}: its {whenEn} outside the implementation year ({RangeEn(year.StartDate, year.EndDate)}).");
    }

    /// <summary>"II. īstenošanas gada pozīcijas „…” 3. rezultāta".</summary>
    private static string ResultLv(ConsistencyCheckContext context, ImplementationYear year, Activity activity) =>
        $"{YearGenitiveLv(year.Number)} pozīcijas {QuoteLv(context.LineName(activity.BudgetLineId))} {OrdinalLv(activity.Ordinal)} rezultāta";

    private static string ResultEn(ConsistencyCheckContext context, ImplementationYear year, Activity activity) =>
        $"Result {NumberEn(activity.Ordinal)} of the line {QuoteEn(context.LineName(activity.BudgetLineId))} in {YearEn(year.Number)}";
}
