using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.Operations;

/// <summary>
/// Outside Development plain http is redirected to https when the portal knows its https port;
/// behind a trusted proxy that terminated TLS it is not (no redirect loop); the health probes never are.
/// </summary>
public sealed class ReverseProxyTests : IDisposable
{
    private readonly PortalFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private HttpClient PlainHttp(string environment)
    {
        _factory.Settings["https_port"] = "443";
        if (environment == "Development")
        {
            // As the local run profile has it: plain http://localhost cannot carry Secure cookies.
            _factory.Settings["Security:HttpsCookies"] = "false";
        }
        var host = _factory.WithWebHostBuilder(b => b.UseEnvironment(environment));
        return host.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost"), AllowAutoRedirect = false });
    }

    [Fact]
    public async Task In_production_plain_http_is_redirected_to_https()
    {
        var client = PlainHttp("Production");

        var response = await client.GetAsync("/account/login");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal("https://localhost/account/login", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_that_terminated_tls_the_request_is_served_not_redirected_again()
    {
        var client = PlainHttp("Production");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.Host = "nvo.ministrija.lv"; // HSTS is never sent to localhost
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The proxy's https is what the portal saw: its cookies keep their Secure flag and __Host- prefix.
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        Assert.StartsWith("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_probes_over_plain_http_are_answered_not_redirected(string url)
    {
        var client = PlainHttp("Production");

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task In_development_plain_http_is_served_as_dotnet_run_serves_it()
    {
        var client = PlainHttp("Development");

        var response = await client.GetAsync("/account/login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
