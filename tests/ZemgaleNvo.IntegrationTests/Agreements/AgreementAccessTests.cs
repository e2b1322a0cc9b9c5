using System.Net;
using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.Agreements;

public class AgreementAccessTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private async Task<int> ZemgaleAgreementIdAsync()
    {
        await using var db = portal.Factory.OpenDatabase();
        return await db.Agreements.Where(a => a.Performer!.Name == "Biedrība „Zemgales NVO centrs”").Select(a => a.Id).SingleAsync();
    }

    [Theory]
    [InlineData(Browser.Admin)]
    [InlineData(Browser.Reviewer)]
    [InlineData(Browser.ZemgaleStaff)]
    public async Task Admins_reviewers_and_the_performers_staff_open_the_agreement(string email)
    {
        var client = await Browser.SignedInClientAsync(portal.Factory, email);

        var response = await client.GetAsync($"/agreements/{await ZemgaleAgreementIdAsync()}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Zemgales reģions", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Staff_of_another_organisation_get_not_found_by_direct_url_and_see_no_agreement_in_the_list()
    {
        var client = await Browser.SignedInClientAsync(portal.Factory, Browser.OtherStaff);

        var response = await client.GetAsync($"/agreements/{await ZemgaleAgreementIdAsync()}");
        var home = await client.GetStringAsync("/");

        Assert.True(HttpStatusCode.NotFound == response.StatusCode, $"{response.StatusCode} {response.Headers.Location}");
        Assert.DoesNotContain("Zemgales NVO centrs", await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain("Zemgales NVO centrs", home);
        Assert.Contains("Jums pagaidām nav pieejamu līgumu.", home);
    }

    [Fact]
    public async Task An_unknown_agreement_is_not_found()
    {
        var client = await Browser.SignedInClientAsync(portal.Factory, Browser.Reviewer);

        var response = await client.GetAsync("/agreements/999999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
