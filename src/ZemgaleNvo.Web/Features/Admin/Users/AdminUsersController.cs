using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ZemgaleNvo.Domain.Audit;
using ZemgaleNvo.Domain.Organisations;
using ZemgaleNvo.Domain.Users;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Infrastructure.Identity;
using ZemgaleNvo.Web.Authorization;
using ZemgaleNvo.Web.Features.Account;
using ZemgaleNvo.Web.Forms;
using ZemgaleNvo.Web.Resources;

namespace ZemgaleNvo.Web.Features.Admin.Users;

/// <summary>
/// Accounts: the list, inviting a new user (a one-time set-password link, emailed and shown once),
/// and on each user's page the role, lock, deactivation and two-factor reset. Every change renews
/// the user's security stamp, so sessions opened before it end, and is written to the audit trail.
/// Users are never deleted: history names them.
/// </summary>
[Authorize(Policy = PortalPolicies.Administer)]
[Route("admin/users")]
public sealed class AdminUsersController(
    AppDbContext db,
    UserManager<AppUser> userManager,
    UserAdministration administration,
    UserListQuery users,
    SetPasswordLinks links,
    UserChangeAudit audit,
    IStringLocalizer<SharedResource> localizer) : Controller
{
    private const string FormPrefix = "Form";

    /// <summary>Identity keeps recovery codes as one token of its own store under these names.</summary>
    private const string RecoveryCodesProvider = "[AspNetUserStore]";
    private const string RecoveryCodesName = "RecoveryCodes";

    private static string Key(string field) => $"{FormPrefix}.{field}";

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
        View("New", new NewUserPage(new NewUserForm { Role = Roles.NgoStaff }, await OrganisationsAsync(cancellationToken)));

    [HttpPost("new")]
    public async Task<IActionResult> Create([FromForm(Name = FormPrefix)] NewUserForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        await CheckRoleAsync(form.Role, form.OrganisationId, Key(nameof(NewUserForm.Role)), Key(nameof(NewUserForm.OrganisationId)), cancellationToken);
        var email = form.Email?.Trim();
        if (email is not null && ModelState.GetFieldValidationState(Key(nameof(NewUserForm.Email))) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid
            && await userManager.FindByEmailAsync(email) is not null)
        {
            ModelState.AddModelError(Key(nameof(NewUserForm.Email)), localizer["Lietotājs ar šo e-pasta adresi jau ir."]);
        }
        if (!ModelState.IsValid)
        {
            return this.ViewWithStatus("New", new NewUserPage(form, await OrganisationsAsync(cancellationToken)), StatusCodes.Status422UnprocessableEntity);
        }

        // The account and its audit rows are saved together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (result, user) = await administration.InviteAsync(email!, form.Role!, form.Role == Roles.NgoStaff ? form.OrganisationId : null, form.FullName!.Trim(), cancellationToken);
        if (!result.Succeeded || user is null)
        {
            // Identity's own checks (the characters it allows in a user name, a duplicate made a moment ago).
            ModelState.AddModelError(Key(nameof(NewUserForm.Email)), localizer["Lietotāju ar šo e-pasta adresi izveidot nevar: {0}", string.Join(" ", result.Errors)]);
            return this.ViewWithStatus("New", new NewUserPage(form, await OrganisationsAsync(cancellationToken)), StatusCodes.Status422UnprocessableEntity);
        }
        audit.Record(AuditAction.Created, user, "Email", null, user.Email);
        audit.Record(AuditAction.Created, user, "FullName", null, user.FullName);
        audit.Record(AuditAction.Created, user, "Role", null, form.Role);
        audit.Record(AuditAction.Created, user, "OrganisationId", null, user.OrganisationId?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await ShowLinkAsync(user.Id, isNewUser: true, cancellationToken);
    }

    [HttpGet("{id}")]
    public async Task<IActionResult> Details(string id, CancellationToken cancellationToken)
    {
        var row = await users.FindAsync(id, cancellationToken);
        return row is null ? NotFound() : View("Details", await DetailsPageAsync(row, UserRoleForm.Of(row), cancellationToken));
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
        if (user.IsDeactivated)
        {
            return await RefuseAsync(id, localizer["Deaktivizētam lietotājam saiti nosūtīt nevar. Vispirms aktivizējiet kontu."], cancellationToken);
        }
        audit.Record(AuditAction.Updated, user, "SetPasswordLink", null, "issued");
        await userManager.UpdateSecurityStampAsync(user);
        return await ShowLinkAsync(id, isNewUser: false, cancellationToken);
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
            return this.ViewWithStatus("Details", await DetailsPageAsync(row, form, cancellationToken), StatusCodes.Status409Conflict);
        }
        if (IsSelf(id) && form.Role != Roles.Admin)
        {
            ModelState.AddModelError(Key(nameof(UserRoleForm.Role)), localizer["Sev administratora lomu noņemt nevar: to var izdarīt cits administrators."]);
        }
        await CheckRoleAsync(form.Role, form.OrganisationId, Key(nameof(UserRoleForm.Role)), Key(nameof(UserRoleForm.OrganisationId)), cancellationToken);
        if (!ModelState.IsValid)
        {
            return this.ViewWithStatus("Details", await DetailsPageAsync(row, form, cancellationToken), StatusCodes.Status422UnprocessableEntity);
        }
        var organisationId = form.Role == Roles.NgoStaff ? form.OrganisationId : null;
        if (row.Role == form.Role && row.OrganisationId == organisationId)
        {
            TempData[Flash.Key] = localizer["Nekas nav mainīts."].Value;
            return RedirectToAction(nameof(Details), new { id });
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        audit.Record(AuditAction.Updated, user, "Role", row.Role, form.Role);
        if (row.OrganisationId != organisationId)
        {
            audit.Record(AuditAction.Updated, user, "OrganisationId", Invariant(row.OrganisationId), Invariant(organisationId));
        }
        var result = await administration.ChangeRoleAsync(user, form.Role!, organisationId);
        if (!result.Succeeded)
        {
            // Rolled back with the transaction, audit rows included.
            ModelState.AddModelError(Key(nameof(UserRoleForm.Role)), localizer["Lomu nomainīt neizdevās: {0}", string.Join(" ", result.Errors)]);
            return this.ViewWithStatus("Details", await DetailsPageAsync(row, form, cancellationToken), StatusCodes.Status409Conflict);
        }
        await userManager.UpdateSecurityStampAsync(user);
        await transaction.CommitAsync(cancellationToken);
        TempData[Flash.Key] = localizer["Loma saglabāta. Lietotāja atvērtās sesijas ir beigtas; jaunā loma darbosies pēc nākamās pieslēgšanās."].Value;
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost("{id}/lock")]
    public Task<IActionResult> Lock(string id, CancellationToken cancellationToken) =>
        ActAsync(id, localizer["Lietotājs bloķēts. Viņa atvērtās sesijas ir beigtas."], async user =>
        {
            if (IsSelf(id))
            {
                return localizer["Savu kontu bloķēt nevar: to var izdarīt cits administrators."];
            }
            audit.Record(AuditAction.Updated, user, "LockoutEnd", Invariant(user.LockoutEnd), "locked");
            await userManager.SetLockoutEnabledAsync(user, true);
            // Until an admin unlocks it, not for the 15 minutes a failed-sign-in lockout lasts.
            await userManager.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
            return null;
        }, cancellationToken);

    [HttpPost("{id}/unlock")]
    public Task<IActionResult> Unlock(string id, CancellationToken cancellationToken) =>
        ActAsync(id, localizer["Lietotājs atbloķēts."], async user =>
        {
            audit.Record(AuditAction.Updated, user, "LockoutEnd", Invariant(user.LockoutEnd), null);
            await userManager.SetLockoutEndDateAsync(user, null);
            await userManager.ResetAccessFailedCountAsync(user);
            return null;
        }, cancellationToken);

    [HttpPost("{id}/deactivate")]
    public Task<IActionResult> Deactivate(string id, CancellationToken cancellationToken) =>
        ActAsync(id, localizer["Lietotājs deaktivizēts: pieslēgties vairs nevar, bet vēsturē viņš paliek."], user =>
        {
            if (IsSelf(id))
            {
                return Task.FromResult<string?>(localizer["Savu kontu deaktivizēt nevar: to var izdarīt cits administrators."]);
            }
            if (user.IsDeactivated)
            {
                return Task.FromResult<string?>(null);
            }
            user.DeactivatedAtUtc = DateTime.UtcNow;
            audit.Record(AuditAction.Updated, user, "DeactivatedAtUtc", null, Invariant(user.DeactivatedAtUtc));
            return Task.FromResult<string?>(null);
        }, cancellationToken);

    [HttpPost("{id}/reactivate")]
    public Task<IActionResult> Reactivate(string id, CancellationToken cancellationToken) =>
        ActAsync(id, localizer["Lietotājs atkal aktīvs."], user =>
        {
            if (user.IsDeactivated)
            {
                audit.Record(AuditAction.Updated, user, "DeactivatedAtUtc", Invariant(user.DeactivatedAtUtc), null);
                user.DeactivatedAtUtc = null;
            }
            return Task.FromResult<string?>(null);
        }, cancellationToken);

    [HttpPost("{id}/reset-two-factor")]
    public Task<IActionResult> ResetTwoFactor(string id, CancellationToken cancellationToken) =>
        ActAsync(id, localizer["Divpakāpju pieslēgšanās atiestatīta: nākamajā pieslēgšanās reizē lietotājs to iestatīs no jauna."], async user =>
        {
            audit.Record(AuditAction.Updated, user, "TwoFactorEnabled", Invariant(user.TwoFactorEnabled), "reset");
            await userManager.SetTwoFactorEnabledAsync(user, false);
            // A new key: the old authenticator app entry stops producing valid codes.
            await userManager.ResetAuthenticatorKeyAsync(user);
            await userManager.RemoveAuthenticationTokenAsync(user, RecoveryCodesProvider, RecoveryCodesName);
            return null;
        }, cancellationToken);

    /// <summary>
    /// One account action in one transaction: the change, its audit rows and a new security stamp
    /// (which ends the user's open sessions) are saved together or not at all.
    /// </summary>
    /// <param name="action">Makes the change; returns a refusal message, or null when done.</param>
    private async Task<IActionResult> ActAsync(string id, string done, Func<AppUser, Task<string?>> action, CancellationToken cancellationToken)
    {
        var user = await userManager.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var refusal = await action(user);
        if (refusal is not null)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return await RefuseAsync(id, refusal, cancellationToken);
        }
        var stamped = await userManager.UpdateSecurityStampAsync(user);
        if (!stamped.Succeeded)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return await RefuseAsync(id, localizer["Kamēr jūs skatījāt šo lapu, kontu mainīja kāds cits. Pārskatiet to un mēģiniet vēlreiz."], cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        TempData[Flash.Key] = done;
        return RedirectToAction(nameof(Details), new { id });
    }

    /// <summary>The user's page again with the reason the action was refused (409: the request was understood but clashes with the account's state).</summary>
    private async Task<IActionResult> RefuseAsync(string id, string message, CancellationToken cancellationToken)
    {
        var row = await users.FindAsync(id, cancellationToken);
        if (row is null)
        {
            return NotFound();
        }
        ModelState.AddModelError(string.Empty, message);
        return this.ViewWithStatus("Details", await DetailsPageAsync(row, UserRoleForm.Of(row), cancellationToken), StatusCodes.Status409Conflict);
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

    /// <summary>Role and organisation in the portal's words (<see cref="RoleAssignment"/> is the rule).</summary>
    private async Task CheckRoleAsync(string? role, int? organisationId, string roleKey, string organisationKey, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(role))
        {
            return; // [Required] has said so.
        }
        switch (RoleAssignment.Check(role, organisationId is not null))
        {
            case RoleAssignmentError.UnknownRole:
                ModelState.AddModelError(roleKey, localizer["Izvēlieties vienu no piedāvātajām lomām."]);
                return;
            case RoleAssignmentError.OrganisationRequired:
                ModelState.AddModelError(organisationKey, localizer["NVO darbiniekam jāizvēlas organizācija."]);
                return;
            case RoleAssignmentError.OrganisationNotAllowed:
                ModelState.AddModelError(organisationKey, localizer["Organizāciju norāda tikai NVO darbiniekiem; administratoram un recenzentam atstājiet to tukšu."]);
                return;
        }
        if (organisationId is not null && !await db.Organisations.AnyAsync(o => o.Id == organisationId, cancellationToken))
        {
            ModelState.AddModelError(organisationKey, localizer["Izvēlētā organizācija nav atrasta."]);
        }
    }

    private async Task<UserDetailsPage> DetailsPageAsync(UserRow row, UserRoleForm form, CancellationToken cancellationToken) =>
        new(row, form, await OrganisationsAsync(cancellationToken), IsSelf(row.Id));

    private Task<List<Organisation>> OrganisationsAsync(CancellationToken cancellationToken) =>
        db.Organisations.AsNoTracking().OrderBy(o => o.Name).ToListAsync(cancellationToken);

    private bool IsSelf(string id) => userManager.GetUserId(User) == id;

    private static string? Invariant(object? value) => value switch
    {
        null => null,
        DateTime t => t.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
