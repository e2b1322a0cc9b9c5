using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using ZemgaleNvo.Domain.Users;

namespace ZemgaleNvo.Web.Authorization;

/// <summary>What one may do to an agreement (and its years).</summary>
internal static class AgreementOperations
{
    public static readonly OperationAuthorizationRequirement View = new() { Name = nameof(View) };
    public static readonly OperationAuthorizationRequirement Edit = new() { Name = nameof(Edit) };
    public static readonly OperationAuthorizationRequirement Submit = new() { Name = nameof(Submit) };
    public static readonly OperationAuthorizationRequirement Review = new() { Name = nameof(Review) };

    /// <summary>Open an approved year or summary again.</summary>
    public static readonly OperationAuthorizationRequirement Reopen = new() { Name = nameof(Reopen) };

    /// <summary>Write in a year's review history.</summary>
    public static readonly OperationAuthorizationRequirement Comment = new() { Name = nameof(Comment) };

    /// <summary>Read the agreement's audit trail.</summary>
    public static readonly OperationAuthorizationRequirement ReadAudit = new() { Name = nameof(ReadAudit) };
}

/// <summary>The facts about an agreement that decide access: whose it is.</summary>
internal sealed record AgreementResource(int AgreementId, int PerformerId);

/// <summary>
/// The one place that decides who may do what to which agreement. Controllers ask
/// <see cref="IAuthorizationService"/> and return Forbid/NotFound; they never test roles themselves.
/// </summary>
internal sealed class AgreementAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, AgreementResource>
{
    protected override Task HandleRequirementAsync(
        AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, AgreementResource resource)
    {
        var user = context.User;
        var ownOrganisation = user.IsInRole(Roles.NgoStaff) && user.StaffOrganisationId() == resource.PerformerId;
        var allowed = requirement.Name switch
        {
            nameof(AgreementOperations.View) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Reviewer) || ownOrganisation,
            nameof(AgreementOperations.Edit) or nameof(AgreementOperations.Submit) => ownOrganisation,
            nameof(AgreementOperations.Review) => user.IsInRole(Roles.Reviewer),
            nameof(AgreementOperations.Reopen) => user.IsInRole(Roles.Admin),
            nameof(AgreementOperations.Comment) => user.IsInRole(Roles.Reviewer) || ownOrganisation,
            nameof(AgreementOperations.ReadAudit) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Reviewer),
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
