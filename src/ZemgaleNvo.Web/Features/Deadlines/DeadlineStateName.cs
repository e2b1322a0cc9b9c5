using ZemgaleNvo.Domain.Periods;

namespace ZemgaleNvo.Web.Features.Deadlines;

/// <summary>How a deadline state is written in markup (<c>data-deadline="overdue"</c>), for tests and styling.</summary>
public static class DeadlineStateName
{
    public static string Of(DeadlineStatus status) => status switch
    {
        DeadlineStatus.Upcoming => "upcoming",
        DeadlineStatus.Overdue => "overdue",
        DeadlineStatus.SubmittedOnTime => "on-time",
        DeadlineStatus.SubmittedLate => "late",
        _ => "submitted",
    };
}
