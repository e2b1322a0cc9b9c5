using System.Security.Claims;
using ZemgaleNvo.Domain.Audit;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Infrastructure.Data.Configurations;
using ZemgaleNvo.Infrastructure.Identity;

namespace ZemgaleNvo.Web.Features.Admin.Users;

/// <summary>
/// Audit rows for changes to accounts. The automatic capture records domain records only (Identity's
/// rows hold password hashes and stamps), so account changes are written here, field by field, in
/// the hash-chained trail beside sign-ins ("User", the user's id). The rows are only added to the
/// context: the caller's next save (UserManager's own update) commits them with the change.
/// </summary>
public sealed class UserChangeAudit(AppDbContext db, IHttpContextAccessor http)
{
    public const string EntityType = "User";

    public void Record(AuditAction action, AppUser user, string field, string? oldValue, string? newValue)
    {
        ArgumentNullException.ThrowIfNull(user);
        var context = http.HttpContext;
        var signedIn = context?.User.Identity?.IsAuthenticated == true;
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = DateTime.UtcNow,
            // Someone following their own set-password link is not signed in: they are the actor.
            UserId = signedIn ? context!.User.FindFirstValue(ClaimTypes.NameIdentifier) : user.Id,
            UserName = Truncate(signedIn ? context!.User.Identity!.Name ?? "?" : user.Email ?? user.Id, 256),
            Action = action,
            EntityType = EntityType,
            EntityKey = user.Id,
            Field = field,
            OldValue = oldValue,
            NewValue = newValue,
            RequestId = context?.TraceIdentifier is { } id ? Truncate(id, Limits.Code) : null,
        });
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
