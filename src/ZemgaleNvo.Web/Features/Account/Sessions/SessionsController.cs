using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using ZemgaleNvo.Domain.Audit;
using ZemgaleNvo.Infrastructure.Identity;
using ZemgaleNvo.Web.Forms;
using ZemgaleNvo.Web.Resources;

namespace ZemgaleNvo.Web.Features.Account.Sessions;

/// <summary>
/// "End this session" on the user's own sign-in settings page (issue 17): a phone left signed in,
/// a shared computer. The list itself is drawn by <see cref="TwoFactorController.Settings"/>.
/// </summary>
[Route("account/security/sessions")]
[Authorize]
public sealed class SessionsController(
    OpenSessions sessions,
    SignInManager<AppUser> signInManager,
    SecurityAudit audit,
    IStringLocalizer<SharedResource> localizer) : Controller
{
    /// <summary>
    /// Ends one of the caller's own sessions; another user's (or no) session is 404, the same answer.
    /// Ending the session this request came with is signing out.
    /// </summary>
    [HttpPost("{sessionId:int}/end")]
    public async Task<IActionResult> End(int sessionId, CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return Challenge();
        }
        if (sessionId == SignInTicketStore.CurrentSessionId(HttpContext))
        {
            await audit.RecordAsync(AuditAction.SignedOut, User, userId);
            await signInManager.SignOutAsync();
            return RedirectToAction(nameof(AccountController.Login), "Account");
        }
        if (!await sessions.EndAsync(userId, sessionId, cancellationToken))
        {
            return NotFound();
        }
        await audit.RecordAsync(AuditAction.SignInSettingsChanged, User, userId, "session-ended");
        TempData[Flash.Key] = localizer["Sesija beigta: tajā ierīcē būs jāpieslēdzas no jauna."].Value;
        return RedirectToAction(nameof(TwoFactorController.Settings), "TwoFactor");
    }
}
