using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using ZemgaleNvo.Domain.Users;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Infrastructure.Notifications;
using ZemgaleNvo.Web.Features.Reports;
using ZemgaleNvo.Web.Formatting;

namespace ZemgaleNvo.Web.Notifications;

/// <summary>
/// Finds who is to be told about a review step, composes the Latvian email and queues one outbox
/// row per recipient in the request's context (decision 0015), to be saved with the step.
/// </summary>
/// <remarks>
/// It reads through its own <see cref="AppDbContext"/> with <see cref="UnrestrictedDataScope"/>, not
/// through the request's context: who is to be told does not depend on who took the step (a staff
/// member's request is restricted to their organisation, an anonymous one sees nothing, a background
/// job has no request at all), and a context of its own reads only what was committed. The
/// unrestricted read is confined to this class, reads only the facts the email states, and sends
/// them only to people who may see the agreement anyway: reviewers (who see every agreement) and
/// the performer's own staff. The rows themselves go into the request's context through
/// <see cref="OutboxWriter"/>, so they are written by the step's own save.
/// </remarks>
internal sealed partial class WorkflowNotifier(
    DbContextOptions<AppDbContext> databaseOptions,
    MailSettings settings,
    OutboxWriter outbox,
    TimeProvider time,
    ILogger<WorkflowNotifier> logger) : IWorkflowNotifier
{
    public async Task<int> QueueAsync(WorkflowNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (settings.Mode == MailMode.Off)
        {
            LogMailOff(logger, notice.Kind, notice.AgreementId, notice.YearNumber);
            return 0;
        }
        await using var db = new AppDbContext(databaseOptions, UnrestrictedDataScope.Instance);
        var facts = notice.YearNumber is { } number
            ? await db.ImplementationYears.AsNoTracking()
                .Where(y => y.AgreementId == notice.AgreementId && y.Number == number)
                .Select(y => new
                {
                    y.Agreement!.PerformerId,
                    Facts = new NoticeFacts(
                        y.Agreement.Type, y.Agreement.Number, y.Agreement.Title, y.Agreement.Performer!.Name,
                        y.Number, y.StartDate, y.EndDate),
                })
                .SingleOrDefaultAsync(cancellationToken)
            : await db.Agreements.AsNoTracking()
                .Where(a => a.Id == notice.AgreementId)
                .Select(a => new
                {
                    a.PerformerId,
                    Facts = new NoticeFacts(a.Type, a.Number, a.Title, a.Performer!.Name, 0, a.PeriodStart, a.PeriodEnd),
                })
                .SingleOrDefaultAsync(cancellationToken);
        if (facts is null)
        {
            LogYearNotFound(logger, notice.Kind, notice.AgreementId, notice.YearNumber);
            return 0;
        }

        var recipients = await RecipientsAsync(db, notice.Kind, facts.PerformerId, time.GetUtcNow(), cancellationToken);
        if (recipients.Count == 0)
        {
            LogNobodyToTell(logger, notice.Kind, notice.AgreementId, notice.YearNumber);
            return 0;
        }

        var message = WorkflowMessage.Compose(notice, facts.Facts, settings.PortalBaseUrl!, ReportFormat.Latvian);
        // A step happens once, so each of its rows gets a fresh key (a step repeated later, submitted
        // again after a return, is another step). No address in the key: it must stay within 200 characters.
        var step = $"workflow:{notice.AgreementId}:{notice.YearNumber?.ToString(CultureInfo.InvariantCulture) ?? "summary"}:{notice.Kind}";
        foreach (var to in recipients)
        {
            outbox.Add(to, message.Subject, message.TextBody, message.HtmlBody, OutboxKinds.Workflow, $"{step}:{Guid.NewGuid():N}");
        }
        LogQueued(logger, notice.Kind, notice.AgreementId, notice.YearNumber, recipients.Count);
        return recipients.Count;
    }

    /// <summary>
    /// Submitted: every reviewer. Returned, approved: the performer's staff. Only users who can sign in
    /// (not deactivated by an admin, not locked out as Identity decides it: lockout enabled and its end
    /// in the future) and have an email address; one message per address.
    /// </summary>
    internal static async Task<IReadOnlyList<MailboxAddress>> RecipientsAsync(
        AppDbContext db, WorkflowNoticeKind kind, int performerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var role = kind == WorkflowNoticeKind.Submitted ? Roles.Reviewer : Roles.NgoStaff;
        var users = db.Users.AsNoTracking()
            .Where(u => u.Email != null && u.DeactivatedAtUtc == null && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));
        if (kind != WorkflowNoticeKind.Submitted)
        {
            users = users.Where(u => u.OrganisationId == performerId);
        }
        // The lockout end is compared here, not in SQL: SQLite cannot compare DateTimeOffset values.
        var candidates = await users
            .OrderBy(u => u.Email)
            .Select(u => new { u.Email, u.FullName, u.LockoutEnabled, u.LockoutEnd })
            .ToListAsync(cancellationToken);
        return [.. candidates
            .Where(u => !(u.LockoutEnabled && u.LockoutEnd > now))
            .DistinctBy(u => u.Email!.Trim(), StringComparer.OrdinalIgnoreCase)
            .Select(u => MailboxAddress.TryParse(u.Email!.Trim(), out var address) ? new MailboxAddress(u.FullName ?? "", address.Address) : null)
            .OfType<MailboxAddress>()];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Workflow notice {Kind} for agreement {AgreementId} year {YearNumber}: {Recipients} emails queued")]
    private static partial void LogQueued(ILogger logger, WorkflowNoticeKind kind, int agreementId, int? yearNumber, int recipients);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workflow notice {Kind} for agreement {AgreementId} year {YearNumber} not sent: no mail is configured (Smtp:Host or Smtp:PickupDirectory)")]
    private static partial void LogMailOff(ILogger logger, WorkflowNoticeKind kind, int agreementId, int? yearNumber);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workflow notice {Kind} for agreement {AgreementId} year {YearNumber} not sent: no such year or agreement")]
    private static partial void LogYearNotFound(ILogger logger, WorkflowNoticeKind kind, int agreementId, int? yearNumber);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workflow notice {Kind} for agreement {AgreementId} year {YearNumber} not sent: nobody to tell (no active user with an email address)")]
    private static partial void LogNobodyToTell(ILogger logger, WorkflowNoticeKind kind, int agreementId, int? yearNumber);
}
