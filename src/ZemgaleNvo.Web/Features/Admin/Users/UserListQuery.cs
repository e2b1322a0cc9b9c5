using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Domain.Users;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Infrastructure.Identity;

namespace ZemgaleNvo.Web.Features.Admin.Users;

public sealed record UserRow(
    string Id,
    string Email,
    string? FullName,
    string? Role,
    int? OrganisationId,
    string? Organisation,
    UserStatus Status,
    bool TwoFactorEnabled,
    bool HasPassword,
    DateTime? LastSignInUtc,
    DateTimeOffset? LockoutEnd,
    DateTime? DeactivatedAtUtc);

/// <summary>Accounts as the admin screens list them: one role each, the organisation's name, the status now.</summary>
public sealed class UserListQuery(AppDbContext db)
{
    /// <param name="role">Only this role; null for all.</param>
    /// <param name="status">Only this status; null for all.</param>
    public async Task<IReadOnlyList<UserRow>> RunAsync(string? role, UserStatus? status, CancellationToken cancellationToken)
    {
        var rows = await Rows(db.Users.OrderBy(u => u.Email)).ToListAsync(cancellationToken);
        var now = DateTimeOffset.UtcNow;
        // Status is worked out here, not in SQL: SQLite cannot compare DateTimeOffset values.
        return [.. rows
            .Select(r => ToRow(r, now))
            .Where(r => role is null || r.Role == role)
            .Where(r => status is null || r.Status == status)];
    }

    public async Task<UserRow?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var row = await Rows(db.Users.Where(u => u.Id == id)).SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : ToRow(row, DateTimeOffset.UtcNow);
    }

    /// <summary>Filters and order go on the users before this projection: EF cannot translate them on the record it makes.</summary>
    private IQueryable<Raw> Rows(IQueryable<AppUser> users) =>
        users.AsNoTracking().Select(u => new Raw(
            u.Id,
            u.Email ?? u.UserName ?? u.Id,
            u.FullName,
            db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).OrderBy(n => n).FirstOrDefault(),
            u.OrganisationId,
            u.Organisation != null ? u.Organisation.Name : null,
            u.TwoFactorEnabled,
            u.PasswordHash != null,
            u.LastSignInUtc,
            u.LockoutEnabled,
            u.LockoutEnd,
            u.DeactivatedAtUtc));

    private static UserRow ToRow(Raw r, DateTimeOffset now) => new(
        r.Id, r.Email, r.FullName, r.Role, r.OrganisationId, r.Organisation,
        UserStatuses.Of(r.DeactivatedAtUtc, r.LockoutEnabled, r.LockoutEnd, now),
        r.TwoFactorEnabled, r.HasPassword, r.LastSignInUtc, r.LockoutEnd, r.DeactivatedAtUtc);

    private sealed record Raw(
        string Id, string Email, string? FullName, string? Role, int? OrganisationId, string? Organisation,
        bool TwoFactorEnabled, bool HasPassword, DateTime? LastSignInUtc, bool LockoutEnabled, DateTimeOffset? LockoutEnd, DateTime? DeactivatedAtUtc);
}
