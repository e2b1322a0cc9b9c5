using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ZemgaleNvo.Domain.Organisations;
using ZemgaleNvo.Domain.Users;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Web.Resources;

namespace ZemgaleNvo.Web.Features.Admin.Users;

/// <summary>What both user controllers draw and check: the organisation picker, the user's page, and role and organisation in the portal's words.</summary>
public sealed class UserPages(AppDbContext db, UserListQuery users, IStringLocalizer<SharedResource> localizer, Account.Sessions.OpenSessions sessions)
{
    public const string FormPrefix = "Form";

    public static string Key(string field) => $"{FormPrefix}.{field}";

    public Task<List<Organisation>> OrganisationsAsync(CancellationToken cancellationToken) =>
        db.Organisations.AsNoTracking().OrderBy(o => o.Name).ToListAsync(cancellationToken);

    /// <summary>The user's page with this role form; null when there is no such user.</summary>
    public async Task<UserDetailsPage?> DetailsAsync(string id, UserRoleForm? form, bool isSelf, CancellationToken cancellationToken)
    {
        var row = await users.FindAsync(id, cancellationToken);
        return row is null ? null : await DetailsAsync(row, form ?? UserRoleForm.Of(row), isSelf, cancellationToken);
    }

    public async Task<UserDetailsPage> DetailsAsync(UserRow row, UserRoleForm form, bool isSelf, CancellationToken cancellationToken) =>
        new(row, form, await OrganisationsAsync(cancellationToken), isSelf, await sessions.CountAsync(row.Id, cancellationToken));

    /// <summary>Role and organisation in the portal's words (<see cref="RoleAssignment"/> is the rule).</summary>
    public async Task CheckRoleAsync(ModelStateDictionary modelState, string? role, int? organisationId, string roleKey, string organisationKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        if (string.IsNullOrEmpty(role))
        {
            return; // [Required] has said so.
        }
        switch (RoleAssignment.Check(role, organisationId is not null))
        {
            case RoleAssignmentError.UnknownRole:
                modelState.AddModelError(roleKey, localizer["Izvēlieties vienu no piedāvātajām lomām."]);
                return;
            case RoleAssignmentError.OrganisationRequired:
                modelState.AddModelError(organisationKey, localizer["NVO darbiniekam jāizvēlas organizācija."]);
                return;
            case RoleAssignmentError.OrganisationNotAllowed:
                modelState.AddModelError(organisationKey, localizer["Organizāciju norāda tikai NVO darbiniekiem; administratoram un recenzentam atstājiet to tukšu."]);
                return;
        }
        if (organisationId is not null && !await db.Organisations.AnyAsync(o => o.Id == organisationId, cancellationToken))
        {
            modelState.AddModelError(organisationKey, localizer["Izvēlētā organizācija nav atrasta."]);
        }
    }
}
