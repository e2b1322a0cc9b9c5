using System.ComponentModel.DataAnnotations;
using ZemgaleNvo.Domain.Organisations;
using ZemgaleNvo.Domain.Users;
using ZemgaleNvo.Web.Features.Account;

namespace ZemgaleNvo.Web.Features.Admin.Users;

/// <summary>A new account as the admin's form posts it.</summary>
public sealed class NewUserForm
{
    [Required(ErrorMessage = "Norādiet e-pasta adresi.")]
    [EmailAddress(ErrorMessage = "E-pasta adrese nav derīga.")]
    [StringLength(256, ErrorMessage = "Ne vairāk kā {1} zīmes.")]
    [Display(Name = "E-pasts")]
    public string? Email { get; set; }

    [Required(ErrorMessage = "Ierakstiet vārdu un uzvārdu.")]
    [StringLength(200, ErrorMessage = "Ne vairāk kā {1} zīmes.")]
    [Display(Name = "Vārds, uzvārds")]
    public string? FullName { get; set; }

    [Required(ErrorMessage = "Izvēlieties lomu.")]
    [Display(Name = "Loma")]
    public string? Role { get; set; }

    [Display(Name = "Organizācija")]
    public int? OrganisationId { get; set; }
}

/// <summary>Role and organisation of an existing account.</summary>
public sealed class UserRoleForm
{
    [Required(ErrorMessage = "Izvēlieties lomu.")]
    [Display(Name = "Loma")]
    public string? Role { get; set; }

    [Display(Name = "Organizācija")]
    public int? OrganisationId { get; set; }

    /// <summary>
    /// The role and organisation the admin saw when the form was drawn (hidden fields). A save is
    /// refused when they are no longer the user's, so one admin does not silently undo another's change.
    /// </summary>
    public string? SeenRole { get; set; }

    public int? SeenOrganisationId { get; set; }

    /// <summary>The form as it is first drawn: the user's role and organisation, also as the ones seen.</summary>
    public static UserRoleForm Of(UserRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new() { Role = row.Role, OrganisationId = row.OrganisationId, SeenRole = row.Role, SeenOrganisationId = row.OrganisationId };
    }
}

public sealed record NewUserPage(NewUserForm Form, IReadOnlyList<Organisation> Organisations);

/// <param name="Link">The set-password link just made, shown on this page once.</param>
public sealed record UserInvitedPage(UserRow User, SetPasswordLink Link, bool IsNewUser);

public sealed record UserDetailsPage(UserRow User, UserRoleForm Form, IReadOnlyList<Organisation> Organisations, bool IsSelf, int OpenSessions);

public sealed record UserListPage(IReadOnlyList<UserRow> Users, string? Role, UserStatus? Status);
