using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Infrastructure.Notifications;

namespace ZemgaleNvo.Web.Notifications;

/// <summary>The <c>Outbox</c> section: how often and how persistently queued emails are sent (decision 0015).</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>How often each instance looks for due messages.</summary>
    public int PollSeconds { get; set; } = 30;

    /// <summary>How long a claim on a message holds; longer than one send can take (two SMTP timeouts and the retry pause).</summary>
    public int LeaseSeconds { get; set; } = 300;

    /// <summary>Attempts before a message counts as failed. With the pauses below, 12 attempts span about seven hours.</summary>
    public int MaxAttempts { get; set; } = 12;

    /// <summary>The pause after the first failure; it doubles after each further one.</summary>
    public int FirstRetrySeconds { get; set; } = 60;

    /// <summary>The longest pause between two attempts.</summary>
    public int MaxRetrySeconds { get; set; } = 3600;

    /// <summary>The pause after <paramref name="attempts"/> failed attempts: 1, 2, 4, 8 … minutes, at most <see cref="MaxRetrySeconds"/>.</summary>
    public TimeSpan PauseAfter(int attempts)
    {
        var seconds = FirstRetrySeconds * Math.Pow(2, Math.Max(0, attempts - 1));
        return TimeSpan.FromSeconds(Math.Min(seconds, MaxRetrySeconds));
    }
}

/// <summary>
/// Queues emails in the request's <see cref="AppDbContext"/>, so they are committed by the same
/// <c>SaveChangesAsync</c> as the change that causes them (or not at all), and after the save tries
/// to send them at once, so that people still get them within seconds when the server is up.
/// </summary>
public sealed class OutboxWriter(AppDbContext db, TimeProvider time, OutboxSender sender)
{
    private readonly List<OutboxMessage> _added = [];

    /// <summary>Adds one message to the context; nothing is written until the caller saves.</summary>
    public OutboxMessage Add(MailboxAddress to, string subject, string textBody, string htmlBody, string kind, string dedupeKey)
    {
        ArgumentNullException.ThrowIfNull(to);
        var now = time.GetUtcNow().UtcDateTime;
        var message = new OutboxMessage
        {
            Recipient = to.Address,
            RecipientName = to.Name ?? "",
            Subject = subject,
            TextBody = textBody,
            HtmlBody = htmlBody,
            Kind = kind,
            DedupeKey = dedupeKey,
            CreatedAtUtc = now,
            NextAttemptAtUtc = now,
            Status = OutboxStatus.Queued,
        };
        db.OutboxMessages.Add(message);
        _added.Add(message);
        return message;
    }

    /// <summary>
    /// After the save: one attempt at the messages this request queued, under the same claim as the
    /// background sender (so the two never both send one). What fails stays queued for the sender.
    /// Returns how many went out.
    /// </summary>
    public async Task<int> SendSavedAsync()
    {
        var ids = _added.Where(m => m.Id > 0).Select(m => m.Id).ToList();
        _added.Clear();
        if (ids.Count == 0)
        {
            return 0;
        }
        try
        {
            // Not the request's token: the change is saved, the email should go even if the user closes the page.
            return await sender.SendAsync(ids, CancellationToken.None);
        }
#pragma warning disable CA1031 // The change is saved and its emails are queued: the background sender takes over, the user sees no error.
        catch (Exception)
#pragma warning restore CA1031
        {
            return 0;
        }
    }
}

