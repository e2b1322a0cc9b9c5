using Microsoft.AspNetCore.Authorization;
using ZemgaleNvo.Domain.Users;

namespace ZemgaleNvo.Web.Authorization;

/// <summary>
/// Named policies for pages that are not about one agreement, so a page and the menu link to it ask
/// the same question. Per-agreement decisions stay in <see cref="AgreementAuthorizationHandler"/>.
/// </summary>
public static class PortalPolicies
{
    /// <summary>
    /// Pages over every agreement of every region at once (the reviewer dashboard): the ministry's
    /// reviewers and the admins, the same people <see cref="AgreementOperations.View"/> lets read any
    /// agreement. NGO staff are refused (403), not shown a narrowed copy: the page exists to compare
    /// organisations.
    /// </summary>
    public const string ReadAllAgreements = nameof(ReadAllAgreements);

    /// <summary>
    /// The admin screens (<c>/admin/...</c>): users, organisations, regions, agreements and their
    /// budgets. Admins only; every admin controller carries this one policy, and so does the menu link.
    /// </summary>
    public const string Administer = nameof(Administer);

    public static AuthorizationBuilder AddPortalPolicies(this AuthorizationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .AddPolicy(ReadAllAgreements, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Admin, Roles.Reviewer))
            .AddPolicy(Administer, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Admin));
    }
}
