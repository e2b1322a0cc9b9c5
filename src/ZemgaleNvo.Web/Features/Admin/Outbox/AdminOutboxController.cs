using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Infrastructure.Notifications;
using ZemgaleNvo.Web.Authorization;
using ZemgaleNvo.Web.Forms;
using ZemgaleNvo.Web.Resources;

namespace ZemgaleNvo.Web.Features.Admin.Outbox;

/// <summary>One row of the outbox page: what was (to be) sent to whom, and how it went. Never the body: a set-password link is in it.</summary>
public sealed record OutboxRow(
    int Id, string Recipient, string Subject, string Kind, OutboxStatus Status, int Attempts,
    DateTime CreatedAtUtc, DateTime NextAttemptAtUtc, DateTime? SentAtUtc, string? LastError);

/// <summary>The page: the newest messages of the chosen status (all when null), and how many there are of each.</summary>
public sealed record OutboxPage(OutboxStatus? Status, IReadOnlyList<OutboxRow> Rows, IReadOnlyDictionary<OutboxStatus, int> Counts, int Shown);

/// <summary>
/// The email outbox for admins (decision 0015): queued, sent and failed messages with the reason,
/// and "send again" for a failed one.
/// </summary>
[Authorize(Policy = PortalPolicies.Administer)]
[Route("admin/outbox")]
public sealed class AdminOutboxController(AppDbContext db, TimeProvider time, IStringLocalizer<SharedResource> localizer) : Controller
{
    /// <summary>The newest this many rows; older ones stay in the table.</summary>
    public const int PageSize = 200;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? status, CancellationToken cancellationToken)
    {
        OutboxStatus? chosen = Enum.TryParse<OutboxStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
        var query = db.OutboxMessages.AsNoTracking();
        if (chosen is { } only)
        {
            query = query.Where(m => m.Status == only);
        }
        var rows = await query
            .OrderByDescending(m => m.CreatedAtUtc).ThenByDescending(m => m.Id)
            .Take(PageSize)
            .Select(m => new OutboxRow(m.Id, m.Recipient, m.Subject, m.Kind, m.Status, m.Attempts, m.CreatedAtUtc, m.NextAttemptAtUtc, m.SentAtUtc, m.LastError))
            .ToListAsync(cancellationToken);
        var counts = await db.OutboxMessages.AsNoTracking()
            .GroupBy(m => m.Status)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return View("Index", new OutboxPage(chosen, rows, counts, rows.Count));
    }

    /// <summary>
    /// A failed message back into the queue, due now, with its attempts counted afresh. Only a failed
    /// one: a queued or sending message is already on its way, and a sent one must not go twice.
    /// </summary>
    [HttpPost("{messageId:int}/resend")]
    public async Task<IActionResult> Resend(int messageId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var requeued = await db.OutboxMessages
            .Where(m => m.Id == messageId && m.Status == OutboxStatus.Failed)
            .ExecuteUpdateAsync(set => set
                .SetProperty(m => m.Status, OutboxStatus.Queued)
                .SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.NextAttemptAtUtc, now), cancellationToken);
        if (requeued == 0 && !await db.OutboxMessages.AnyAsync(m => m.Id == messageId, cancellationToken))
        {
            return NotFound();
        }
        TempData[Flash.Key] = requeued == 1
            ? localizer["Ziņa atkal ielikta izsūtīšanas rindā; portāls to nosūtīs nākamajā izsūtīšanas reizē."].Value
            : localizer["Šī ziņa nav kļūdaina (tā jau ir rindā vai nosūtīta), tāpēc vēlreiz netiek sūtīta."].Value;
        return RedirectToAction(nameof(Index), new { status = nameof(OutboxStatus.Failed).ToLowerInvariant() });
    }
}
