using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using ZemgaleNvo.Domain.Audit;
using ZemgaleNvo.Infrastructure.Identity;
using ZemgaleNvo.Web.Resources;

namespace ZemgaleNvo.Web.Features.Account;

public sealed class LoginForm
{
    [Required(ErrorMessage = "Norādiet e-pasta adresi.")]
    [EmailAddress(ErrorMessage = "E-pasta adrese nav derīga.")]
    [StringLength(256, ErrorMessage = "E-pasta adrese ir par garu.")]
    [Display(Name = "E-pasts")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Norādiet paroli.")]
    [StringLength(256, ErrorMessage = "Parole ir par garu.")]
    [DataType(DataType.Password)]
    [Display(Name = "Parole")]
    public string Password { get; set; } = "";

    public string? ReturnUrl { get; set; }
}

[Route("account")]
public sealed partial class AccountController(
    SignInManager<AppUser> signInManager,
    UserManager<AppUser> userManager,
    IStringLocalizer<SharedResource> localizer,
    SecurityAudit audit,
    ILogger<AccountController> logger) : Controller
{
    [HttpGet("login")]
    [AllowAnonymous]
    [AllowedBeforeSecondFactor]
    public IActionResult Login(string? returnUrl = null) =>
        User.Identity?.IsAuthenticated == true
            ? LocalRedirect(SafeReturnUrl(returnUrl))
            : View(new LoginForm { ReturnUrl = returnUrl });

    [HttpPost("login")]
    [AllowAnonymous]
    [AllowedBeforeSecondFactor]
    [EnableRateLimiting(SignInSecurity.RateLimitPolicy)]
    public async Task<IActionResult> Login(LoginForm form)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var result = await signInManager.PasswordSignInAsync(form.Email.Trim(), form.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            // The password was right; Identity holds the half-done sign-in in its two-factor cookie
            // for five minutes while the code is asked for.
            return RedirectToAction(nameof(TwoFactorSignInController.SignInWithCode), "TwoFactorSignIn", new { returnUrl = SafeReturnUrl(form.ReturnUrl) });
        }
        if (result.Succeeded)
        {
            var user = await userManager.FindByEmailAsync(form.Email.Trim());
            LogSignedIn(logger, form.Email);
            if (user is not null)
            {
                await audit.RecordSignInAsync(user, "password");
            }
            return LocalRedirect(SafeReturnUrl(form.ReturnUrl));
        }

        LogSignInFailed(logger, form.Email, result.IsLockedOut);
        await audit.RecordAsync(AuditAction.SignInFailed, form.Email.Trim(), null, form.Email.Trim(), result.IsLockedOut ? "locked-out" : "wrong-credentials");
        // One message for a wrong email and a wrong password, so the form does not reveal who has an account.
        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? localizer["Pārāk daudz neveiksmīgu mēģinājumu. Konts uz laiku bloķēts; mēģiniet vēlāk."]
            : localizer["Nepareizs e-pasts vai parole."]);
        form.Password = "";
        return View(form);
    }

    [HttpPost("logout")]
    [AllowedBeforeSecondFactor]
    public async Task<IActionResult> Logout()
    {
        await audit.RecordAsync(AuditAction.SignedOut, User, User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "?");
        await signInManager.SignOutAsync();
        return RedirectToAction(nameof(Login));
    }

    [HttpGet("denied")]
    [AllowAnonymous]
    public IActionResult Denied(string? returnUrl = null)
    {
        // The audit row is written when access is refused (the cookie scheme's OnRedirectToAccessDenied), not here.
        LogDenied(logger, User.Identity?.Name, returnUrl);
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }

    private string SafeReturnUrl(string? returnUrl) => Url.SafeReturnUrl(returnUrl);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in succeeded for {Email}")]
    private static partial void LogSignedIn(ILogger logger, string email);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Access denied to {User} for {Path}")]
    private static partial void LogDenied(ILogger logger, string? user, string? path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in failed for {Email} (locked out: {LockedOut})")]
    private static partial void LogSignInFailed(ILogger logger, string email, bool lockedOut);
}

internal static class ReturnUrls
{
    /// <summary>
    /// Only addresses inside the portal (an open redirect would help phishing), and only in printable
    /// ASCII: a Location header cannot carry anything else (Kestrel refuses it with a 500), and a
    /// browser sends a genuine address percent-encoded anyway. Anything else goes to the start page.
    /// </summary>
    public static string SafeReturnUrl(this IUrlHelper url, string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.Length <= MaxLength && returnUrl.All(c => c is > ' ' and < '\x7F') && url.IsLocalUrl(returnUrl)
            ? returnUrl
            : "/";

    /// <summary>Longer addresses are not ones the portal makes; proxies refuse long headers.</summary>
    private const int MaxLength = 2048;
}
