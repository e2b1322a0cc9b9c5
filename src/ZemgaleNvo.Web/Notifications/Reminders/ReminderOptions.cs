namespace ZemgaleNvo.Web.Notifications.Reminders;

/// <summary>The <c>Reminders</c> section: the scheduled pass that reminds the NGOs of due dates and sends reviewers their weekly digest.</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>Off: no reminders and no digests (the due dates still show on the pages).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often each instance tries the pass (only the instance holding the lease runs it).</summary>
    public int PollSeconds { get; set; } = 600;

    /// <summary>How long one instance's lease on the pass holds without renewal; longer than <see cref="PollSeconds"/>, so the holder keeps it while it runs.</summary>
    public int LeaseSeconds { get; set; } = 1800;

    /// <summary>For how many days after a missed due date the "day after" reminder may still go (a portal stopped on that day catches up; older misses are left to the dashboard).</summary>
    public int OverdueCatchUpDays { get; set; } = 7;

    /// <summary>The day of the week the reviewers' digest goes out (Riga time).</summary>
    public DayOfWeek DigestDay { get; set; } = DayOfWeek.Monday;

    /// <summary>The hour, Riga time, from which the digest goes out on <see cref="DigestDay"/>.</summary>
    public int DigestHour { get; set; } = 8;

    /// <summary>A submitted report that has waited this many days or more is listed in the digest as long-waiting.</summary>
    public int DigestWaitingDays { get; set; } = 14;

    public bool IsValid => PollSeconds >= 1 && LeaseSeconds > PollSeconds
        && OverdueCatchUpDays is >= 1 and <= 60 && DigestHour is >= 0 and <= 23 && DigestWaitingDays is >= 1 and <= 365;

    public const string Rules = "Reminders: PollSeconds ≥ 1, LeaseSeconds > PollSeconds, OverdueCatchUpDays 1–60, DigestHour 0–23, DigestWaitingDays 1–365.";
}
