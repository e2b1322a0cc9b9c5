using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ZemgaleNvo.Domain.Users;
using ZemgaleNvo.Infrastructure.Identity;
using ZemgaleNvo.IntegrationTests.Infrastructure;
using ZemgaleNvo.Web.Features.Account;

namespace ZemgaleNvo.IntegrationTests.Security;

/// <summary>
/// Admins and reviewers sign in with an authenticator app: enrolment with a QR code and recovery
/// codes, and nothing else reachable until it is done; each code works once.
/// </summary>
public sealed partial class TwoFactorTests : IDisposable
{
    private const string Password = "a reviewer's own long passphrase";
    private readonly PortalFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private async Task<HttpClient> NewReviewerSignedInWithPasswordAsync(string email)
    {
        await _factory.CreateClient().GetAsync("/account/login"); // start the portal: migrate and seed
        var created = await _factory.Service<UserAdministration>().AddAsync(email, Roles.Reviewer, Password, null, "Jana Bērziņa");
        Assert.True(created.Succeeded, string.Join("; ", created.Errors));
        var client = _factory.CreateClient();
        var signIn = await Browser.SignInAsync(client, email, Password);
        Assert.Equal("/", signIn.Headers.Location?.OriginalString);
        return client;
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/dashboard")]
    [InlineData("/agreements/1/summary")]
    [InlineData("/agreements/1/audit")]
    [InlineData("/account/security")]
    public async Task A_reviewer_without_a_second_factor_is_sent_to_enrolment_from_every_page(string url)
    {
        var client = await NewReviewerSignedInWithPasswordAsync("jana@ministrija.lv");

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/two-factor/setup?returnUrl=" + Uri.EscapeDataString(url), response.Headers.Location?.OriginalString);
    }

    /// <summary>
    /// The endpoints such a session may reach are marked on the actions themselves; this pins the
    /// list, so opening one more is a deliberate change of this test.
    /// </summary>
    [Fact]
    public async Task Only_signing_in_and_out_enrolment_language_errors_and_health_are_open_before_the_second_factor()
    {
        await _factory.CreateClient().GetAsync("/health/live");
        var open = _factory.Services.GetRequiredService<IEnumerable<EndpointDataSource>>()
            .SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.Metadata.GetMetadata<AllowedBeforeSecondFactorAttribute>() is not null)
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(method => $"{method} /{endpoint.RoutePattern.RawText?.TrimStart('/')}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(
        [
            "* /error/{statusCode:int?}", "* /health/live", "* /health/ready",
            "GET /account/login", "GET /account/login/recovery-code", "GET /account/login/two-factor", "GET /account/two-factor/setup",
            // The public pages of published summaries (issue 16): open to anyone, so to such a session too.
            "GET /public", "GET /public/summaries.csv", "GET /public/summaries.json", "GET /public/{id:int}", "GET /public/{id:int}.json", "GET /public/{id:int}.pdf",
            "POST /account/login", "POST /account/login/recovery-code", "POST /account/login/two-factor", "POST /account/logout",
            "POST /account/two-factor/setup", "POST /language",
        ], open);
    }

