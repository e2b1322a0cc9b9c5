using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;
using ZemgaleNvo.Domain.Audit;
using ZemgaleNvo.Infrastructure.Identity;
using ZemgaleNvo.Web.Forms;
using ZemgaleNvo.Web.Resources;

namespace ZemgaleNvo.Web.Features.Account;

/// <summary>
/// The second step of signing in, after a right password: a code from the authenticator app (TOTP,
/// each code once) or a one-time recovery code. Open before the second factor, naturally
/// (<see cref="AllowedBeforeSecondFactorAttribute"/>); enrolment is <see cref="TwoFactorController"/>.
/// </summary>
[Route("account")]
public sealed partial class TwoFactorSignInController(
    SignInManager<AppUser> signInManager,
    IStringLocalizer<SharedResource> localizer,
    SecurityAudit audit,
    ILogger<TwoFactorSignInController> logger) : Controller
{
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in completed for {Email} with {Method}")]
    private static partial void LogSignedIn(ILogger logger, string? email, string method);
}
