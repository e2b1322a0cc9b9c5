using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using QRCoder;
using ZemgaleNvo.Domain.Audit;
using ZemgaleNvo.Infrastructure.Identity;
using ZemgaleNvo.Web.Forms;
using ZemgaleNvo.Web.Resources;

namespace ZemgaleNvo.Web.Features.Account;

/// <summary>
/// Two-factor sign-in with an authenticator app (TOTP), the user's own side: enrolment, which admins
/// and reviewers must complete before anything else (<see cref="TwoFactorRequirementMiddleware"/>),
/// recovery codes, a new key and, for NGO staff, turning it off. The code step of signing in is
/// <see cref="TwoFactorSignInController"/>; resetting and turning off go through
/// <see cref="UserAdministration"/>, as an admin's reset and the command line's do.
/// </summary>
[Route("account")]
public sealed class TwoFactorController(
    SignInManager<AppUser> signInManager,
    UserManager<AppUser> userManager,
    UserAdministration administration,
    IStringLocalizer<SharedResource> localizer,
    SecurityAudit audit,
    Sessions.OpenSessions sessions) : Controller
{
    private const int RecoveryCodeCount = 10;
    private const string FormPrefix = "Form";
    private const string EnrolCodeKey = FormPrefix + "." + nameof(CodeForm.Code);
    private const string Issuer = "ZemgaleNvo";

    /// <summary>The signed-in user's own sign-in settings: two-factor state, recovery codes left, password.</summary>
    [HttpGet("security")]
    [Authorize]
    public async Task<IActionResult> Settings(CancellationToken cancellationToken)
    {
        if (await userManager.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        return View(new SignInSettingsPage(
            user.TwoFactorEnabled,
            user.TwoFactorEnabled ? await userManager.CountRecoveryCodesAsync(user) : 0,
            User.RequiresTwoFactor(),
            await sessions.ListAsync(user.Id, SignInTicketStore.CurrentSessionId(HttpContext), cancellationToken),
            User.IsInRole(Domain.Users.Roles.Reviewer) ? user.WeeklyDigestOffAtUtc is null : null));
    }

    [HttpGet("two-factor/setup")]
    [AllowedBeforeSecondFactor]
    [Authorize]
    public async Task<IActionResult> Setup(string? returnUrl = null)
    {
        if (await userManager.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        if (user.TwoFactorEnabled)
        {
            return await AlreadyEnrolledAsync();
        }
        return View(await EnrolPageAsync(user, new CodeForm { ReturnUrl = returnUrl }));
    }

    [HttpPost("two-factor/setup")]
    [AllowedBeforeSecondFactor]
    [Authorize]
    public async Task<IActionResult> Setup([FromForm(Name = FormPrefix)] CodeForm form)
    {
        if (await userManager.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        if (user.TwoFactorEnabled)
        {
            return await AlreadyEnrolledAsync();
        }
        if (ModelState.IsValid)
        {
            var code = Totp.Normalise(form.Code);
            if (code is null)
            {
                ModelState.AddModelError(EnrolCodeKey, localizer["Kodā jābūt 6 cipariem."]);
            }
            else if (!await userManager.VerifyTwoFactorTokenAsync(user, userManager.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                ModelState.AddModelError(EnrolCodeKey, localizer["Kods nav pareizs vai jau izmantots. Pārbaudiet, vai lietotnē pievienojāt tieši šo atslēgu, un ievadiet nākamo kodu."]);
            }
        }
        if (!ModelState.IsValid)
        {
            form.Code = "";
            return this.ViewWithStatus(nameof(Setup), await EnrolPageAsync(user, form), StatusCodes.Status422UnprocessableEntity);
        }

        await userManager.SetTwoFactorEnabledAsync(user, true);
        var codes = (await userManager.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        await SignInAgainAsync(user, passedTwoFactor: true);
        await audit.RecordAsync(AuditAction.SignInSettingsChanged, user.Id, user.Id, user.Email ?? user.Id, "two-factor-enabled");
        return View("RecoveryCodes", new RecoveryCodesPage(codes, Url.SafeReturnUrl(form.ReturnUrl)));
    }

    /// <summary>New recovery codes replace the old ones (lost, or mostly used up).</summary>
    [HttpPost("two-factor/recovery-codes")]
    [Authorize]
    public async Task<IActionResult> NewRecoveryCodes()
    {
        if (await userManager.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        if (!user.TwoFactorEnabled)
        {
            return RedirectToAction(nameof(Setup));
        }
        var codes = (await userManager.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        await audit.RecordAsync(AuditAction.SignInSettingsChanged, user.Id, user.Id, user.Email ?? user.Id, "recovery-codes-renewed");
        return View("RecoveryCodes", new RecoveryCodesPage(codes, "/account/security"));
    }

    /// <summary>
    /// A new authenticator key (a new phone, or a key that may have been seen): the old app stops
    /// working at once, two-factor is off until the new key is confirmed, and for admins and
    /// reviewers nothing but enrolment is open until then.
    /// </summary>
    [HttpPost("two-factor/reset")]
    [Authorize]
    public async Task<IActionResult> Reset()
    {
        if (await userManager.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        if (!(await administration.ResetTwoFactorAsync(user)).Succeeded)
        {
            return RedirectToAction(nameof(Settings));
        }
        await SignInAgainAsync(user, passedTwoFactor: false);
        return RedirectToAction(nameof(Setup));
    }

    /// <summary>NGO staff may choose to sign in with the password alone; admins and reviewers may not.</summary>
    [HttpPost("two-factor/disable")]
    [Authorize]
    public async Task<IActionResult> Disable()
    {
        if (await userManager.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        if (User.RequiresTwoFactor())
        {
            return Forbid();
        }
        if ((await administration.TurnOffTwoFactorAsync(user)).Succeeded)
        {
            // The new stamp would end this very session at its next check: a fresh cookie, without the second factor.
            await SignInAgainAsync(user, passedTwoFactor: false);
            TempData[Flash.Key] = localizer["Divpakāpju pieslēgšanās izslēgta."].Value;
        }
        return RedirectToAction(nameof(Settings));
    }

    /// <summary>
    /// A fresh cookie for the changed account (new security stamp, and whether this session has passed
    /// two factors), keeping the session's original sign-in time for its 12-hour limit.
    /// </summary>
    private async Task SignInAgainAsync(AppUser user, bool passedTwoFactor)
    {
        var current = await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        Claim[] claims = passedTwoFactor ? [new Claim(SignInSecurity.MethodsClaim, SignInSecurity.MultiFactor)] : [];
        // The account change ended every session of the user, this one too: this one goes on.
        SignInTicketStore.AllowReissue(HttpContext);
        await signInManager.SignInWithClaimsAsync(user, current.Properties ?? new AuthenticationProperties(), claims);
    }

    /// <summary>
    /// Enrolled already. A session that did not pass the second factor (it began before enrolment
    /// finished elsewhere) signs in again properly instead of looping between pages.
    /// </summary>
    private async Task<IActionResult> AlreadyEnrolledAsync()
    {
        if (User.PassedTwoFactor())
        {
            return RedirectToAction(nameof(Settings));
        }
        await signInManager.SignOutAsync();
        return RedirectToAction(nameof(AccountController.Login), "Account");
    }

    private async Task<EnrolPage> EnrolPageAsync(AppUser user, CodeForm form)
    {
        var key = await userManager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await userManager.ResetAuthenticatorKeyAsync(user);
            await SignInAgainAsync(user, passedTwoFactor: false);
            key = await userManager.GetAuthenticatorKeyAsync(user)
                ?? throw new InvalidOperationException("Identity did not store an authenticator key.");
        }
        var address = Totp.AppAddress(Issuer, user.Email ?? user.UserName ?? user.Id, key);
        using var data = QRCodeGenerator.GenerateQrCode(address, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return new EnrolPage(form, "data:image/png;base64," + Convert.ToBase64String(png), Totp.Grouped(key), User.RequiresTwoFactor());
    }
}
