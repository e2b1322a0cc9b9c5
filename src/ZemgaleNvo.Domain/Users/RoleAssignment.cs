namespace ZemgaleNvo.Domain.Users;

/// <summary>Why a role and organisation do not go together.</summary>
public enum RoleAssignmentError
{
    None,
    UnknownRole,

    /// <summary>NGO staff report one organisation's agreements: without one they would see nothing.</summary>
    OrganisationRequired,

    /// <summary>Admins and reviewers see every organisation; tying them to one would mean nothing.</summary>
    OrganisationNotAllowed,
}

/// <summary>
/// The one rule about roles and organisations, shared by the admin screens and the admin commands
/// so both refuse the same combinations (each in its own words).
/// </summary>
public static class RoleAssignment
{
    public static RoleAssignmentError Check(string? role, bool hasOrganisation) => role switch
    {
        null => RoleAssignmentError.UnknownRole,
        _ when !Roles.IsKnown(role) => RoleAssignmentError.UnknownRole,
        Roles.NgoStaff when !hasOrganisation => RoleAssignmentError.OrganisationRequired,
        Roles.NgoStaff => RoleAssignmentError.None,
        _ when hasOrganisation => RoleAssignmentError.OrganisationNotAllowed,
        _ => RoleAssignmentError.None,
    };
}
