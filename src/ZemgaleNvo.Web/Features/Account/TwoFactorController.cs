using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using QRCoder;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;
using ZemgaleNvo.Domain.Audit;
using ZemgaleNvo.Infrastructure.Identity;
using ZemgaleNvo.Web.Forms;
using ZemgaleNvo.Web.Resources;

namespace ZemgaleNvo.Web.Features.Account;

public sealed class CodeForm
{
    [Required(ErrorMessage = "Ievadiet kodu.")]
    [StringLength(32, ErrorMessage = "Kods ir par garu.")]
    [Display(Name = "Kods")]
    public string Code { get; set; } = "";

    public string? ReturnUrl { get; set; }
}

public sealed record EnrolPage(CodeForm Form, string QrCodeDataUri, string GroupedKey, bool Required);

public sealed record RecoveryCodesPage(IReadOnlyList<string> Codes, string? ReturnUrl);

public sealed record SignInSettingsPage(bool TwoFactorEnabled, int RecoveryCodesLeft, bool TwoFactorRequired);

/// <summary>
/// Two-factor sign-in with an authenticator app (TOTP): the second step of signing in, by code or by
/// a one-time recovery code, and enrolment, which admins and reviewers must complete before anything
/// else (<see cref="TwoFactorRequirementMiddleware"/>).
/// </summary>
[Route("account")]
public sealed partial class TwoFactorController(
    SignInManager<AppUser> signInManager,
    UserManager<AppUser> userManager,
    IStringLocalizer<SharedResource> localizer,
    SecurityAudit audit,
    ILogger<TwoFactorController> logger) : Controller
{
    private const int RecoveryCodeCount = 10;
    private const string FormPrefix = "Form";
    private const string EnrolCodeKey = FormPrefix + "." + nameof(CodeForm.Code);
    private const string Issuer = "ZemgaleNvo";

    [HttpGet("login/two-factor")]
    [AllowedBeforeSecondFactor]
    [AllowAnonymous]
    public Task<IActionResult> SignInWithCode(string? returnUrl = null) => SecondStepPageAsync(returnUrl);

    [HttpPost("login/two-factor")]
    [AllowedBeforeSecondFactor]
    [AllowAnonymous]
    [EnableRateLimiting(SignInSecurity.RateLimitPolicy)]
    public Task<IActionResult> SignInWithCode(CodeForm form) =>
        CompleteSignInAsync(form, nameof(SignInWithCode), "authenticator", (user, code) =>
            Totp.Normalise(code) is { } digits
                ? signInManager.TwoFactorAuthenticatorSignInAsync(digits, isPersistent: false, rememberClient: false)
                : Task.FromResult(SignInResult.Failed));

    [HttpGet("login/recovery-code")]
    [AllowedBeforeSecondFactor]
    [AllowAnonymous]
    public Task<IActionResult> SignInWithRecoveryCode(string? returnUrl = null) => SecondStepPageAsync(returnUrl);

    /// <summary>The code form, only after a right password (Identity's two-factor cookie); otherwise back to the password.</summary>
    private async Task<IActionResult> SecondStepPageAsync(string? returnUrl) =>
        await signInManager.GetTwoFactorAuthenticationUserAsync() is null
            ? RedirectToAction(nameof(AccountController.Login), "Account", new { returnUrl })
            : View(new CodeForm { ReturnUrl = returnUrl });

    [HttpPost("login/recovery-code")]
    [AllowedBeforeSecondFactor]
    [AllowAnonymous]
    [EnableRateLimiting(SignInSecurity.RateLimitPolicy)]
    public Task<IActionResult> SignInWithRecoveryCode(CodeForm form) =>
        CompleteSignInAsync(form, nameof(SignInWithRecoveryCode), "recovery-code", (user, code) =>
            signInManager.TwoFactorRecoveryCodeSignInAsync(code.Replace(" ", "", StringComparison.Ordinal).Trim()));

    /// <summary>The shared second step: check the code, then record the sign-in or the failure.</summary>
    private async Task<IActionResult> CompleteSignInAsync(CodeForm form, string view, string method, Func<AppUser, string, Task<SignInResult>> check)
    {
        var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            // The five minutes for the second step ran out (or the password step never happened).
            TempData[Flash.Key] = localizer["Pieslēgšanās laiks beidzās. Ievadiet e-pastu un paroli vēlreiz."].Value;
            return RedirectToAction(nameof(AccountController.Login), "Account", new { returnUrl = form.ReturnUrl });
        }
        if (!ModelState.IsValid)
        {
            return View(view, form);
        }

        var result = await check(user, form.Code);
        if (result.Succeeded)
        {
            LogSignedIn(logger, user.Email, method);
            await audit.RecordSignInAsync(user, method);
            return LocalRedirect(Url.SafeReturnUrl(form.ReturnUrl));
        }

        await audit.RecordAsync(AuditAction.SignInFailed, user.Email ?? user.Id, user.Id, user.Email ?? user.Id,
            result.IsLockedOut ? "locked-out" : "wrong-" + method);
        ModelState.AddModelError(nameof(CodeForm.Code), result.IsLockedOut
            ? localizer["Pārāk daudz neveiksmīgu mēģinājumu. Konts uz laiku bloķēts; mēģiniet vēlāk."]
            : view == nameof(SignInWithCode)
                ? localizer["Kods nav pareizs vai jau izmantots. Ievadiet nākamo kodu no lietotnes."]
                : localizer["Rezerves kods nav derīgs."]);
        form.Code = "";
        return View(view, form);
    }

    /// <summary>The signed-in user's own sign-in settings: two-factor state, recovery codes left, password.</summary>
    [HttpGet("security")]
    [Authorize]
    public async Task<IActionResult> Settings()
    {
        if (await userManager.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        return View(new SignInSettingsPage(
            user.TwoFactorEnabled,
            user.TwoFactorEnabled ? await userManager.CountRecoveryCodesAsync(user) : 0,
            User.RequiresTwoFactor()));
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
        await TurnOffAsync(user, "two-factor-reset");
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
        await TurnOffAsync(user, "two-factor-disabled");
        TempData[Flash.Key] = localizer["Divpakāpju pieslēgšanās izslēgta."].Value;
        return RedirectToAction(nameof(Settings));
    }

    private async Task TurnOffAsync(AppUser user, string what)
    {
        await userManager.SetTwoFactorEnabledAsync(user, false);
        await userManager.ResetAuthenticatorKeyAsync(user);
        // The old recovery codes are useless from here (they are only asked for when two-factor is
        // on) and are replaced by new ones when the new key is confirmed.
        // Both calls changed the security stamp: without a new cookie this very session would end
        // at the next stamp check. The new one no longer claims a second factor.
        await SignInAgainAsync(user, passedTwoFactor: false);
        await audit.RecordAsync(AuditAction.SignInSettingsChanged, user.Id, user.Id, user.Email ?? user.Id, what);
    }

    /// <summary>
    /// A fresh cookie for the changed account (new security stamp, and whether this session has passed
    /// two factors), keeping the session's original sign-in time for its 12-hour limit.
    /// </summary>
    private async Task SignInAgainAsync(AppUser user, bool passedTwoFactor)
    {
        var current = await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        Claim[] claims = passedTwoFactor ? [new Claim(SignInSecurity.MethodsClaim, SignInSecurity.MultiFactor)] : [];
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in completed for {Email} with {Method}")]
    private static partial void LogSignedIn(ILogger logger, string? email, string method);
}
