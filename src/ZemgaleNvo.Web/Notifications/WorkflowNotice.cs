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
/// <param name="YearNumber">1 for the first implementation year (<c>/years/{n}</c>).</param>
/// <param name="Kind">The step that was taken.</param>
/// <param name="Reason">Why the year was returned; required for <see cref="WorkflowNoticeKind.Returned"/>, ignored otherwise.</param>
/// <param name="ActorName">Who took the step, as the recipients should read it (full name, else email).</param>
/// <param name="AtUtc">When the step was saved, UTC; the email shows it in Riga time.</param>
public sealed record WorkflowNotice(
    int AgreementId,
    int YearNumber,
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

/// <summary>Tells the people concerned, by email, that a year was submitted, returned or approved.</summary>
/// <remarks>
/// <para>
/// Call it after the transition has been saved (never before: the mail cannot be taken back).
/// It does not throw: a mail server that is down, a missing agreement or a cancelled request is
/// logged and the call returns, so a transition that was saved is never reported to the user as failed.
/// </para>
/// <para>
/// From a controller, pass <see cref="CancellationToken.None"/> rather than the request's token: the
/// step is saved, so the email should go even if the user closes the page; the wait is bounded by
/// <c>Smtp:TimeoutSeconds</c>.
/// </para>
/// <code>
/// await db.SaveChangesAsync(cancellationToken);
/// await notifier.NotifyAsync(new WorkflowNotice(id, number, WorkflowNoticeKind.Returned, form.Reason,
///     WorkflowNotice.ActorNameOf(User), DateTime.UtcNow), CancellationToken.None);
/// </code>
/// </remarks>
public interface IWorkflowNotifier
{
    Task NotifyAsync(WorkflowNotice notice, CancellationToken cancellationToken);
}
