using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.Operations;

/// <summary>
/// Issue 17, must-have 6: the portal started over plain HTTP with the default Secure cookies
/// (<c>dotnet run --no-launch-profile</c>) answers a page asking for https://, never the antiforgery
/// exception's 500, and says so in one line of the log when it starts.
/// </summary>
public sealed class PlainHttpStartupTests : IDisposable
{
    private readonly PortalFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private HttpClient PlainHttp() =>
        _factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost"), AllowAutoRedirect = false });

    [Theory]
    [InlineData("GET", "/account/login")]
    [InlineData("POST", "/account/login")]
    [InlineData("GET", "/")]
    [InlineData("GET", "/error/404")]
    public async Task A_plain_http_request_with_secure_cookies_gets_a_Latvian_page_asking_for_https(string method, string path)
    {
        var client = PlainHttp();

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method == "POST" ? new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "a@b.lv", ["Password"] = "x" }) : null,
        });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("<html lang=\"lv\">", html, StringComparison.Ordinal);
        Assert.Contains("Atveriet portālu ar https://", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"https://localhost{path}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie"), "no cookie is set over plain HTTP");
    }

    [Fact]
    public async Task The_health_probes_still_answer_over_plain_http()
    {
        var response = await PlainHttp().GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Started_on_plain_http_with_secure_cookies_the_portal_warns_once_and_serves_the_https_page()
    {
        await using var server = await PortalProcess.Server.StartAsync(_factory.DataFolder, new Dictionary<string, string> { ["Security__HttpsCookies"] = "true" });
        using var client = new HttpClient { BaseAddress = server.Address };

        var response = await client.GetAsync("/account/login");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Atveriet portālu ar https://", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var warnings = server.Output.Split('\n').Where(l => l.Contains("Security:HttpsCookies is on but the portal listens on http://", StringComparison.Ordinal)).ToList();
        Assert.Single(warnings);
    }
}
