using System.Security.Claims;
using ZemgaleNvo.Infrastructure.Data;

namespace ZemgaleNvo.Web.Authorization;

/// <summary>
/// Restricts the DbContext to the signed-in staff member's organisation (reviewers and admins see
/// all) and names the signed-in user as the author of the changes it saves.
/// </summary>
internal sealed class HttpDataScope(IHttpContextAccessor accessor) : IDataScope
{
    /// <summary>Outside a request (start-up, hosted services) nothing is restricted; inside one, anonymous users see nothing.</summary>
    public int? RestrictToOrganisationId => accessor.HttpContext switch
    {
        null => null,
        { User.Identity.IsAuthenticated: true } context => context.User.StaffOrganisationId(),
        _ => -1,
    };

    public AuditActor Actor => accessor.HttpContext is { User.Identity.IsAuthenticated: true } context
        ? new AuditActor(context.User.FindFirstValue(ClaimTypes.NameIdentifier), context.User.Identity?.Name ?? "?", context.TraceIdentifier)
        : AuditActor.System;
}
