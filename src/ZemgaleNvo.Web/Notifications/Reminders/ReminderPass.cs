using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ZemgaleNvo.Domain.Periods;
using ZemgaleNvo.Domain.Users;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Infrastructure.Notifications;
using ZemgaleNvo.Web.Features.Deadlines;
using ZemgaleNvo.Web.Formatting;

namespace ZemgaleNvo.Web.Notifications.Reminders;

/// <summary>What one pass queued.</summary>
public sealed record ReminderPassResult(int Reminders, int Digests);

/// <summary>
/// The scheduled pass (issue 15, must-have 2): reminders to the performer's staff 14 and 3 days
/// before a report's due date and the day after it was missed (<see cref="ReportReminders"/>), and
/// the weekly digest of overdue and long-waiting reports to the reviewers who take it.
/// </summary>
/// <remarks>
/// <para>
/// Each email is an outbox row whose unique key says what it is and for whom:
/// <c>reminder:year:{agreement}-{n}:{kind}:{due date}:{user}</c>,
/// <c>reminder:summary:{agreement}:{kind}:{due date}:{user}</c>, <c>digest:{ISO year}-W{week}:{user}</c>.
/// The row is the pass's record that it reminded: one report's rows are inserted in one
/// transaction, keys already in the table are left out first, and a key inserted meanwhile by
/// another instance makes the whole insert fail (and the next pass fill in whatever is still
/// missing). So however often the pass runs, and on however many instances, each person gets each
/// reminder once. A due date that moves (an admin changed the schedule) is a new reminder.
/// </para>
/// <para>
/// Reads every agreement, unrestricted, as the workflow notifier does, and writes only to the
/// performer's own staff (reminders) and to reviewers (who see every agreement). Latvian, like the
/// review-step emails: the portal keeps no per-user language.
/// </para>
/// </remarks>
public sealed partial class ReminderPass(
    DbContextOptions<AppDbContext> databaseOptions,
    MailSettings settings,
    OutboxSender sender,
    TimeProvider time,
    IOptions<ReminderOptions> options,
    ILogger<ReminderPass> logger)
{
    private readonly ReminderOptions _options = options.Value;
    private static readonly ReportFormat Format = ReportFormat.Latvian;

    /// <summary>Queues what is due now, then tries to send it at once (what fails stays queued for the outbox sender).</summary>
    /// <param name="lastRunUtc">When the pass last finished (the lease row's record), which tells whether this week's digest was already decided.</param>
    public async Task<ReminderPassResult> RunAsync(DateTime? lastRunUtc, CancellationToken cancellationToken)
    {
        if (settings.Mode == MailMode.Off || !_options.Enabled)
        {
            return new(0, 0);
        }
        var queued = new List<int>();
        await using (var db = Open())
        {
            var deadlines = await new DeadlineQuery(db, time).ForAgreementsAsync(null, cancellationToken);
            var agreements = await AgreementFactsAsync(db, cancellationToken);
            var reminders = await QueueRemindersAsync(db, deadlines, agreements, queued, cancellationToken);
            var digests = await QueueDigestsAsync(db, deadlines, agreements, lastRunUtc, queued, cancellationToken);
            if (reminders + digests > 0)
            {
                LogQueued(logger, reminders, digests);
            }
            await sender.SendAsync(queued, cancellationToken);
            return new(reminders, digests);
        }
    }

    private async Task<int> QueueRemindersAsync(
        AppDbContext db, IReadOnlyDictionary<int, AgreementDeadlines> deadlines, IReadOnlyDictionary<int, AgreementFacts> agreements,
        List<int> queued, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var count = 0;
        foreach (var (agreementId, reports) in deadlines.OrderBy(d => d.Key))
        {
            if (!agreements.TryGetValue(agreementId, out var agreement))
            {
                continue;
            }
            IReadOnlyList<Recipient>? staff = null;
            foreach (var report in reports.All)
            {
                if (ReportReminders.Due(report.Deadline, _options.OverdueCatchUpDays) is not { } kind)
                {
                    continue;
                }
                staff ??= await WorkflowNotifier.UsersAsync(db, Roles.NgoStaff, agreement.PerformerId, now, cancellationToken);
                if (staff.Count == 0)
                {
                    LogNobodyToRemind(logger, agreementId, report.YearNumber);
                    break;
                }
                var facts = agreement.Report(report.YearNumber);
                var message = ReminderMessages.Reminder(kind, facts, report.Deadline, settings.PortalBaseUrl!, Format);
                var key = FormattableString.Invariant(
                    $"reminder:{(report.IsSummary ? "summary" : "year")}:{agreementId}{(report.YearNumber is { } n ? $"-{n}" : "")}:{ReportReminders.KeyName(kind)}:{report.Deadline.DueOn:yyyy-MM-dd}");
                count += await QueueOnceAsync(staff.Select(to => Row(to, message, OutboxKinds.Reminder, $"{key}:{to.UserId}")).ToList(), queued, cancellationToken);
            }
        }
        return count;
    }

    /// <summary>
    /// Once per ISO week (Riga time), by the first pass that finishes after
    /// <see cref="ReminderOptions.DigestDay"/> at <see cref="ReminderOptions.DigestHour"/> (later in
    /// the week if the portal was stopped then, but not again later in the week because something
    /// new became overdue: a pass that finished after that moment already decided the week).
    /// Nothing overdue and nothing waiting long: no digest, rather than an empty email every week.
    /// </summary>
    private async Task<int> QueueDigestsAsync(
        AppDbContext db, IReadOnlyDictionary<int, AgreementDeadlines> deadlines, IReadOnlyDictionary<int, AgreementFacts> agreements,
        DateTime? lastRunUtc, List<int> queued, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var riga = TimeZoneInfo.ConvertTimeFromUtc(now.UtcDateTime, RigaCalendar.Zone);
        var isoYear = ISOWeek.GetYear(riga);
        var week = ISOWeek.GetWeekOfYear(riga);
        var sendFrom = ISOWeek.ToDateTime(isoYear, week, DayOfWeek.Monday)
            .AddDays(((int)_options.DigestDay + 6) % 7)
            .AddHours(_options.DigestHour);
        if (riga < sendFrom)
        {
            return 0;
        }
        var sendFromUtc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(sendFrom, DateTimeKind.Unspecified), RigaCalendar.Zone);
        if (lastRunUtc is { } last && last >= sendFromUtc)
        {
            return 0;
        }

        var lines = deadlines
            .Where(d => agreements.ContainsKey(d.Key))
            .SelectMany(d => d.Value.All.Select(r => new DigestLine(agreements[d.Key].Report(r.YearNumber), r.Deadline, r.Wait)))
            .ToList();
        var overdue = lines.Where(l => l.Deadline.IsOverdue)
            .OrderByDescending(l => l.Deadline.Days).ThenBy(l => l.Report.AgreementId).ThenBy(l => l.Report.YearNumber ?? int.MaxValue).ToList();
        var waiting = lines.Where(l => l.Wait is { } wait && wait.Days >= _options.DigestWaitingDays)
            .OrderByDescending(l => l.Wait!.Days).ThenBy(l => l.Report.AgreementId).ThenBy(l => l.Report.YearNumber ?? int.MaxValue).ToList();
        if (overdue.Count == 0 && waiting.Count == 0)
        {
            return 0;
        }

        var reviewers = (await WorkflowNotifier.UsersAsync(db, Roles.Reviewer, organisationId: null, now, cancellationToken))
            .Where(r => r.WantsDigest).ToList();
        var message = ReminderMessages.Digest(overdue, waiting, _options.DigestWaitingDays, settings.PortalBaseUrl!, Format);
        var key = FormattableString.Invariant($"digest:{isoYear}-W{week:00}");
        // One insert per reviewer: a reviewer who switches the digest on mid-week still gets this week's.
        var count = 0;
        foreach (var to in reviewers)
        {
            count += await QueueOnceAsync([Row(to, message, OutboxKinds.Digest, $"{key}:{to.UserId}")], queued, cancellationToken);
        }
        return count;
    }

    /// <summary>
    /// Inserts the rows whose keys are not in the outbox yet, in one transaction; 0 when another
    /// instance inserted one of them first (its unique key refuses ours; the next pass adds the rest).
    /// </summary>
    private async Task<int> QueueOnceAsync(List<OutboxMessage> rows, List<int> queued, CancellationToken cancellationToken)
    {
        var keys = rows.Select(r => r.DedupeKey).ToList();
        await using var db = Open();
        var existing = (await db.OutboxMessages.AsNoTracking().Where(m => keys.Contains(m.DedupeKey)).Select(m => m.DedupeKey).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var fresh = rows.Where(r => !existing.Contains(r.DedupeKey)).ToList();
        if (fresh.Count == 0)
        {
            return 0;
        }
        db.OutboxMessages.AddRange(fresh);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e)
        {
            LogRaced(logger, fresh[0].DedupeKey, e.InnerException?.Message ?? e.Message);
            return 0;
        }
        queued.AddRange(fresh.Select(r => r.Id));
        return fresh.Count;
    }

    private OutboxMessage Row(Recipient to, WorkflowMessage message, string kind, string key)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return new OutboxMessage
        {
            Recipient = to.Address.Address,
            RecipientName = to.Address.Name ?? "",
            Subject = message.Subject,
            TextBody = message.TextBody,
            HtmlBody = message.HtmlBody,
            Kind = kind,
            DedupeKey = key,
            CreatedAtUtc = now,
            NextAttemptAtUtc = now,
            Status = OutboxStatus.Queued,
        };
    }

    private static async Task<IReadOnlyDictionary<int, AgreementFacts>> AgreementFactsAsync(AppDbContext db, CancellationToken cancellationToken) =>
        (await db.Agreements.AsNoTracking()
            .Select(a => new
            {
                a.Id,
                a.PerformerId,
                a.Type,
                a.Number,
                a.Title,
                Performer = a.Performer!.Name,
                a.PeriodStart,
                a.PeriodEnd,
                Years = a.Years.Select(y => new { y.Number, y.StartDate, y.EndDate }).ToList(),
            })
            .ToListAsync(cancellationToken))
        .ToDictionary(a => a.Id, a => new AgreementFacts(
            a.Id, a.PerformerId,
            new NoticeFacts(a.Type, a.Number, a.Title, a.Performer, 0, a.PeriodStart, a.PeriodEnd),
            a.Years.ToDictionary(y => y.Number, y => (y.StartDate, y.EndDate))));

    private AppDbContext Open() => new(databaseOptions, UnrestrictedDataScope.Instance);

    private sealed record AgreementFacts(int Id, int PerformerId, NoticeFacts Facts, IReadOnlyDictionary<int, (DateOnly Start, DateOnly End)> Years)
    {
        public ReportFacts Report(int? yearNumber) => yearNumber is { } n && Years.TryGetValue(n, out var year)
            ? new ReportFacts(Facts, Id, n, year.Start, year.End)
            : new ReportFacts(Facts, Id, null, Facts.YearStart, Facts.YearEnd);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder pass queued {Reminders} reminders and {Digests} digests")]
    private static partial void LogQueued(ILogger logger, int reminders, int digests);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Agreement {AgreementId} report {YearNumber}: a reminder is due but the performer has no active staff with an email address")]
    private static partial void LogNobodyToRemind(ILogger logger, int agreementId, int? yearNumber);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder {Key} was queued by another instance at the same moment; left to it ({Reason})")]
    private static partial void LogRaced(ILogger logger, string key, string reason);
}