    [Fact]
    public async Task An_address_no_page_answers_is_closed_too()
    {
        var client = await NewReviewerSignedInWithPasswordAsync("jana@ministrija.lv");

        var response = await client.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/two-factor/setup?returnUrl=", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reviewer_without_a_second_factor_cannot_act()
    {
        var client = await NewReviewerSignedInWithPasswordAsync("jana@ministrija.lv");
        // A token from a page the reviewer may open (enrolment); the action itself is refused.
        var token = await Browser.AntiforgeryTokenAsync(client, "/account/two-factor/setup");

        var response = await client.PostAsync("/agreements/1/years/3/comments", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Form.Text"] = "Lūdzu, precizējiet.",
        }));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Enrolment_shows_a_QR_code_takes_a_code_and_hands_out_recovery_codes_once()
    {
        var client = await NewReviewerSignedInWithPasswordAsync("jana@ministrija.lv");

        var setup = await client.GetStringAsync("/account/two-factor/setup?returnUrl=%2Fdashboard");
        Assert.Contains("data:image/png;base64,", setup);
        var key = KeyPattern().Match(setup).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
        Assert.Equal(32, key.Length);

        // A wrong code is refused and the same key stays on the page.
        var wrong = await Browser.PostFormAsync(client, "/account/two-factor/setup", "/account/two-factor/setup",
            new() { ["Form.Code"] = "000000", ["Form.ReturnUrl"] = "/dashboard" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        var wrongHtml = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("Kods nav pareizs", wrongHtml);
        Assert.Contains(Totp.Grouped(key), wrongHtml);

        var code = Totp.Code(Totp.DecodeKey(key), Totp.StepAt(DateTimeOffset.UtcNow));
        var enrolled = await Browser.PostFormAsync(client, "/account/two-factor/setup", "/account/two-factor/setup",
            new() { ["Form.Code"] = code[..3] + " " + code[3..], ["Form.ReturnUrl"] = "/dashboard" });
        Assert.Equal(HttpStatusCode.OK, enrolled.StatusCode);
        var recoveryCodes = RecoveryCodePattern().Matches(await enrolled.Content.ReadAsStringAsync()).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, recoveryCodes.Count);

        // This session passed two factors now: the pages open.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dashboard")).StatusCode);
        var settings = await client.GetStringAsync("/account/security");
        Assert.Contains("Neizmantoti rezerves kodi: 10.", Browser.Text(settings));
        Assert.DoesNotContain(recoveryCodes[0], settings);
    }

    [Fact]
    public async Task A_code_is_accepted_once_and_a_recovery_code_once()
    {
        var client = await NewReviewerSignedInWithPasswordAsync("jana@ministrija.lv");
        var key = KeyPattern().Match(await client.GetStringAsync("/account/two-factor/setup")).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
        var step = Totp.StepAt(DateTimeOffset.UtcNow);
        var enrolled = await Browser.PostFormAsync(client, "/account/two-factor/setup", "/account/two-factor/setup",
            new() { ["Form.Code"] = Totp.Code(Totp.DecodeKey(key), step) });
        var recoveryCode = RecoveryCodePattern().Match(await enrolled.Content.ReadAsStringAsync()).Groups[1].Value;

        // The code used to enrol is spent: signing in again with it is refused…
        var second = _factory.CreateClient();
        var passwordStep = await Browser.SignInAsync(second, "jana@ministrija.lv", Password);
        Assert.StartsWith("/account/login/two-factor", passwordStep.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var reused = await Browser.PostFormAsync(second, "/account/login/two-factor", "/account/login/two-factor",
            new() { ["Code"] = Totp.Code(Totp.DecodeKey(key), step) });
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.Contains("jau izmantots", await reused.Content.ReadAsStringAsync());

        // …the next one works.
        var next = await Browser.PostFormAsync(second, "/account/login/two-factor", "/account/login/two-factor",
            new() { ["Code"] = Totp.Code(Totp.DecodeKey(key), step + 1), ["ReturnUrl"] = "/dashboard" });
        Assert.Equal("/dashboard", next.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/dashboard")).StatusCode);

        // A recovery code signs in once.
        var third = _factory.CreateClient();
        await Browser.SignInAsync(third, "jana@ministrija.lv", Password);
        var recovered = await Browser.PostFormAsync(third, "/account/login/recovery-code", "/account/login/recovery-code",
            new() { ["Code"] = recoveryCode });
        Assert.Equal("/", recovered.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await third.GetAsync("/dashboard")).StatusCode);

        var fourth = _factory.CreateClient();
        await Browser.SignInAsync(fourth, "jana@ministrija.lv", Password);
        var spent = await Browser.PostFormAsync(fourth, "/account/login/recovery-code", "/account/login/recovery-code",
            new() { ["Code"] = recoveryCode });
        Assert.Contains("Rezerves kods nav derīgs.", await spent.Content.ReadAsStringAsync());
        Assert.True((await fourth.GetAsync("/dashboard")).StatusCode is HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task The_code_step_cannot_be_reached_without_the_password_step()
    {
        var client = _factory.CreateClient();

        var page = await client.GetAsync("/account/login/two-factor");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/login", page.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_may_turn_two_factor_on_and_off_but_reviewers_may_not_turn_it_off()
    {
        var reviewer = await Browser.SignedInClientAsync(_factory, Browser.Reviewer);
        var refused = await Browser.PostFormAsync(reviewer, "/account/security", "/account/two-factor/disable", []);
        Assert.Equal("/account/denied", refused.Headers.Location?.AbsolutePath);

        var staff = await Browser.SignedInClientAsync(_factory, Browser.ZemgaleStaff);
        var settings = await staff.GetStringAsync("/account/security");
        Assert.Contains("Izslēgta: pieslēdzaties tikai ar paroli.", Browser.Text(settings));
        var key = KeyPattern().Match(await staff.GetStringAsync("/account/two-factor/setup")).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
        await Browser.PostFormAsync(staff, "/account/two-factor/setup", "/account/two-factor/setup",
            new() { ["Form.Code"] = Totp.Code(Totp.DecodeKey(key), Totp.StepAt(DateTimeOffset.UtcNow)) });
        Assert.Contains("Ieslēgta", Browser.Text(await staff.GetStringAsync("/account/security")));

        var off = await Browser.PostFormAsync(staff, "/account/security", "/account/two-factor/disable", []);
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        var signIn = await Browser.SignInAsync(_factory.CreateClient(), Browser.ZemgaleStaff);
        Assert.Equal("/", signIn.Headers.Location?.OriginalString);
    }

    [GeneratedRegex("data-testid=\"totp-key\">([A-Z2-7 ]+)<")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("<li class=\"col\">([a-zA-Z0-9-]+)</li>")]
    private static partial Regex RecoveryCodePattern();
}
