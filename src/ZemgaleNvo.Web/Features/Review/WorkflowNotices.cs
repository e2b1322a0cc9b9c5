using ZemgaleNvo.Domain.Reviews;
using ZemgaleNvo.Web.Notifications;

namespace ZemgaleNvo.Web.Features.Review;

/// <summary>
/// Tells the people concerned about a review step, after it is saved: reviewers of a submitted
/// year, the performer's staff of a returned, reopened or approved one. The summary's steps send
/// no email: the summary is decided together with the ministry, and its page shows the history.
/// </summary>
public sealed class WorkflowNotices(IWorkflowNotifier notifier)
{
    public Task AfterAsync(int agreementId, int? yearNumber, ReviewTransition transition, string? reason, string actorName)
    {
        if (yearNumber is not { } number)
        {
            return Task.CompletedTask;
        }
        var kind = transition switch
        {
            ReviewTransition.Submit => WorkflowNoticeKind.Submitted,
            ReviewTransition.Approve => WorkflowNoticeKind.Approved,
            // Reopening hands the year back to the performer, as a return does, with the admin's reason.
            _ => WorkflowNoticeKind.Returned,
        };
        // Not the request's token: the email should still go if the user closes the page (the notifier never throws).
        return notifier.NotifyAsync(new WorkflowNotice(agreementId, number, kind, reason, actorName, DateTime.UtcNow), CancellationToken.None);
    }
}