/// <summary>
/// Delivers queued messages, each exactly once as long as a send finishes within its lease: a
/// message is claimed with a conditional UPDATE that only one sender can win (status queued and due,
/// or a claim that has expired), sent through <see cref="IMailDelivery"/>, and marked sent right after
/// the server accepts it. Failures wait <see cref="OutboxOptions.PauseAfter"/> and fail for good
/// after <see cref="OutboxOptions.MaxAttempts"/>.
/// </summary>
/// <remarks>
/// The one window for a second copy: a sender whose send outlasts the lease (a hung server beyond
/// <see cref="OutboxOptions.LeaseSeconds"/>), or that dies after the server accepted the message and
/// before it marked it sent. Then another sender claims it again after the lease and sends it again:
/// at least once, never lost. The lease is kept well above the longest send to keep that rare.
/// </remarks>
public sealed partial class OutboxSender(
    DbContextOptions<AppDbContext> databaseOptions,
    MailSettings settings,
    IMailDelivery delivery,
    TimeProvider time,
    IOptions<OutboxOptions> options,
    ILogger<OutboxSender> logger)
{
    private const int Batch = 50;
    private readonly OutboxOptions _options = options.Value;

    /// <summary>Sends every message that is due now; returns how many went out.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        if (settings.Mode == MailMode.Off)
        {
            return 0;
        }
        var sent = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            List<int> due;
            await using (var db = Open())
            {
                var now = Now;
                due = await db.OutboxMessages.AsNoTracking()
                    .Where(m => (m.Status == OutboxStatus.Queued && m.NextAttemptAtUtc <= now)
                        || (m.Status == OutboxStatus.Sending && m.LeaseUntilUtc < now))
                    .OrderBy(m => m.NextAttemptAtUtc).ThenBy(m => m.Id)
                    .Select(m => m.Id)
                    .Take(Batch)
                    .ToListAsync(cancellationToken);
            }
            if (due.Count == 0)
            {
                break;
            }
            var (delivered, tried) = await SendEachAsync(due, cancellationToken);
            sent += delivered;
            // Every one of them was taken by another instance meanwhile: that instance sends the rest.
            if (tried == 0 || due.Count < Batch)
            {
                break;
            }
        }
        return sent;
    }

    /// <summary>Sends these messages if they are due and nobody else holds them; returns how many went out.</summary>
    public async Task<int> SendAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        if (settings.Mode == MailMode.Off)
        {
            return 0;
        }
        return (await SendEachAsync(ids, cancellationToken)).Delivered;
    }

    private async Task<(int Delivered, int Tried)> SendEachAsync(IEnumerable<int> ids, CancellationToken cancellationToken)
    {
        var delivered = 0;
        var tried = 0;
        foreach (var id in ids)
        {
            var claim = Guid.NewGuid().ToString("N");
            await using var db = Open();
            var message = await ClaimAsync(db, id, claim, cancellationToken);
            if (message is null)
            {
                continue;
            }
            tried++;
            if (await DeliverAsync(db, message, claim, cancellationToken))
            {
                delivered++;
            }
        }
        return (delivered, tried);
    }

    /// <summary>
    /// The conditional UPDATE: it changes the row only if it is still queued and due (or its claim
    /// has run out), so of two senders asking at once exactly one gets "1 row" and the other "0".
    /// </summary>
    private async Task<OutboxMessage?> ClaimAsync(AppDbContext db, int id, string claim, CancellationToken cancellationToken)
    {
        var now = Now;
        var leaseUntil = now.AddSeconds(_options.LeaseSeconds);
        var won = await db.OutboxMessages
            .Where(m => m.Id == id
                && ((m.Status == OutboxStatus.Queued && m.NextAttemptAtUtc <= now)
                    || (m.Status == OutboxStatus.Sending && m.LeaseUntilUtc < now)))
            .ExecuteUpdateAsync(set => set
                .SetProperty(m => m.Status, OutboxStatus.Sending)
                .SetProperty(m => m.LeaseOwner, claim)
                .SetProperty(m => m.LeaseUntilUtc, leaseUntil)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken);
        return won == 1
            ? await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken)
            : null;
    }

    private async Task<bool> DeliverAsync(AppDbContext db, OutboxMessage message, string claim, CancellationToken cancellationToken)
    {
        int accepted;
        try
        {
            var mime = AutomaticMail.Compose(settings.From!, new MailboxAddress(message.RecipientName, message.Recipient),
                message.Subject, message.TextBody, message.HtmlBody);
            accepted = await delivery.DeliverAsync([mime], cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: give the claim back at once rather than after the lease.
            await FinishAsync(db, message.Id, claim, OutboxStatus.Queued, Now, "Sūtīšana pārtraukta (portāls apstājās).", null, CancellationToken.None);
            return false;
        }
#pragma warning disable CA1031 // Whatever the server or the network does, the message is kept and retried, and the sender goes on with the next.
        catch (Exception e)
#pragma warning restore CA1031
        {
            var error = Shorten($"{e.GetType().Name}: {e.Message}");
            if (message.Attempts >= _options.MaxAttempts)
            {
                LogGaveUp(logger, e, message.Id, message.Kind, message.Attempts);
                await FinishAsync(db, message.Id, claim, OutboxStatus.Failed, Now, error, null, CancellationToken.None);
            }
            else
            {
                var next = Now + _options.PauseAfter(message.Attempts);
                LogWillRetry(logger, message.Id, message.Kind, message.Attempts, next, error);
                await FinishAsync(db, message.Id, claim, OutboxStatus.Queued, next, error, null, CancellationToken.None);
            }
            return false;
        }
        if (accepted == 0)
        {
            // The server refused this recipient for good (5xx); the delivery logged its answer.
            await FinishAsync(db, message.Id, claim, OutboxStatus.Failed, Now,
                "Pasta serveris galīgi atteica šo adresātu (5xx); servera atbilde ir žurnālā.", null, CancellationToken.None);
            return false;
        }
        // Marked sent right after the server accepted it: from here on nobody sends it again.
        await FinishAsync(db, message.Id, claim, OutboxStatus.Sent, Now, null, Now, CancellationToken.None);
        return true;
    }

    /// <summary>Ends a claim, but only this sender's own: a claim that ran out and was taken over is left to its new holder.</summary>
    private static Task<int> FinishAsync(AppDbContext db, int id, string claim, OutboxStatus status, DateTime nextAttempt, string? error, DateTime? sentAt, CancellationToken cancellationToken) =>
        db.OutboxMessages
            .Where(m => m.Id == id && m.LeaseOwner == claim)
            .ExecuteUpdateAsync(set => set
                .SetProperty(m => m.Status, status)
                .SetProperty(m => m.NextAttemptAtUtc, nextAttempt)
                .SetProperty(m => m.LastError, m => error ?? m.LastError)
                .SetProperty(m => m.SentAtUtc, sentAt)
                .SetProperty(m => m.LeaseOwner, (string?)null)
                .SetProperty(m => m.LeaseUntilUtc, (DateTime?)null), cancellationToken);

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private AppDbContext Open() => new(databaseOptions, UnrestrictedDataScope.Instance);

    private static string Shorten(string text) => text.Length <= 2000 ? text : text[..2000];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} ({Kind}) not delivered on attempt {Attempts}; next attempt at {NextAttemptUtc:u}: {Error}")]
    private static partial void LogWillRetry(ILogger logger, int id, string kind, int attempts, DateTime nextAttemptUtc, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {Id} ({Kind}) failed after {Attempts} attempts; an admin can send it again from /admin/outbox")]
    private static partial void LogGaveUp(ILogger logger, Exception exception, int id, string kind, int attempts);
}

/// <summary>Each instance's loop: sends what is due every <see cref="OutboxOptions.PollSeconds"/>, first right at start-up (what a restart left queued).</summary>
internal sealed partial class OutboxBackgroundService(
    IServiceScopeFactory scopes,
    TimeProvider time,
    IOptions<OutboxOptions> options,
    ILogger<OutboxBackgroundService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pause = TimeSpan.FromSeconds(options.Value.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // A scope per pass: the database options are scoped services.
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<OutboxSender>().SendDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A database that is briefly unavailable must not end the loop for the life of the process.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogPassFailed(logger, e);
            }
            try
            {
                await Task.Delay(pause, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox pass failed; trying again at the next pass")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
