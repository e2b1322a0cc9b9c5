using System.Net;
using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.Admin;

/// <summary>Only admins reach the admin screens: reviewers and NGO staff are refused, anonymous visitors sent to sign in.</summary>
public sealed class AdminAccessTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    public static TheoryData<string> Pages => new()
    {
        "/admin",
        "/admin/users",
        "/admin/users/new",
        "/admin/users/some-id",
        "/admin/organisations",
        "/admin/organisations/new",
        "/admin/organisations/1",
        "/admin/regions",
        "/admin/regions/new",
        "/admin/regions/1",
        "/admin/agreements",
        "/admin/agreements/new",
        "/admin/agreements/1/edit",
        "/admin/agreements/1/lines/new",
        "/admin/agreements/1/lines/1",
    };

    public static TheoryData<string> Actions => new()
    {
        "/admin/users/new",
        "/admin/users/some-id/role",
        "/admin/users/some-id/lock",
        "/admin/users/some-id/unlock",
        "/admin/users/some-id/deactivate",
        "/admin/users/some-id/reactivate",
        "/admin/users/some-id/reset-two-factor",
        "/admin/users/some-id/send-link",
        "/admin/organisations/new",
        "/admin/organisations/1",
        "/admin/organisations/1/delete",
        "/admin/regions/new",
        "/admin/regions/1",
        "/admin/regions/1/delete",
        "/admin/agreements/new",
        "/admin/agreements/1/edit",
        "/admin/agreements/1/lines/new",
        "/admin/agreements/1/lines/1",
        "/admin/agreements/1/lines/1/up",
        "/admin/agreements/1/lines/1/down",
        "/admin/agreements/1/lines/1/delete",
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Reviewers_and_staff_are_refused_every_admin_page(string url)
    {
        foreach (var email in new[] { Browser.Reviewer, Browser.ZemgaleStaff })
        {
            var client = await Browser.SignedInClientAsync(portal.Factory, email);
            Assert.Equal(HttpStatusCode.Forbidden, AdminBrowser.Outcome(await client.GetAsync(url)));
        }
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task Reviewers_and_staff_are_refused_every_admin_action(string url)
    {
        foreach (var email in new[] { Browser.Reviewer, Browser.ZemgaleStaff })
        {
            var client = await Browser.SignedInClientAsync(portal.Factory, email);
            // A valid antiforgery token, so the refusal is the authorization's and not the token check's.
            var response = await Browser.PostFormAsync(client, "/", url, new() { ["Form.Name"] = "x" });
            Assert.Equal(HttpStatusCode.Forbidden, AdminBrowser.Outcome(response));
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string url)
    {
        var response = await portal.Factory.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_admins_see_the_administration_link()
    {
        var admin = await AdminBrowser.AdminClientAsync(portal.Factory);
        var reviewer = await Browser.SignedInClientAsync(portal.Factory, Browser.Reviewer);

        Assert.Contains("href=\"/admin\"", await admin.GetStringAsync("/"));
        Assert.DoesNotContain("href=\"/admin\"", await reviewer.GetStringAsync("/"));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin")).StatusCode);
    }
}
