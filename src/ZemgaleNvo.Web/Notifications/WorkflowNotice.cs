using System.Security.Claims;
using ZemgaleNvo.Web.Authorization;

namespace ZemgaleNvo.Web.Notifications;

/// <summary>The review steps of an implementation year that people are told about by email.</summary>
public enum WorkflowNoticeKind
{
    /// <summary>The performer submitted the year: every reviewer is told.</summary>
    Submitted,

    /// <summary>A reviewer returned the year with a reason: the performer's staff are told.</summary>
    Returned,

    /// <summary>A reviewer approved the year: the performer's staff are told.</summary>
    Approved,
}

/// <summary>
/// What just happened to an implementation year. The notifier looks up the agreement, the performer
/// and the recipients itself; the caller only says what it did.
/// </summary>
/// <param name="AgreementId">The agreement's id (<c>/agreements/{id}</c>).</param>
/// <param name="YearNumber">1 for the first implementation year (<c>/years/{n}</c>); null for the agreement's final summary.</param>
/// <param name="Kind">The step that was taken.</param>
/// <param name="Reason">Why the year was returned; required for <see cref="WorkflowNoticeKind.Returned"/>, ignored otherwise.</param>
/// <param name="ActorName">Who took the step, as the recipients should read it (full name, else email).</param>
/// <param name="AtUtc">When the step was saved, UTC; the email shows it in Riga time.</param>
public sealed record WorkflowNotice(
    int AgreementId,
    int? YearNumber,
    WorkflowNoticeKind Kind,
    string? Reason,
    string ActorName,
    DateTime AtUtc)
{
    /// <summary>How the email names the signed-in user who took the step: their full name, else their email (user name).</summary>
    public static string ActorNameOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var fullName = user.FindFirstValue(PortalClaims.FullName);
        return !string.IsNullOrWhiteSpace(fullName) ? fullName : user.Identity?.Name ?? "?";
    }
}

/// <summary>Tells the people concerned, by email, that a year or the summary was submitted, returned or approved.</summary>
/// <remarks>
/// <para>
/// Call it BEFORE the step's <c>SaveChangesAsync</c>: it only adds outbox rows to the request's
/// context (decision 0015), so the step and its emails are committed together or not at all. After
/// the save, <see cref="OutboxWriter.SendSavedAsync"/> tries them at once; what the mail server does
/// not take stays queued for the background sender. Nothing is sent if the save fails.
/// </para>
/// <code>
/// await notifier.QueueAsync(new WorkflowNotice(id, number, WorkflowNoticeKind.Returned, form.Reason,
///     WorkflowNotice.ActorNameOf(User), DateTime.UtcNow), cancellationToken);
/// await db.SaveChangesAsync(cancellationToken);
/// await outbox.SendSavedAsync();
/// </code>
/// </remarks>
public interface IWorkflowNotifier
{
    /// <summary>Queues one message per recipient in the request's context; returns how many.</summary>
    Task<int> QueueAsync(WorkflowNotice notice, CancellationToken cancellationToken);
}
