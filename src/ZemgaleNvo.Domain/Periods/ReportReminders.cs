namespace ZemgaleNvo.Domain.Periods;

/// <summary>The reminders the performer's staff get about a report that is not yet submitted.</summary>
public enum ReminderKind
{
    /// <summary>14 days before the due date (sent on any day from 14 to 4 days before, if the portal was down on the 14th).</summary>
    TwoWeeksBefore,

    /// <summary>3 days before the due date (sent on any day from 3 days before to the due date itself).</summary>
    ThreeDaysBefore,

    /// <summary>The day after the due date was missed (or on the next days of the catch-up window).</summary>
    DayAfter,
}

/// <summary>
/// When a report's reminders are due: 14 and 3 days before its due date and the day after it was
/// missed. The one place these days are decided; the reminder pass asks it every run, and the
/// outbox's unique key per report, kind, due date and person makes each go out once.
/// </summary>
/// <remarks>
/// A reminder is due on a range of days rather than on one, so a portal that was stopped (or a pass
/// that failed) on the exact day still reminds on the next run; the latest stage wins (a report 2
/// days before its date gets the 3-day reminder, never a late 14-day one). The day-after reminder
/// is only sent within <c>catchUpDays</c> of the missed date: a portal installed over years that were
/// missed long ago does not greet the NGOs with reminders about them (the dashboard shows them).
/// </remarks>
public static class ReportReminders
{
    public const int FirstReminderDays = Deadline.DueSoonDays;
    public const int SecondReminderDays = 3;

    /// <summary>The reminder due today for this deadline, if any; none once the report was submitted.</summary>
    public static ReminderKind? Due(Deadline deadline, int catchUpDays)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        return deadline.Status switch
        {
            DeadlineStatus.Upcoming when deadline.Days <= SecondReminderDays => ReminderKind.ThreeDaysBefore,
            DeadlineStatus.Upcoming when deadline.Days <= FirstReminderDays => ReminderKind.TwoWeeksBefore,
            DeadlineStatus.Overdue when deadline.Days <= Math.Max(1, catchUpDays) => ReminderKind.DayAfter,
            _ => null,
        };
    }

    /// <summary>How the kind is written in outbox keys: <c>before-14</c>, <c>before-3</c>, <c>overdue</c>.</summary>
    public static string KeyName(ReminderKind kind) => kind switch
    {
        ReminderKind.TwoWeeksBefore => "before-14",
        ReminderKind.ThreeDaysBefore => "before-3",
        ReminderKind.DayAfter => "overdue",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
