using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ZemgaleNvo.Domain.Users;
using ZemgaleNvo.Infrastructure.Identity;

namespace ZemgaleNvo.Web.Authorization;

/// <summary>Claims the portal adds to the sign-in cookie.</summary>
internal static class PortalClaims
{
    public const string OrganisationId = "zemgalenvo:organisation";
    public const string FullName = "zemgalenvo:name";

    /// <summary>Sees every organisation's agreements: admins and ministry reviewers.</summary>
    public static bool SeesAllOrganisations(this ClaimsPrincipal user) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Reviewer);

    /// <summary>
    /// The organisation whose data the user is limited to: their own for NGO staff, none (-1, which
    /// matches no row) for anyone who is neither staff nor admin nor reviewer — a user whose role was
    /// removed, say — so a missing role narrows access instead of widening it.
    /// </summary>
    public static int? StaffOrganisationId(this ClaimsPrincipal user)
    {
        if (user.SeesAllOrganisations())
        {
            return null;
        }
        var value = user.IsInRole(Roles.NgoStaff) ? user.FindFirstValue(OrganisationId) : null;
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : -1;
    }
}

/// <summary>Puts the organisation and display name into the principal at sign-in.</summary>
internal sealed class PortalClaimsPrincipalFactory(
    UserManager<AppUser> userManager, RoleManager<IdentityRole> roleManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.OrganisationId is { } organisationId)
        {
            identity.AddClaim(new Claim(PortalClaims.OrganisationId, organisationId.ToString(CultureInfo.InvariantCulture)));
        }
        if (!string.IsNullOrWhiteSpace(user.FullName))
        {
            identity.AddClaim(new Claim(PortalClaims.FullName, user.FullName));
        }
        return identity;
    }
}
