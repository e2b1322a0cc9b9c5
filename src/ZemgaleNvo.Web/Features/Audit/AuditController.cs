using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Audit;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Web.Authorization;

namespace ZemgaleNvo.Web.Features.Audit;

/// <summary>Filters of the audit page, all optional, all from the query string (bookmarkable, no JavaScript needed).</summary>
public sealed class AuditFilter
{
    public string? User { get; set; }
    public string? Entity { get; set; }
    public AuditAction? Change { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public int PageNumber { get; set; } = 1;
}

/// <summary>
/// An agreement's audit rows under a filter: the one query behind the audit page and the auditor's
/// dossier (which takes them all, with an empty filter), so both always show the same trail.
/// </summary>
public static class AuditQuery
{
    public static IQueryable<AuditEntry> Rows(AppDbContext db, int agreementId, AuditFilter filter)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        var rows = db.AuditEntries.AsNoTracking().Where(e => e.AgreementId == agreementId);
        if (!string.IsNullOrWhiteSpace(filter.User))
        {
            var user = filter.User.Trim();
            rows = rows.Where(e => e.UserName.Contains(user));
        }
        if (!string.IsNullOrWhiteSpace(filter.Entity))
        {
            rows = rows.Where(e => e.EntityType == filter.Entity);
        }
        if (filter.Change is { } action)
        {
            rows = rows.Where(e => e.Action == action);
        }
        if (filter.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            rows = rows.Where(e => e.AtUtc >= start);
        }
        if (filter.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            rows = rows.Where(e => e.AtUtc < end);
        }
        return rows;
    }
}

public sealed record AuditPage(DelegationAgreement Agreement, AuditFilter Filter, IReadOnlyList<AuditEntry> Rows, bool HasMore, IReadOnlyList<string> EntityTypes);

/// <summary>
/// An agreement's audit trail for reviewers and admins: every change to it and to everything under
/// it, newest first, filtered by user, kind of record, action and date. Read-only: the trail has no
/// edit or delete path anywhere.
/// </summary>
[Authorize]
[Route("agreements/{id:int}/audit")]
public sealed class AuditController(AppDbContext db, IAuthorizationService authorization) : Controller
{
    private const int PageSize = 100;

    [HttpGet("")]
    public async Task<IActionResult> Index(int id, [FromQuery] AuditFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var agreement = await db.Agreements.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (agreement is null)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, new AgreementResource(agreement.Id, agreement.PerformerId), AgreementOperations.ReadAudit)).Succeeded)
        {
            return Forbid();
        }
        // Values the binder could not read (a date typed by hand, an unknown action) are simply not applied.
        filter.PageNumber = Math.Clamp(filter.PageNumber, 1, 100_000);
        var rows = AuditQuery.Rows(db, id, filter);
        var page = await rows.OrderByDescending(e => e.Id).Skip((filter.PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync(cancellationToken);
        var types = await db.AuditEntries.AsNoTracking().Where(e => e.AgreementId == id).Select(e => e.EntityType).Distinct().OrderBy(t => t).ToListAsync(cancellationToken);
        return View(new AuditPage(agreement, filter, page.Take(PageSize).ToList(), page.Count > PageSize, types));
    }
}
