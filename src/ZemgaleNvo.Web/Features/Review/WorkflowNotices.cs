using ZemgaleNvo.Domain.Reviews;
using ZemgaleNvo.Web.Notifications;

namespace ZemgaleNvo.Web.Features.Review;

/// <summary>
/// Tells the people concerned about a review step of a year or of the summary: reviewers of a
/// submitted one, the performer's staff of a returned, reopened or approved one. The emails are
/// queued in the step's own save (<see cref="BeforeSaveAsync"/>) and tried at once after it
/// (<see cref="AfterSaveAsync"/>); what the mail server does not take, the outbox sender retries.
/// </summary>
public sealed class WorkflowNotices(IWorkflowNotifier notifier, OutboxWriter outbox, TimeProvider time)
{
    /// <summary>Adds the step's emails to the request's context; call before <c>SaveChangesAsync</c>.</summary>
    public Task BeforeSaveAsync(int agreementId, int? yearNumber, ReviewTransition transition, string? reason, string actorName, CancellationToken cancellationToken)
    {
        var kind = transition switch
        {
            ReviewTransition.Submit => WorkflowNoticeKind.Submitted,
            ReviewTransition.Approve => WorkflowNoticeKind.Approved,
            // Reopening hands the year back to the performer, as a return does, with the admin's reason.
            _ => WorkflowNoticeKind.Returned,
        };
        return notifier.QueueAsync(new WorkflowNotice(agreementId, yearNumber, kind, reason, actorName, time.GetUtcNow().UtcDateTime), cancellationToken);
    }

    /// <summary>After the save: one attempt at once (the outbox sender retries what fails). Never throws for mail reasons.</summary>
    public Task AfterSaveAsync() => outbox.SendSavedAsync();
}
