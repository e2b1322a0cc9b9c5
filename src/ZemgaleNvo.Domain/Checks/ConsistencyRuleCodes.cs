namespace ZemgaleNvo.Domain.Checks;

/// <summary>The stable codes of <see cref="ConsistencyFinding.RuleCode"/>.</summary>
public static class ConsistencyRuleCodes
{
    /// <summary>The task text names another region than the agreement's.</summary>
    public const string TaskRegionMismatch = "task-region-mismatch";

    /// <summary>A line spent more in a year than it had available, and no reallocation covers it.</summary>
    public const string LineOverspent = "line-overspent";

    /// <summary>A year carried out more than it had left, or less (the rest neither carried nor shown as returned).</summary>
    public const string CarryOverTotalMismatch = "carry-over-total-mismatch";

    /// <summary>A year's carry-over adds up in total, but its split over the lines does not follow the lines' remainders.</summary>
    public const string CarryOverSplitMismatch = "carry-over-split-mismatch";

    /// <summary>Money is carried out of the agreement's last year, into a year that does not exist.</summary>
    public const string CarryOverFromLastYear = "carry-over-from-last-year";

    /// <summary>Money left at the end of the agreement is shown neither as spent nor as returned.</summary>
    public const string FinalRemainderNotReturned = "final-remainder-not-returned";

    /// <summary>A year's reported actual total differs from the sum of its lines' actuals.</summary>
    public const string ReportedTotalMismatch = "reported-total-mismatch";

    /// <summary>A negative recovered amount makes the unrecovered amount exceed the non-compliant amount.</summary>
    public const string UnrecoveredExceedsNonCompliant = "unrecovered-exceeds-non-compliant";

    /// <summary>More was recovered than was found non-compliant.</summary>
    public const string RecoveredExceedsNonCompliant = "recovered-exceeds-non-compliant";

    /// <summary>A recovery date without any recovered amount.</summary>
    public const string RecoveryDateWithoutAmount = "recovery-date-without-amount";

    /// <summary>An activity's date lies outside its implementation year.</summary>
    public const string ActivityOutsideYear = "activity-outside-year";

    /// <summary>An activity ends before it starts.</summary>
    public const string ActivityDatesReversed = "activity-dates-reversed";

    /// <summary>A reported year has no results at all.</summary>
    public const string YearWithoutResults = "year-without-results";

    /// <summary>A strand (budget line) with money in a year has no results in that year.</summary>
    public const string StrandWithoutResults = "strand-without-results";

    /// <summary>Two results of one strand and year count the same kind of thing: possibly counted twice.</summary>
    public const string IndicatorPossibleDoubleCount = "indicator-possible-double-count";

    /// <summary>A performance indicator's counts in a reported year fall short of the year's target.</summary>
    public const string IndicatorBelowTarget = "indicator-below-target";

    /// <summary>
    /// Errors about what the ministry records (non-compliant expenditure and its recoveries), not the
    /// performer: the performer cannot fix them, so they never stop a year from being submitted.
    /// </summary>
    public static IReadOnlySet<string> RecordedByMinistry { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        UnrecoveredExceedsNonCompliant,
        RecoveredExceedsNonCompliant,
        RecoveryDateWithoutAmount,
    };
}
