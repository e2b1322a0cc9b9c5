using ZemgaleNvo.Infrastructure.Data;

namespace ZemgaleNvo.Web.Authorization;

/// <summary>Restricts the DbContext to the signed-in staff member's organisation; reviewers and admins see all.</summary>
internal sealed class HttpDataScope(IHttpContextAccessor accessor) : IDataScope
{
    public int? RestrictToOrganisationId => accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user
        ? user.StaffOrganisationId()
        : null;
}
