using System.Globalization;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Reviews;

namespace ZemgaleNvo.Domain.Periods;

/// <summary>
/// The agreement's clause on regular reports: each implementation year's report is due a number of
/// days after the year ends, the whole-period summary a number of days after the agreement ends. A
/// due date on a weekend or a Latvian public holiday moves to the next working day
/// (<see cref="LatvianPublicHolidays"/>). The one place every due date is computed.
/// </summary>
public sealed record ReportingSchedule(int YearReportDays, int SummaryDays)
{
    public const int DefaultYearReportDays = 30;
    public const int DefaultSummaryDays = 60;

    /// <summary>No agreement gives a year longer than this to report; a larger number is a typing error.</summary>
    public const int MaxDays = 365;

    public static ReportingSchedule Default { get; } = new(DefaultYearReportDays, DefaultSummaryDays);

    public static ReportingSchedule Of(DelegationAgreement agreement)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        return new(agreement.YearReportDueDays, agreement.SummaryDueDays);
    }

    public static bool IsValidDays(int days) => days is >= 0 and <= MaxDays;

    /// <summary>When the report of a year ending on <paramref name="yearEnd"/> is due.</summary>
    public DateOnly YearDue(DateOnly yearEnd) => LatvianPublicHolidays.OnOrNextWorkingDay(yearEnd.AddDays(YearReportDays));

    /// <summary>When the summary of an agreement ending on <paramref name="periodEnd"/> is due.</summary>
    public DateOnly SummaryDue(DateOnly periodEnd) => LatvianPublicHolidays.OnOrNextWorkingDay(periodEnd.AddDays(SummaryDays));
}

/// <summary>Calendar days as people in Latvia count them: the date in Europe/Riga, summer time included.</summary>
public static class RigaCalendar
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Riga");

    public static DateOnly Today(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return DateOf(time.GetUtcNow().UtcDateTime);
    }

    public static DateOnly DateOf(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone));
}

public enum DeadlineStatus
{
    /// <summary>Not submitted, due today or later.</summary>
    Upcoming,

    /// <summary>Not submitted, and the due date has passed.</summary>
    Overdue,

    SubmittedOnTime,
    SubmittedLate,

    /// <summary>Submitted (or approved) before the portal recorded when: data taken over from paper.</summary>
    SubmittedDateUnknown,
}

/// <summary>
/// Where one report (a year's or the summary) stands against its due date on a given day.
/// "Submitted" means handed to the ministry at least once: the first submission counts, so a report
/// the reviewer returns after an on-time submission stays "on time".
/// </summary>
/// <param name="Days">Days until the due date (upcoming), past it (overdue), or late (submitted late); 0 otherwise.</param>
public sealed record Deadline(DateOnly DueOn, DeadlineStatus Status, int Days)
{
    /// <summary>Reminders and the dashboard's "due soon" look this far ahead.</summary>
    public const int DueSoonDays = 14;

    public static Deadline Evaluate(DateOnly dueOn, ReviewStatus status, DateOnly? firstSubmittedOn, DateOnly today)
    {
        if (status != ReviewStatus.Draft || firstSubmittedOn is not null)
        {
            return firstSubmittedOn switch
            {
                null => new(dueOn, DeadlineStatus.SubmittedDateUnknown, 0),
                { } on when on <= dueOn => new(dueOn, DeadlineStatus.SubmittedOnTime, 0),
                { } on => new(dueOn, DeadlineStatus.SubmittedLate, on.DayNumber - dueOn.DayNumber),
            };
        }
        return today <= dueOn
            ? new(dueOn, DeadlineStatus.Upcoming, dueOn.DayNumber - today.DayNumber)
            : new(dueOn, DeadlineStatus.Overdue, today.DayNumber - dueOn.DayNumber);
    }

    public bool IsOverdue => Status == DeadlineStatus.Overdue;

    public bool IsDueSoon => Status == DeadlineStatus.Upcoming && Days <= DueSoonDays;

    /// <summary>"nokavēts 12 dienas", "jāiesniedz 5 dienās", "iesniegts laikā".</summary>
    public string Latvian() => Status switch
    {
        DeadlineStatus.Upcoming when Days == 0 => "jāiesniedz šodien",
        DeadlineStatus.Upcoming => "jāiesniedz " + LatvianDays.Locative(Days),
        DeadlineStatus.Overdue => "nokavēts " + LatvianDays.Accusative(Days),
        DeadlineStatus.SubmittedOnTime => "iesniegts laikā",
        DeadlineStatus.SubmittedLate => "iesniegts " + LatvianDays.Accusative(Days) + " pēc termiņa",
        _ => "iesniegts",
    };

    /// <summary>"overdue by 12 days", "due in 5 days", "submitted on time".</summary>
    public string English() => Status switch
    {
        DeadlineStatus.Upcoming when Days == 0 => "due today",
        DeadlineStatus.Upcoming => "due in " + LatvianDays.English(Days),
        DeadlineStatus.Overdue => "overdue by " + LatvianDays.English(Days),
        DeadlineStatus.SubmittedOnTime => "submitted on time",
        DeadlineStatus.SubmittedLate => "submitted " + LatvianDays.English(Days) + " late",
        _ => "submitted",
    };

    public string Text(bool latvian) => latvian ? Latvian() : English();
}

/// <summary>How long a submitted report has waited for the reviewer: since its latest submission.</summary>
public sealed record ReviewWait(DateOnly SubmittedOn, int Days)
{
    public static ReviewWait Since(DateOnly submittedOn, DateOnly today) => new(submittedOn, Math.Max(0, today.DayNumber - submittedOn.DayNumber));

    /// <summary>"gaida izskatīšanu 12 dienas".</summary>
    public string Latvian() => Days == 0 ? "gaida izskatīšanu kopš šodienas" : "gaida izskatīšanu " + LatvianDays.Accusative(Days);

    public string English() => Days == 0 ? "waiting for review since today" : "waiting for review for " + LatvianDays.English(Days);

    public string Text(bool latvian) => latvian ? Latvian() : English();
}

/// <summary>
/// "diena" with a number, as Latvian agrees it: the singular after numbers ending in 1 except 11
/// (1, 21, 101 diena), the plural otherwise (2, 11, 12 dienas).
/// </summary>
public static class LatvianDays
{
    public static bool TakesSingular(int number) => Math.Abs(number) % 10 == 1 && Math.Abs(number) % 100 != 11;

    /// <summary>"1 diena", "2 dienas", "21 diena", "11 dienas".</summary>
    public static string Nominative(int number) => Number(number) + (TakesSingular(number) ? " diena" : " dienas");

    /// <summary>For a length of time: "nokavēts 1 dienu", "nokavēts 12 dienas".</summary>
    public static string Accusative(int number) => Number(number) + (TakesSingular(number) ? " dienu" : " dienas");

    /// <summary>Within a time: "jāiesniedz 1 dienā", "jāiesniedz 5 dienās".</summary>
    public static string Locative(int number) => Number(number) + (TakesSingular(number) ? " dienā" : " dienās");

    /// <summary>"1 day", "5 days".</summary>
    public static string English(int number) => Number(number) + (number == 1 ? " day" : " days");

    private static string Number(int number) => number.ToString(CultureInfo.InvariantCulture);
}
