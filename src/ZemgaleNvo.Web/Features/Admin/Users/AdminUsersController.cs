using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using ZemgaleNvo.Domain.Users;
using ZemgaleNvo.Infrastructure.Identity;
using ZemgaleNvo.Web.Authorization;
using ZemgaleNvo.Web.Features.Account;
using ZemgaleNvo.Web.Forms;
using ZemgaleNvo.Web.Resources;
using static ZemgaleNvo.Web.Features.Admin.Users.UserPages;

namespace ZemgaleNvo.Web.Features.Admin.Users;

/// <summary>
/// Accounts: the list, inviting a new user and a new set-password link for an existing one (a
/// one-time link, emailed and shown once). The changes to one account are on its own page
/// (<see cref="AdminUserAccountController"/>); both leave the changing to <see cref="UserAdministration"/>,
/// which writes the audit rows. Users are never deleted: history names them.
/// </summary>
[Authorize(Policy = PortalPolicies.Administer)]
[Route("admin/users")]
public sealed class AdminUsersController(
    UserManager<AppUser> userManager,
    UserAdministration administration,
    UserListQuery users,
    UserPages pages,
    SetPasswordLinks links,
    IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? role, string? status, CancellationToken cancellationToken)
    {
        var roleFilter = role is not null && Roles.IsKnown(role) ? role : null;
        UserStatus? statusFilter = Enum.TryParse<UserStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
        var list = await users.RunAsync(roleFilter, statusFilter, cancellationToken);
        return View("Index", new UserListPage(list, roleFilter, statusFilter));
    }

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken cancellationToken) =>
        View("New", new NewUserPage(new NewUserForm { Role = Roles.NgoStaff }, await pages.OrganisationsAsync(cancellationToken)));

    [HttpPost("new")]
    public async Task<IActionResult> Create([FromForm(Name = FormPrefix)] NewUserForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        await pages.CheckRoleAsync(ModelState, form.Role, form.OrganisationId, Key(nameof(NewUserForm.Role)), Key(nameof(NewUserForm.OrganisationId)), cancellationToken);
        var email = form.Email?.Trim();
        if (email is not null && ModelState.GetFieldValidationState(Key(nameof(NewUserForm.Email))) != ModelValidationState.Invalid
            && await userManager.FindByEmailAsync(email) is not null)
        {
            ModelState.AddModelError(Key(nameof(NewUserForm.Email)), localizer["Lietotājs ar šo e-pasta adresi jau ir."]);
        }
        if (!ModelState.IsValid)
        {
            return this.ViewWithStatus("New", new NewUserPage(form, await pages.OrganisationsAsync(cancellationToken)), StatusCodes.Status422UnprocessableEntity);
        }

        var (result, user) = await administration.InviteAsync(email!, form.Role!, form.Role == Roles.NgoStaff ? form.OrganisationId : null, form.FullName!.Trim(), cancellationToken);
        if (!result.Succeeded || user is null)
        {
            // Identity's own checks (the characters it allows in a user name, a duplicate made a moment ago).
            ModelState.AddModelError(Key(nameof(NewUserForm.Email)), localizer["Lietotāju ar šo e-pasta adresi izveidot nevar: {0}", string.Join(" ", result.Errors)]);
            return this.ViewWithStatus("New", new NewUserPage(form, await pages.OrganisationsAsync(cancellationToken)), StatusCodes.Status422UnprocessableEntity);
        }
        return await ShowLinkAsync(user.Id, isNewUser: true, cancellationToken);
    }

    /// <summary>A new one-time link; older links stop working (the stamp changes), and so do open sessions.</summary>
    [HttpPost("{id}/send-link")]
    public async Task<IActionResult> SendLink(string id, CancellationToken cancellationToken)
    {
        var user = await userManager.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }
        var refusal = user.IsDeactivated
            ? localizer["Deaktivizētam lietotājam saiti nosūtīt nevar. Vispirms aktivizējiet kontu."]
            : (await administration.RenewSetPasswordLinkAsync(user, cancellationToken)).Succeeded
                ? null
                : localizer["Kamēr jūs skatījāt šo lapu, kontu mainīja kāds cits. Pārskatiet to un mēģiniet vēlreiz."];
        if (refusal is not null)
        {
            var page = await pages.DetailsAsync(id, form: null, userManager.GetUserId(User) == id, cancellationToken);
            if (page is null)
            {
                return NotFound();
            }
            ModelState.AddModelError(string.Empty, refusal);
            return this.ViewWithStatus("Details", page, StatusCodes.Status409Conflict);
        }
        return await ShowLinkAsync(id, isNewUser: false, cancellationToken);
    }

    private async Task<IActionResult> ShowLinkAsync(string id, bool isNewUser, CancellationToken cancellationToken)
    {
        var user = await userManager.FindByIdAsync(id);
        var row = await users.FindAsync(id, cancellationToken);
        if (user is null || row is null)
        {
            return NotFound();
        }
        var link = await links.IssueAsync(user, new Uri($"{Request.Scheme}://{Request.Host}{Request.PathBase}/"), CancellationToken.None);
        // The link is a secret: shown once, never cached, never in a redirect's TempData cookie.
        Response.Headers.CacheControl = "no-store";
        return View("Invited", new UserInvitedPage(row, link, isNewUser));
    }
}
