using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using ZemgaleNvo.Domain.Users;
using ZemgaleNvo.Infrastructure.Identity;
using ZemgaleNvo.Web.Forms;
using ZemgaleNvo.Web.Resources;

namespace ZemgaleNvo.Web.Features.Account;

/// <summary>
/// A reviewer switches their weekly digest of overdue and long-waiting reports on or off, on their
/// account page (<c>/account/security</c>); the change goes through <see cref="UserAdministration"/>.
/// </summary>
[Route("account")]
[Authorize(Roles = Roles.Reviewer)]
public sealed class WeeklyDigestController(
    UserManager<AppUser> userManager,
    UserAdministration administration,
    TimeProvider time,
    IStringLocalizer<SharedResource> localizer) : Controller
{
    /// <summary><c>receive=true</c> switches it on, <c>false</c> off; anything else changes nothing.</summary>
    [HttpPost("weekly-digest")]
    public async Task<IActionResult> Set([FromForm] string? receive)
    {
        if (await userManager.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        if (bool.TryParse(receive, out var on))
        {
            var result = await administration.SetWeeklyDigestAsync(user, on, time.GetUtcNow().UtcDateTime);
            TempData[Flash.Key] = result.Succeeded
                ? (on ? localizer["Nedēļas apkopojums ieslēgts."] : localizer["Nedēļas apkopojums izslēgts."]).Value
                : localizer["Iestatījumu neizdevās saglabāt. Lūdzu, mēģiniet vēlreiz."].Value;
        }
        return RedirectToAction(nameof(TwoFactorController.Settings), "TwoFactor");
    }
}
