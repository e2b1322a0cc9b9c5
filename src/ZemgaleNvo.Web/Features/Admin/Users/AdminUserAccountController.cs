using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using ZemgaleNvo.Domain.Users;
using ZemgaleNvo.Infrastructure.Identity;
using ZemgaleNvo.Web.Authorization;
using ZemgaleNvo.Web.Forms;
using ZemgaleNvo.Web.Resources;
using static ZemgaleNvo.Web.Features.Admin.Users.UserPages;

namespace ZemgaleNvo.Web.Features.Admin.Users;

/// <summary>
/// One user's page and what an admin changes there: role and organisation, lock, deactivation and
/// the two-factor reset. <see cref="UserAdministration"/> makes each change with its audit rows and
/// a new security stamp, so sessions opened before it end; this controller adds what concerns the
/// admin at the screen (not locking themselves out, a form drawn before another admin's change).
/// </summary>
[Authorize(Policy = PortalPolicies.Administer)]
[Route("admin/users")]
public sealed class AdminUserAccountController(
    UserManager<AppUser> userManager,
    UserAdministration administration,
    UserListQuery users,
    UserPages pages,
    IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("{id}")]
    public async Task<IActionResult> Details(string id, CancellationToken cancellationToken)
    {
        var page = await pages.DetailsAsync(id, form: null, IsSelf(id), cancellationToken);
        return page is null ? NotFound() : View("Details", page);
    }

    [HttpPost("{id}/role")]
    public async Task<IActionResult> ChangeRole(string id, [FromForm(Name = FormPrefix)] UserRoleForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var user = await userManager.FindByIdAsync(id);
        var row = await users.FindAsync(id, cancellationToken);
        if (user is null || row is null)
        {
            return NotFound();
        }
        if (form.SeenRole is not null && (form.SeenRole != row.Role || form.SeenOrganisationId != row.OrganisationId))
        {
            // Another admin changed it since this form was drawn: show what it is now, keep what this
            // admin chose, and let a second save (with the new values as seen) go through.
            ModelState.AddModelError(Key(nameof(UserRoleForm.Role)),
                localizer["Kamēr jūs labojāt, cits administrators nomainīja šī lietotāja lomu vai organizāciju. Pašreizējā ir redzama augstāk; pārbaudiet izvēli un saglabājiet vēlreiz."]);
            form.SeenRole = row.Role;
            form.SeenOrganisationId = row.OrganisationId;
            return this.ViewWithStatus("Details", await pages.DetailsAsync(row, form, IsSelf(id), cancellationToken), StatusCodes.Status409Conflict);
        }
        if (IsSelf(id) && form.Role != Roles.Admin)
        {
            ModelState.AddModelError(Key(nameof(UserRoleForm.Role)), localizer["Sev administratora lomu noņemt nevar: to var izdarīt cits administrators."]);
        }
        await pages.CheckRoleAsync(ModelState, form.Role, form.OrganisationId, Key(nameof(UserRoleForm.Role)), Key(nameof(UserRoleForm.OrganisationId)), cancellationToken);
        if (!ModelState.IsValid)
        {
            return this.ViewWithStatus("Details", await pages.DetailsAsync(row, form, IsSelf(id), cancellationToken), StatusCodes.Status422UnprocessableEntity);
        }
        var organisationId = form.Role == Roles.NgoStaff ? form.OrganisationId : null;
        if (row.Role == form.Role && row.OrganisationId == organisationId)
        {
            TempData[Flash.Key] = localizer["Nekas nav mainīts."].Value;
            return RedirectToAction(nameof(Details), new { id });
        }

        var result = await administration.ChangeRoleAsync(user, form.Role!, organisationId, cancellationToken);
        if (!result.Succeeded)
        {
            // Rolled back, audit rows included.
            ModelState.AddModelError(Key(nameof(UserRoleForm.Role)), localizer["Lomu nomainīt neizdevās: {0}", string.Join(" ", result.Errors)]);
            return this.ViewWithStatus("Details", await pages.DetailsAsync(row, form, IsSelf(id), cancellationToken), StatusCodes.Status409Conflict);
        }
        TempData[Flash.Key] = localizer["Loma saglabāta. Lietotāja atvērtās sesijas ir beigtas; jaunā loma darbosies pēc nākamās pieslēgšanās."].Value;
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost("{id}/lock")]
    public Task<IActionResult> Lock(string id, CancellationToken cancellationToken) =>
        ActAsync(id, localizer["Lietotājs bloķēts. Viņa atvērtās sesijas ir beigtas."],
            IsSelf(id) ? localizer["Savu kontu bloķēt nevar: to var izdarīt cits administrators."].Value : null,
            administration.LockAsync, cancellationToken);

    [HttpPost("{id}/unlock")]
    public Task<IActionResult> Unlock(string id, CancellationToken cancellationToken) =>
        ActAsync(id, localizer["Lietotājs atbloķēts."], refusal: null, administration.UnlockAsync, cancellationToken);

    [HttpPost("{id}/deactivate")]
    public Task<IActionResult> Deactivate(string id, CancellationToken cancellationToken) =>
        ActAsync(id, localizer["Lietotājs deaktivizēts: pieslēgties vairs nevar, bet vēsturē viņš paliek."],
            IsSelf(id) ? localizer["Savu kontu deaktivizēt nevar: to var izdarīt cits administrators."].Value : null,
            administration.DeactivateAsync, cancellationToken);

    [HttpPost("{id}/reactivate")]
    public Task<IActionResult> Reactivate(string id, CancellationToken cancellationToken) =>
        ActAsync(id, localizer["Lietotājs atkal aktīvs."], refusal: null, administration.ReactivateAsync, cancellationToken);

    [HttpPost("{id}/reset-two-factor")]
    public Task<IActionResult> ResetTwoFactor(string id, CancellationToken cancellationToken) =>
        ActAsync(id, localizer["Divpakāpju pieslēgšanās atiestatīta: nākamajā pieslēgšanās reizē lietotājs to iestatīs no jauna."],
            refusal: null, administration.ResetTwoFactorAsync, cancellationToken);

    /// <summary>Every open session of the user ends at once, on every device (issue 17); the account stays as it is.</summary>
    [HttpPost("{id}/end-sessions")]
    public Task<IActionResult> EndSessions(string id, CancellationToken cancellationToken) =>
        ActAsync(id, localizer["Visas lietotāja sesijas beigtas: katrā ierīcē būs jāpieslēdzas no jauna."],
            IsSelf(id) ? localizer["Savas sesijas beidziet lapā „Pieslēgšanās iestatījumi”."].Value : null,
            administration.EndSessionsAsync, cancellationToken);

    /// <summary>One account action: refused with <paramref name="refusal"/> when there is one, else made (change, audit and new stamp together).</summary>
    private async Task<IActionResult> ActAsync(
        string id, string done, string? refusal, Func<AppUser, CancellationToken, Task<UserCommandResult>> change, CancellationToken cancellationToken)
    {
        var user = await userManager.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }
        if (refusal is null && !(await change(user, cancellationToken)).Succeeded)
        {
            // The stamp no longer matched: another change to the account came first.
            refusal = localizer["Kamēr jūs skatījāt šo lapu, kontu mainīja kāds cits. Pārskatiet to un mēģiniet vēlreiz."];
        }
        if (refusal is not null)
        {
            return await RefuseAsync(id, refusal, cancellationToken);
        }
        TempData[Flash.Key] = done;
        return RedirectToAction(nameof(Details), new { id });
    }

    /// <summary>The user's page again with the reason the action was refused (409: the request was understood but clashes with the account's state).</summary>
    private async Task<IActionResult> RefuseAsync(string id, string message, CancellationToken cancellationToken)
    {
        var page = await pages.DetailsAsync(id, form: null, IsSelf(id), cancellationToken);
        if (page is null)
        {
            return NotFound();
        }
        ModelState.AddModelError(string.Empty, message);
        return this.ViewWithStatus("Details", page, StatusCodes.Status409Conflict);
    }

    private bool IsSelf(string id) => userManager.GetUserId(User) == id;
}
