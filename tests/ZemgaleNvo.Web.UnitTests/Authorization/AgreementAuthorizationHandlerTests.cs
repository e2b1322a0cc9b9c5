using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using ZemgaleNvo.Domain.Users;
using ZemgaleNvo.Web.Authorization;

namespace ZemgaleNvo.Web.UnitTests.Authorization;

/// <summary>
/// The one handler that decides who may do what to an agreement, asked directly with made-up
/// users. The authorization matrix (integration tests) checks that every endpoint asks it.
/// </summary>
public class AgreementAuthorizationHandlerTests
{
    private const int OwnOrganisation = 5;
    private static readonly AgreementResource Agreement = new(AgreementId: 1, PerformerId: OwnOrganisation);

    private static readonly string[] Callers = ["admin", "reviewer", "own-staff", "other-staff", "staff-without-organisation", "no-role", "anonymous"];

    private static readonly Dictionary<string, OperationAuthorizationRequirement> Operations = new()
    {
        ["View"] = AgreementOperations.View,
        ["Edit"] = AgreementOperations.Edit,
        ["Submit"] = AgreementOperations.Submit,
        ["Review"] = AgreementOperations.Review,
        ["Reopen"] = AgreementOperations.Reopen,
        ["Comment"] = AgreementOperations.Comment,
        ["ReadAudit"] = AgreementOperations.ReadAudit,
        ["Unknown"] = new OperationAuthorizationRequirement { Name = "Delete" },
    };

    internal static ClaimsPrincipal User(string caller) => caller switch
    {
        "admin" => Principal(Roles.Admin),
        "reviewer" => Principal(Roles.Reviewer),
        "own-staff" => Principal(Roles.NgoStaff, OwnOrganisation),
        "other-staff" => Principal(Roles.NgoStaff, OwnOrganisation + 1),
        "staff-without-organisation" => Principal(Roles.NgoStaff),
        // A user whose role was taken away keeps the organisation claim until the next sign-in.
        "no-role" => Principal(role: null, OwnOrganisation),
        "anonymous" => new ClaimsPrincipal(new ClaimsIdentity()),
        _ => throw new ArgumentOutOfRangeException(nameof(caller), caller, null),
    };

    internal static ClaimsPrincipal Principal(string? role, int? organisationId = null)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, "user-1"), new(ClaimTypes.Name, "lietotajs@example.lv") };
        if (role is not null)
        {
            claims.Add(new Claim(ClaimTypes.Role, role));
        }
        if (organisationId is { } id)
        {
            claims.Add(new Claim(PortalClaims.OrganisationId, id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    private static async Task<bool> AllowedAsync(string operation, ClaimsPrincipal user, AgreementResource resource)
    {
        var context = new AuthorizationHandlerContext([Operations[operation]], user, resource);
        await new AgreementAuthorizationHandler().HandleAsync(context);
        return context.HasSucceeded;
    }

    [Theory]
    [InlineData("View", "admin reviewer own-staff")]
    [InlineData("Edit", "own-staff")]
    [InlineData("Submit", "own-staff")]
    [InlineData("Review", "reviewer")]
    [InlineData("Reopen", "admin")]
    [InlineData("Comment", "reviewer own-staff")]
    [InlineData("ReadAudit", "admin reviewer")]
    [InlineData("Unknown", "")]
    public async Task Each_operation_is_allowed_to_exactly_these_users(string operation, string allowed)
    {
        var expected = allowed.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        var actual = new List<string>();
        foreach (var caller in Callers)
        {
            if (await AllowedAsync(operation, User(caller), Agreement))
            {
                actual.Add(caller);
            }
        }

        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task Staff_rights_follow_the_agreements_performer_not_the_user()
    {
        var staff = User("own-staff");

        Assert.True(await AllowedAsync("Edit", staff, Agreement));
        Assert.False(await AllowedAsync("Edit", staff, Agreement with { PerformerId = OwnOrganisation + 1 }));
        Assert.False(await AllowedAsync("View", staff, Agreement with { PerformerId = OwnOrganisation + 1 }));
    }

    [Fact]
    public async Task An_admin_who_also_carries_an_organisation_does_not_become_its_staff()
    {
        var admin = Principal(Roles.Admin, OwnOrganisation);

        Assert.True(await AllowedAsync("View", admin, Agreement));
        Assert.False(await AllowedAsync("Edit", admin, Agreement));
        Assert.False(await AllowedAsync("Submit", admin, Agreement));
    }
}
