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
}
