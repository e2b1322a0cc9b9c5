using Microsoft.EntityFrameworkCore;
using MimeKit;
using ZemgaleNvo.Domain.Users;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Web.Features.Reports;
using ZemgaleNvo.Web.Formatting;

namespace ZemgaleNvo.Web.Notifications;

/// <summary>
/// Finds who is to be told about a review step, composes the Latvian email and hands it to the
/// configured delivery. Never throws (see <see cref="IWorkflowNotifier"/>): the step was already saved.
/// </summary>
/// <remarks>
/// It reads through its own <see cref="AppDbContext"/> with <see cref="UnrestrictedDataScope"/>, not
/// through the request's context: who is to be told does not depend on who took the step (a staff
/// member's request is restricted to their organisation, an anonymous one sees nothing, a background
/// job has no request at all), and a context of its own never touches the caller's change tracker
/// and reads only what was committed. The unrestricted read is confined to this class, reads only
/// the facts the email states, and sends them only to people who may see the agreement anyway:
/// reviewers (who see every agreement) and the performer's own staff.
/// </remarks>
internal sealed partial class WorkflowNotifier(
    DbContextOptions<AppDbContext> databaseOptions,
    MailSettings settings,
    IMailDelivery delivery,
    ILogger<WorkflowNotifier> logger) : IWorkflowNotifier
{
    public async Task NotifyAsync(WorkflowNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (settings.Mode == MailMode.Off)
        {
            LogMailOff(logger, notice.Kind, notice.AgreementId, notice.YearNumber);
            return;
        }
        try
        {
            await using var db = new AppDbContext(databaseOptions, UnrestrictedDataScope.Instance);
            var year = await db.ImplementationYears.AsNoTracking()
                .Where(y => y.AgreementId == notice.AgreementId && y.Number == notice.YearNumber)
                .Select(y => new
                {
                    y.Agreement!.PerformerId,
                    Facts = new NoticeFacts(
                        y.Agreement.Type, y.Agreement.Number, y.Agreement.Title, y.Agreement.Performer!.Name,
                        y.Number, y.StartDate, y.EndDate),
                })
                .SingleOrDefaultAsync(cancellationToken);
            if (year is null)
            {
                LogYearNotFound(logger, notice.Kind, notice.AgreementId, notice.YearNumber);
                return;
            }

            var recipients = await RecipientsAsync(db, notice.Kind, year.PerformerId, DateTimeOffset.UtcNow, cancellationToken);
            if (recipients.Count == 0)
            {
                LogNobodyToTell(logger, notice.Kind, notice.AgreementId, notice.YearNumber);
                return;
            }

            var message = WorkflowMessage.Compose(notice, year.Facts, settings.PortalBaseUrl!, ReportFormat.Latvian);
            var delivered = await delivery.DeliverAsync([.. recipients.Select(to => message.ToMime(settings.From!, to))], cancellationToken);
            LogDelivered(logger, notice.Kind, notice.AgreementId, notice.YearNumber, delivered, recipients.Count, settings.Mode);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogCancelled(logger, notice.Kind, notice.AgreementId, notice.YearNumber);
        }
#pragma warning disable CA1031 // The step was saved; whatever goes wrong with the email must not turn it into an error page.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogFailed(logger, e, notice.Kind, notice.AgreementId, notice.YearNumber, settings.Mode);
        }
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Workflow notice {Kind} for agreement {AgreementId} year {YearNumber}: {Delivered} of {Recipients} emails delivered ({Mode})")]
    private static partial void LogDelivered(ILogger logger, WorkflowNoticeKind kind, int agreementId, int yearNumber, int delivered, int recipients, MailMode mode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workflow notice {Kind} for agreement {AgreementId} year {YearNumber} not sent: no mail is configured (Smtp:Host or Smtp:PickupDirectory)")]
    private static partial void LogMailOff(ILogger logger, WorkflowNoticeKind kind, int agreementId, int yearNumber);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workflow notice {Kind} for agreement {AgreementId} year {YearNumber} not sent: no such year")]
    private static partial void LogYearNotFound(ILogger logger, WorkflowNoticeKind kind, int agreementId, int yearNumber);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workflow notice {Kind} for agreement {AgreementId} year {YearNumber} not sent: nobody to tell (no active user with an email address)")]
    private static partial void LogNobodyToTell(ILogger logger, WorkflowNoticeKind kind, int agreementId, int yearNumber);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workflow notice {Kind} for agreement {AgreementId} year {YearNumber} not sent: the request was cancelled")]
    private static partial void LogCancelled(ILogger logger, WorkflowNoticeKind kind, int agreementId, int yearNumber);

    [LoggerMessage(Level = LogLevel.Error, Message = "Workflow notice {Kind} for agreement {AgreementId} year {YearNumber} not (fully) delivered ({Mode}); the step itself was saved")]
    private static partial void LogFailed(ILogger logger, Exception exception, WorkflowNoticeKind kind, int agreementId, int yearNumber, MailMode mode);
}
