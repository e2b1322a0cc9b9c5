using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using ZemgaleNvo.Domain.Audit;
using ZemgaleNvo.Infrastructure.Identity;
using ZemgaleNvo.Web.Forms;
using ZemgaleNvo.Web.Resources;

namespace ZemgaleNvo.Web.Features.Account;

public sealed class ChangePasswordForm
{
    [Required(ErrorMessage = "Ievadiet pašreizējo paroli.")]
    [StringLength(256, ErrorMessage = "Parole ir par garu.")]
    [DataType(DataType.Password)]
    [Display(Name = "Pašreizējā parole")]
    public string CurrentPassword { get; set; } = "";

    [Required(ErrorMessage = "Ievadiet jauno paroli.")]
    [StringLength(256, ErrorMessage = "Parole ir par garu.")]
    [DataType(DataType.Password)]
    [Display(Name = "Jaunā parole")]
    public string NewPassword { get; set; } = "";

    [Required(ErrorMessage = "Ievadiet jauno paroli vēlreiz.")]
    [Compare(nameof(NewPassword), ErrorMessage = "Paroles nesakrīt.")]
    [DataType(DataType.Password)]
    [Display(Name = "Jaunā parole vēlreiz")]
    public string ConfirmPassword { get; set; } = "";
}

public sealed record ChangePasswordPage(ChangePasswordForm Form);

/// <summary>
/// A signed-in user changes their own password. The change ends the account's other sessions within
/// a minute (new security stamp); this one continues with a fresh cookie.
/// </summary>
[Route("account/password")]
[Authorize]
public sealed class PasswordController(
    SignInManager<AppUser> signInManager,
    UserManager<AppUser> userManager,
    IStringLocalizer<SharedResource> localizer,
    SecurityAudit audit,
    Sessions.OpenSessions sessions) : Controller
{
    private const string FormPrefix = "Form";

    [HttpGet("")]
    public IActionResult Change() => View(new ChangePasswordPage(new ChangePasswordForm()));

    [HttpPost("")]
    public async Task<IActionResult> Change([FromForm(Name = FormPrefix)] ChangePasswordForm form)
    {
        if (await userManager.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        if (ModelState.IsValid)
        {
            var result = await userManager.ChangePasswordAsync(user, form.CurrentPassword, form.NewPassword);
            if (result.Succeeded)
            {
                await signInManager.RefreshSignInAsync(user);
                // Whoever knew the old password may hold a session: every other one ends now.
                await sessions.EndOthersAsync(user.Id, SignInTicketStore.CurrentSessionId(HttpContext), HttpContext.RequestAborted);
                await audit.RecordAsync(AuditAction.SignInSettingsChanged, user.Id, user.Id, user.Email ?? user.Id, "password-changed");
                TempData[Flash.Key] = localizer["Parole nomainīta. Citās ierīcēs atvērtās sesijas ir beigtas."].Value;
                return RedirectToAction(nameof(TwoFactorController.Settings), "TwoFactor");
            }
            foreach (var error in result.Errors)
            {
                var field = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch)
                    ? nameof(ChangePasswordForm.CurrentPassword)
                    : nameof(ChangePasswordForm.NewPassword);
                ModelState.AddModelError($"{FormPrefix}.{field}", error.Description);
            }
        }
        // Passwords are never sent back into the page.
        return this.ViewWithStatus(nameof(Change), new ChangePasswordPage(new ChangePasswordForm()), StatusCodes.Status422UnprocessableEntity);
    }
}
