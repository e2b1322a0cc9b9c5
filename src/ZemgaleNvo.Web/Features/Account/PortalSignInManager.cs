using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ZemgaleNvo.Infrastructure.Identity;

namespace ZemgaleNvo.Web.Features.Account;

/// <summary>
/// Identity's sign-in with one more refusal: a deactivated account cannot sign in, with any password
/// or link. Identity asks <see cref="CanSignInAsync"/> before every password and two-factor sign-in,
/// so the refusal holds for every way in, and the login page answers as for a wrong password
/// (it does not reveal which accounts exist or were switched off).
/// </summary>
public sealed class PortalSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return !user.IsDeactivated && await base.CanSignInAsync(user);
    }

    /// <summary>
    /// The minute-by-minute session check refuses a deactivated account too, whatever its stamp. (A
    /// lockout from wrong passwords does not end open sessions: otherwise anyone could sign a user
    /// out by guessing at their account. An admin's lock renews the stamp, which does.)
    /// </summary>
    public override async Task<AppUser?> ValidateSecurityStampAsync(System.Security.Claims.ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { IsDeactivated: true } ? null : user;
    }
}
