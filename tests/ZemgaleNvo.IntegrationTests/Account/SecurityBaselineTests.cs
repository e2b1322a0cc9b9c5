using System.Net;
using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.Account;

public class SecurityBaselineTests
{
    [Fact]
    public async Task A_user_whose_role_was_removed_sees_no_agreement()
    {
        using var factory = new PortalFactory();
        await factory.CreateClient().GetAsync("/account/login");
        await using (var db = factory.OpenDatabase())
        {
            var reviewer = await db.Users.SingleAsync(u => u.Email == Browser.Reviewer);
            db.UserRoles.RemoveRange(db.UserRoles.Where(r => r.UserId == reviewer.Id));
            await db.SaveChangesAsync();
        }
        var client = await Browser.SignedInClientAsync(factory, Browser.Reviewer);

        var home = await client.GetStringAsync("/");
        var agreement = await client.GetAsync("/agreements/1");
        var summary = await client.GetAsync("/agreements/1/summary.pdf");

        Assert.Contains("Jums pagaidām nav pieejamu līgumu.", home);
        Assert.Equal(HttpStatusCode.NotFound, agreement.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, summary.StatusCode);
    }

    [Fact]
    public async Task Signed_in_pages_and_downloads_are_not_stored_in_caches()
    {
        using var factory = new PortalFactory();
        var client = await Browser.SignedInClientAsync(factory, Browser.Reviewer);

        foreach (var url in new[] { "/", "/agreements/1", "/agreements/1/summary", "/agreements/1/summary.xlsx" })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{url} has no Cache-Control: no-store");
        }

        // Report PDFs, drafts too since issue 18 (decision 0018), are kept by this browser only and
        // revalidated before each use (a repeat download is a 304): never a shared cache's.
        var pdf = await client.GetAsync("/agreements/1/summary.pdf");
        Assert.True(pdf.Headers.CacheControl is { Private: true, NoCache: true }, pdf.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task A_form_posted_with_a_stale_token_gets_the_Latvian_bad_request_page()
    {
        using var factory = new PortalFactory();
        var client = factory.CreateClient();
        await client.GetAsync("/account/login");

        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = Browser.Reviewer, ["Password"] = Browser.Password, ["__RequestVerificationToken"] = "stale",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Nederīgs pieprasījums", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/error/200")]
    [InlineData("/error/302")]
    public async Task The_error_page_serves_only_error_codes(string url)
    {
        using var factory = new PortalFactory();

        var response = await factory.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Headers_of_the_security_baseline_are_on_every_response()
    {
        using var factory = new PortalFactory();

        var response = await factory.CreateClient().GetAsync("/account/login");

        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }
}
