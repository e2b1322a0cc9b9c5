using System.Net;
using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.Account;

public class SignInTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Theory]
    [InlineData(Browser.Admin)]
    [InlineData(Browser.Reviewer)]
    [InlineData(Browser.ZemgaleStaff)]
    public async Task Demo_users_sign_in_and_see_the_agreement_list(string email)
    {
        // A portal of its own: an authenticator code is good once per portal, and on the class's shared
        // portal each further two-factor sign-in waited up to 30 s for the next one.
        using var factory = new PortalFactory();
        var client = factory.CreateClient();

        var response = await Browser.SignInAsync(client, email);
        if (email != Browser.ZemgaleStaff)
        {
            // Admins and reviewers: the password is right, the authenticator code comes next.
            Assert.Equal("/account/login/two-factor?returnUrl=%2F", response.Headers.Location?.OriginalString);
            response = await Browser.CompleteTwoFactorAsync(client, factory.DataFolder, email);
        }

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        var home = await client.GetStringAsync("/");
        Assert.Contains("Biedrība „Zemgales NVO centrs”", home);
    }

    [Fact]
    public async Task The_auth_cookie_is_host_prefixed_secure_and_http_only()
    {
        // A portal of its own: an authenticator code is good once per portal, and on the class's shared
        // portal each further two-factor sign-in waited up to 30 s for the next one.
        using var factory = new PortalFactory();
        var client = factory.CreateClient();

        var passwordStep = await Browser.SignInAsync(client, Browser.Reviewer);
        var codeStep = await Browser.CompleteTwoFactorAsync(client, factory.DataFolder, Browser.Reviewer);

        // The half-way cookie between password and code is as protected as the session cookie.
        foreach (var (response, name) in new[] { (passwordStep, "__Host-ZemgaleNvo-TwoFactor="), (codeStep, "__Host-ZemgaleNvo-Auth=") })
        {
            var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(name, StringComparison.Ordinal));
            Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        }
        Assert.DoesNotContain(passwordStep.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-ZemgaleNvo-Auth=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_Latvian_message_and_the_email_kept()
    {
        var client = portal.Factory.CreateClient();

        var response = await Browser.SignInAsync(client, Browser.Reviewer, "not the right password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Nepareizs e-pasts vai parole.", html);
        Assert.Contains($"value=\"{Browser.Reviewer}\"", html);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.Contains("-Auth=", StringComparison.Ordinal));
        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Fact]
    public async Task An_unknown_email_gets_the_same_message_as_a_wrong_password()
    {
        var client = portal.Factory.CreateClient();

        var response = await Browser.SignInAsync(client, "nobody@example.lv", "whatever password");

        Assert.Contains("Nepareizs e-pasts vai parole.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_empty_form_comes_back_with_Latvian_field_messages()
    {
        var client = portal.Factory.CreateClient();

        var response = await Browser.PostFormAsync(client, "/account/login", "/account/login", new() { ["Email"] = "", ["Password"] = "" });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Norādiet e-pasta adresi.", html);
        Assert.Contains("Norādiet paroli.", html);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_login_page()
    {
        var response = await portal.Factory.CreateClient().GetAsync("/agreements/1");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/account/login", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_does_not_redirect_to_another_site()
    {
        var client = portal.Factory.CreateClient();

        var response = await Browser.PostFormAsync(client, "/account/login", "/account/login",
            new() { ["Email"] = Browser.ZemgaleStaff, ["Password"] = Browser.Password, ["ReturnUrl"] = "https://evil.example/" });

        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task Sign_in_with_a_second_factor_does_not_redirect_to_another_site(string returnUrl)
    {
        // A portal of its own: an authenticator code is good once per portal, and on the class's shared
        // portal each further two-factor sign-in waited up to 30 s for the next one.
        using var factory = new PortalFactory();
        var client = factory.CreateClient();

        var passwordStep = await Browser.PostFormAsync(client, "/account/login", "/account/login",
            new() { ["Email"] = Browser.Reviewer, ["Password"] = Browser.Password, ["ReturnUrl"] = returnUrl });
        var codeStep = await Browser.CompleteTwoFactorAsync(client, factory.DataFolder, Browser.Reviewer, returnUrl);

        Assert.Equal("/account/login/two-factor?returnUrl=%2F", passwordStep.Headers.Location?.OriginalString);
        Assert.Equal("/", codeStep.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        // A portal of its own: an authenticator code is good once per portal, and on the class's shared
        // portal each further two-factor sign-in waited up to 30 s for the next one.
        using var factory = new PortalFactory();
        var client = await Browser.SignedInClientAsync(factory, Browser.Reviewer);

        var response = await Browser.PostFormAsync(client, "/", "/account/logout", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_post_without_an_antiforgery_token_is_refused()
    {
        var client = portal.Factory.CreateClient();

        var response = await client.PostAsync("/account/login",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = Browser.Reviewer, ["Password"] = Browser.Password }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
