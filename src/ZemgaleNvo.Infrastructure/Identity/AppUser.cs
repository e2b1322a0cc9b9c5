using Microsoft.AspNetCore.Identity;
using ZemgaleNvo.Domain.Organisations;

namespace ZemgaleNvo.Infrastructure.Identity;

/// <summary>A portal user. NGO staff belong to exactly one organisation; reviewers and admins to none.</summary>
public class AppUser : IdentityUser
{
    public string? FullName { get; set; }
    public int? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public DateTime? LastSignInUtc { get; set; }

    /// <summary>
    /// When an admin deactivated the account; null while it is active. Deactivated users cannot sign
    /// in and are left out of pickers and emails, but the row stays: the audit trail, review notes
    /// and comments name them, so users are never deleted.
    /// </summary>
    public DateTime? DeactivatedAtUtc { get; set; }

    public bool IsDeactivated => DeactivatedAtUtc is not null;

    /// <summary>
    /// When a reviewer switched the weekly digest of overdue and long-waiting reports off on their
    /// account page; null while they receive it (the default).
    /// </summary>
    public DateTime? WeeklyDigestOffAtUtc { get; set; }
}
