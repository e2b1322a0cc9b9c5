using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
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

    /// <param name="from">The address the request comes from, as Kestrel would see it (the test server has none of its own).</param>
    private HttpClient PlainHttp(string environment, IPAddress? from = null)
    {
        _factory.Settings["https_port"] = "443";
        if (environment == "Development")
        {
            // As the local run profile has it: plain http://localhost cannot carry Secure cookies.
            _factory.Settings["Security:HttpsCookies"] = "false";
        }
        var host = _factory.WithWebHostBuilder(b => b.UseEnvironment(environment)
            .ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(new ComingFrom(from ?? IPAddress.Loopback))));
        return host.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost"), AllowAutoRedirect = false });
    }

    /// <summary>Sets the connection's remote address before the portal's pipeline runs, as the network would.</summary>
    private sealed class ComingFrom(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, rest) =>
            {
                context.Connection.RemoteIpAddress = address;
                return rest(context);
            });
            next(app);
        };
    }

    /// <summary>21 sign-in attempts (one over the limit of 20), each with the forwarded-for header the sender chose.</summary>
    private static async Task<List<HttpStatusCode>> SignInAttemptsAsync(HttpClient client, Func<int, string> forwardedFor)
    {
        var token = await Browser.AntiforgeryTokenAsync(client, "/account/login");
        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 21; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/account/login")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = token, ["Email"] = $"user{i}@ministrija.lv", ["Password"] = "a guessed password",
                }),
            };
            request.Headers.Add("X-Forwarded-For", forwardedFor(i));
            using var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }
        return statuses;
    }

    [Fact]
    public async Task Loopback_is_not_a_trusted_proxy_unless_configured_so_a_made_up_forwarded_address_does_not_reset_the_sign_in_limit()
    {
        _factory.Settings["Security:SignInAttemptsPerMinute"] = "20";
        _factory.Settings["Security:HttpsCookies"] = "false";
        var client = PlainHttp("Development", IPAddress.Loopback);

        var statuses = await SignInAttemptsAsync(client, i => $"203.0.113.{i}");

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[20]);
    }

    [Fact]
    public async Task A_configured_proxy_is_trusted_for_one_hop_only()
    {
        _factory.Settings["Security:SignInAttemptsPerMinute"] = "20";
        _factory.Settings["ReverseProxy:KnownProxies:0"] = "10.0.0.5";
        var client = PlainHttp("Development", IPAddress.Parse("10.0.0.5"));

        // Each client behind the proxy has its own count: 21 clients, none refused.
        var clients = await SignInAttemptsAsync(client, i => $"203.0.113.{i}");
        // The client's own made-up hops in front of the proxy's entry are not believed: one client, refused at 21.
        var spoofed = await SignInAttemptsAsync(client, i => $"198.51.100.{i}, 192.0.2.9");

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, clients);
        Assert.Equal(HttpStatusCode.TooManyRequests, spoofed[20]);
    }

    [Fact]
    public async Task A_forwarded_https_from_an_address_that_is_not_a_configured_proxy_is_ignored()
    {
        var client = PlainHttp("Production", IPAddress.Parse("10.0.0.9"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.Add("X-Forwarded-Proto", "https");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
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
        // nginx on the same host: loopback is trusted because it is listed.
        _factory.Settings["ReverseProxy:KnownProxies:0"] = "127.0.0.1";
        var client = PlainHttp("Production", IPAddress.Loopback);
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
