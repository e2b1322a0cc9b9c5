using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.Operations;

/// <summary>
/// Two instances of the portal on two ports over one database, as behind a load balancer: the
/// data-protection keys live in the database, so a sign-in or a form from one is good on the other.
/// </summary>
public sealed class TwoInstancesTests : IDisposable
{
    private readonly string _folder = TempFolder.Create();

    public void Dispose() => TempFolder.Delete(_folder);

    private sealed class Instance : WebApplicationFactory<Program>
    {
        private readonly string _folder;

        public Instance(string folder)
        {
            _folder = folder;
            UseKestrel(0);
            StartServer();
        }

        public Uri Address => new($"http://localhost:{ClientOptions.BaseAddress.Port}/");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Database:DataFolder", _folder);
            // Plain HTTP on loopback: Secure-only cookies would not travel.
            builder.UseSetting("Security:HttpsCookies", "false");
            builder.UseSetting("Serilog:WriteTo:1:Args:path", Path.Combine(_folder, "logs", "instance-.log"));
            builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
            builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime", "Warning");
        }
    }

    private static HttpClient Browser(CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false });

    [Fact]
    public async Task A_sign_in_on_one_instance_is_accepted_by_the_other()
    {
        using var first = new Instance(_folder);
        using var second = new Instance(_folder);
        Assert.NotEqual(first.Address.Port, second.Address.Port);
        var cookies = new CookieContainer();
        using var client = Browser(cookies);

        var token = await Infrastructure.Browser.AntiforgeryTokenAsync(client, new Uri(first.Address, "/account/login").ToString());
        var signIn = await client.PostAsync(new Uri(first.Address, "/account/login"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = Infrastructure.Browser.ZemgaleStaff, ["Password"] = Infrastructure.Browser.Password, ["__RequestVerificationToken"] = token,
        }));
        var onSecond = await client.GetAsync(new Uri(second.Address, "/agreements/1"));

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, onSecond.StatusCode);
        Assert.Contains("Zemgales reģions", await onSecond.Content.ReadAsStringAsync());
        // Both read the key ring from the shared database (on one machine a shared key folder in
        // the user's profile would also work, so this is what makes it hold across machines).
        await using var db = new PortalFactory(_folder).OpenDatabase();
        Assert.NotEmpty(db.DataProtectionKeys);
    }

    [Fact]
    public async Task A_session_ended_on_one_instance_is_refused_by_the_other_at_once()
    {
        using var first = new Instance(_folder);
        using var second = new Instance(_folder);
        var cookies = new CookieContainer();
        using var client = Browser(cookies);
        var token = await Infrastructure.Browser.AntiforgeryTokenAsync(client, new Uri(first.Address, "/account/login").ToString());
        await client.PostAsync(new Uri(first.Address, "/account/login"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = Infrastructure.Browser.ZemgaleStaff, ["Password"] = Infrastructure.Browser.Password, ["__RequestVerificationToken"] = token,
        }));
        var saved = new CookieContainer();
        saved.Add(cookies.GetAllCookies());
        using var replay = Browser(saved);
        Assert.Equal(HttpStatusCode.OK, (await replay.GetAsync(new Uri(first.Address, "/agreements/1"))).StatusCode);

        // Signed out through the other instance…
        var formToken = await Infrastructure.Browser.AntiforgeryTokenAsync(client, new Uri(second.Address, "/").ToString());
        var signedOut = await client.PostAsync(new Uri(second.Address, "/account/logout"),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = formToken }));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        // …the saved cookie no longer opens anything on the first one: the ticket was in the shared database.
        var onFirst = await replay.GetAsync(new Uri(first.Address, "/agreements/1"));
        Assert.Equal(HttpStatusCode.Redirect, onFirst.StatusCode);
        Assert.Contains("/account/login", onFirst.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_rendered_by_one_instance_is_accepted_when_posted_to_the_other()
    {
        using var first = new Instance(_folder);
        using var second = new Instance(_folder);
        var cookies = new CookieContainer();
        using var client = Browser(cookies);

        var token = await Infrastructure.Browser.AntiforgeryTokenAsync(client, new Uri(first.Address, "/account/login").ToString());
        var posted = await client.PostAsync(new Uri(second.Address, "/account/login"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = Infrastructure.Browser.ZemgaleStaff, ["Password"] = Infrastructure.Browser.Password, ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("/", posted.Headers.Location?.OriginalString);
    }
}
