using System.Security.Claims;
using ZemgaleNvo.Domain.Audit;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Infrastructure.Data.Configurations;
using ZemgaleNvo.Infrastructure.Identity;

namespace ZemgaleNvo.Web.Features.Account;

/// <summary>
/// Sign-ins, failed sign-ins, sign-outs and denied access go into the same hash-chained audit
/// trail as data changes, so "who tried what" and "who changed what" are read in one place.
/// </summary>
public sealed class SecurityAudit(AppDbContext db, IHttpContextAccessor http)
{
    public async Task RecordAsync(AuditAction action, string key, string? userId, string userName, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = DateTime.UtcNow,
            UserId = userId,
            UserName = Truncate(userName, 256),
            Action = action,
            EntityType = "User",
            EntityKey = Truncate(key, Limits.ShortText),
            Field = action switch
            {
                AuditAction.AccessDenied => "Path",
                AuditAction.SignInSettingsChanged => "SignInSettings",
                _ => "Session",
            },
            NewValue = detail,
            RequestId = http.HttpContext?.TraceIdentifier is { } id ? Truncate(id, Limits.Code) : null,
        });
        await db.SaveChangesAsync();
    }

    public Task RecordAsync(AuditAction action, ClaimsPrincipal user, string key, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        return RecordAsync(action, key, user.FindFirstValue(ClaimTypes.NameIdentifier), user.Identity?.Name ?? "?", detail);
    }

    /// <summary>A completed sign-in (password, and the second factor where there is one): the user's last sign-in time and the audit row, saved together.</summary>
    public async Task RecordSignInAsync(AppUser user, string method)
    {
        ArgumentNullException.ThrowIfNull(user);
        user.LastSignInUtc = DateTime.UtcNow;
        await RecordAsync(AuditAction.SignedIn, user.Id, user.Id, user.Email ?? user.Id, method);
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
