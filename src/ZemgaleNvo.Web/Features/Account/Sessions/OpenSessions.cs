using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Infrastructure.Identity;

namespace ZemgaleNvo.Web.Features.Account.Sessions;

/// <summary>One open session as the user's own list shows it.</summary>
/// <param name="Device">From the User-Agent (<see cref="DeviceName"/>); null when it names nothing known.</param>
/// <param name="IsCurrent">The session this page was opened in.</param>
public sealed record OpenSession(int Id, string? Device, DateTime SignedInAtUtc, DateTime LastSeenAtUtc, bool IsCurrent);

/// <summary>
/// A user's open sessions (the rows of <see cref="SignInTicketStore"/>): the list on
/// /account/security and ending one of them. Always for one user's own id: another user's session
/// is not found.
/// </summary>
public sealed class OpenSessions(AppDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<OpenSession>> ListAsync(string userId, int? currentId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.SignInTickets.AsNoTracking()
            .Where(t => t.UserId == userId && t.ExpiresAtUtc >= now)
            .OrderByDescending(t => t.LastSeenAtUtc).ThenByDescending(t => t.Id)
            .Select(t => new { t.Id, t.UserAgent, t.CreatedAtUtc, t.LastSeenAtUtc })
            .ToListAsync(cancellationToken);
        return rows
            .Select(r => new OpenSession(r.Id, DeviceName.From(r.UserAgent), r.CreatedAtUtc, r.LastSeenAtUtc, r.Id == currentId))
            // This session first: the one the user knows.
            .OrderByDescending(s => s.IsCurrent)
            .ToList();
    }

    /// <summary>Ends one of the user's own sessions; false when they have none with this id.</summary>
    public async Task<bool> EndAsync(string userId, int sessionId, CancellationToken cancellationToken) =>
        await db.SignInTickets.Where(t => t.Id == sessionId && t.UserId == userId).ExecuteDeleteAsync(cancellationToken) > 0;

    /// <summary>Every session of the user but this one (after their own password change).</summary>
    public Task<int> EndOthersAsync(string userId, int? currentId, CancellationToken cancellationToken) =>
        db.SignInTickets.Where(t => t.UserId == userId && t.Id != currentId).ExecuteDeleteAsync(cancellationToken);

    public Task<int> CountAsync(string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.SignInTickets.CountAsync(t => t.UserId == userId && t.ExpiresAtUtc >= now, cancellationToken);
    }
}
