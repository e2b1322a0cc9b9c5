using System.Net;
using Microsoft.EntityFrameworkCore;
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

    [Fact]
    public async Task The_admin_pages_read_in_English_when_chosen()
    {
        var admin = await AdminBrowser.AdminClientAsync(portal.Factory);
        await Browser.PostFormAsync(admin, "/admin/users", "/language", new() { ["culture"] = "en", ["returnUrl"] = "/admin/users" });

        var users = Browser.Text(await admin.GetStringAsync("/admin/users"));
        var agreement = Browser.Text(await admin.GetStringAsync("/admin/agreements/new"));

        Assert.Contains("Administration", users);
        Assert.Contains("New user", users);
        Assert.Contains("Last sign-in", users);
        Assert.Contains("Administrator", users);
        Assert.Contains("Type of agreement", agreement);
        Assert.Contains("Participation agreement", agreement);
    }

    [Fact]
    public async Task Deactivated_staff_get_no_workflow_emails()
    {
        await using var db = portal.Factory.OpenDatabase();
        var staff = await db.Users.SingleAsync(u => u.Email == Browser.ZemgaleStaff);
        var performerId = staff.OrganisationId!.Value;
        var before = await ZemgaleNvo.Web.Notifications.WorkflowNotifier.RecipientsAsync(db, ZemgaleNvo.Web.Notifications.WorkflowNoticeKind.Returned, performerId, DateTimeOffset.UtcNow, default);
        staff.DeactivatedAtUtc = DateTime.UtcNow;
        await db.SaveChangesAsync();
        try
        {
            var after = await ZemgaleNvo.Web.Notifications.WorkflowNotifier.RecipientsAsync(db, ZemgaleNvo.Web.Notifications.WorkflowNoticeKind.Returned, performerId, DateTimeOffset.UtcNow, default);

            Assert.Contains(before, m => m.Address == Browser.ZemgaleStaff);
            Assert.DoesNotContain(after, m => m.Address == Browser.ZemgaleStaff);
        }
        finally
        {
            staff.DeactivatedAtUtc = null;
            await db.SaveChangesAsync();
        }
    }
}
