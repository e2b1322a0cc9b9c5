using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.Security;

public sealed class TransportSecurityTests
{
    [Fact]
    public async Task Outside_development_HTTPS_responses_tell_browsers_to_use_HTTPS_for_a_year()
    {
        using var factory = new PortalFactory();
        using var production = factory.WithWebHostBuilder(builder => builder.UseEnvironment("Production"));
        // The portal's own name: browsers ignore HSTS from localhost, and so does ASP.NET Core.
        var client = production.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://nvo.ministrija.lv"), AllowAutoRedirect = false });

        var response = await client.GetAsync("/account/login");

        Assert.Equal("max-age=31536000; includeSubDomains", response.Headers.GetValues("Strict-Transport-Security").Single());
    }
}
