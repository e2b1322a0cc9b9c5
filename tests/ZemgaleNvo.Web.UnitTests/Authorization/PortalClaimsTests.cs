using System.Security.Claims;
using ZemgaleNvo.Domain.Users;
using ZemgaleNvo.Web.Authorization;

namespace ZemgaleNvo.Web.UnitTests.Authorization;

/// <summary>Which organisation's data a user is limited to (the organisation filter of every query reads it).</summary>
public class PortalClaimsTests
{
    [Theory]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Reviewer)]
    public void Admins_and_reviewers_see_every_organisation(string role)
    {
        var user = AgreementAuthorizationHandlerTests.Principal(role, organisationId: 5);

        Assert.True(user.SeesAllOrganisations());
        Assert.Null(user.StaffOrganisationId());
    }

    [Fact]
    public void Staff_are_limited_to_their_own_organisation()
    {
        var user = AgreementAuthorizationHandlerTests.Principal(Roles.NgoStaff, organisationId: 5);

        Assert.False(user.SeesAllOrganisations());
        Assert.Equal(5, user.StaffOrganisationId());
    }

    [Fact]
    public void A_missing_role_or_organisation_narrows_access_to_nothing()
    {
        Assert.Equal(-1, AgreementAuthorizationHandlerTests.Principal(Roles.NgoStaff).StaffOrganisationId());
        Assert.Equal(-1, AgreementAuthorizationHandlerTests.Principal(role: null, organisationId: 5).StaffOrganisationId());
        Assert.Equal(-1, new ClaimsPrincipal(new ClaimsIdentity()).StaffOrganisationId());
    }

    [Theory]
    [InlineData("abc")]
    [InlineData(" 5")]
    [InlineData("-5")]
    [InlineData("")]
    public void An_organisation_claim_that_is_not_a_plain_number_matches_no_organisation(string value)
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Role, Roles.NgoStaff), new Claim(PortalClaims.OrganisationId, value)], "test"));

        Assert.Equal(-1, user.StaffOrganisationId());
    }
}
