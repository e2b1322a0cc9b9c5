using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using ZemgaleNvo.Infrastructure.Identity;
using ZemgaleNvo.Web.Forms;
using ZemgaleNvo.Web.Resources;

namespace ZemgaleNvo.Web.Features.Account;

public sealed class SetPasswordForm
{
    public string? User { get; set; }
    public string? Token { get; set; }

    [Required(ErrorMessage = "Ierakstiet jauno paroli.")]
    [StringLength(256, ErrorMessage = "Parole ir par garu.")]
    [DataType(DataType.Password)]
    [Display(Name = "Jaunā parole")]
    public string? Password { get; set; }

    [Required(ErrorMessage = "Ierakstiet paroli vēlreiz.")]
    [Compare(nameof(Password), ErrorMessage = "Paroles nesakrīt.")]
    [DataType(DataType.Password)]
    [Display(Name = "Parole vēlreiz")]
    public string? ConfirmPassword { get; set; }
}

public sealed record SetPasswordPage(SetPasswordForm Form, string Email, int MinimumLength);

/// <summary>
/// Where a new user (or one an admin sent a fresh link) chooses a password: <c>/account/set-password?user=…&amp;token=…</c>.
/// Anonymous by nature. A link that was used, has expired, was replaced by a newer one or belongs to
/// a deactivated account shows one message and nothing else, before anything is typed.
/// </summary>
[AllowAnonymous]
[Route(SetPasswordLinks.Path)]
public sealed class SetPasswordController(
    UserManager<AppUser> userManager,
    UserAdministration administration,
    IOptions<IdentityOptions> identityOptions,
    IStringLocalizer<SharedResource> localizer) : Controller
{
    private const string FormPrefix = "Form";
    private const string FormView = "~/Features/Account/SetPassword.cshtml";
    private const string InvalidView = "~/Features/Account/SetPasswordLinkInvalid.cshtml";

    private int MinimumLength => identityOptions.Value.Password.RequiredLength;

    [HttpGet("")]
    public async Task<IActionResult> Show(string? user, string? token)
    {
        var found = await ValidLinkUserAsync(user, token);
        if (found is null)
        {
            return LinkInvalid();
        }
        // The link holds a secret: keep it out of caches and out of the Referer of anything the page loads.
        Response.Headers.CacheControl = "no-store";
        return View(FormView, new SetPasswordPage(new SetPasswordForm { User = user, Token = token }, found.Email ?? "", MinimumLength));
    }

    [HttpPost("")]
    [EnableRateLimiting(SignInSecurity.RateLimitPolicy)]
    public async Task<IActionResult> Save([FromForm(Name = FormPrefix)] SetPasswordForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var user = await ValidLinkUserAsync(form.User, form.Token);
        if (user is null)
        {
            return LinkInvalid();
        }
        Response.Headers.CacheControl = "no-store";
        if (!ModelState.IsValid)
        {
            return Refused(form, user);
        }
        // The password and its audit row (the link's owner as the actor) are saved together.
        var result = await administration.SetPasswordWithLinkAsync(user, SetPasswordLinks.Decode(form.Token)!, form.Password!);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
            {
                return LinkInvalid();
            }
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError($"{FormPrefix}.{nameof(SetPasswordForm.Password)}", PasswordMessage(error));
            }
            return Refused(form, user);
        }
        TempData[Flash.Key] = localizer["Parole iestatīta. Tagad varat pieslēgties ar savu e-pastu un jauno paroli."].Value;
        return Redirect("/account/login");
    }

    private ViewResult Refused(SetPasswordForm form, AppUser user)
    {
        // Password inputs never write a value back into the page; clearing the model says so twice.
        form.Password = null;
        form.ConfirmPassword = null;
        return this.ViewWithStatus(FormView, new SetPasswordPage(form, user.Email ?? "", MinimumLength), StatusCodes.Status422UnprocessableEntity);
    }

    private string PasswordMessage(IdentityError error) => error.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordTooShort) => localizer["Parolei jābūt vismaz {0} zīmes garai.", MinimumLength],
        // Validators added later (a common-password list) bring their own wording.
        _ => error.Description,
    };

    private async Task<AppUser?> ValidLinkUserAsync(string? userId, string? encodedToken)
    {
        var token = SetPasswordLinks.Decode(encodedToken);
        if (string.IsNullOrWhiteSpace(userId) || token is null)
        {
            return null;
        }
        var user = await userManager.FindByIdAsync(userId);
        if (user is null || user.IsDeactivated)
        {
            return null;
        }
        var valid = await userManager.VerifyUserTokenAsync(
            user, identityOptions.Value.Tokens.PasswordResetTokenProvider, UserManager<AppUser>.ResetPasswordTokenPurpose, token);
        return valid ? user : null;
    }

    private ViewResult LinkInvalid()
    {
        var view = View(InvalidView);
        view.StatusCode = StatusCodes.Status400BadRequest;
        return view;
    }
}
