using System.Collections.Concurrent;
using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using ZemgaleNvo.Infrastructure.Identity;
using ZemgaleNvo.TestSupport;
using System.Text.RegularExpressions;
using ZemgaleNvo.Infrastructure.Seeding;

namespace ZemgaleNvo.IntegrationTests.Infrastructure;

/// <summary>What a browser does with forms: fetch the page, take its antiforgery token, post the fields.</summary>
public static partial class Browser
{
    public const string Reviewer = "recenzents@demo.zemgalenvo.lv";
    public const string Admin = "admin@demo.zemgalenvo.lv";
    public const string ZemgaleStaff = "darbinieks@demo.zemgalenvo.lv";
    public const string OtherStaff = "cits@demo.zemgalenvo.lv";
    public const string Password = DemoDataSeeder.DemoPassword;

    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string url)
    {
        var html = await client.GetStringAsync(url);
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, $"No antiforgery token on {url}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string formUrl, string postUrl, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await AntiforgeryTokenAsync(client, formUrl);
        return await client.PostAsync(postUrl, new FormUrlEncodedContent(fields));
    }

    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password = Password) =>
        PostFormAsync(client, "/account/login", "/account/login", new() { ["Email"] = email, ["Password"] = password });

    /// <summary>
    /// A client signed in as <paramref name="email"/>, through the second factor for the demo admin
    /// and reviewer; fails the test when sign-in does not succeed.
    /// An authenticator code is good once (the portal refuses a code's step a second time), so a
    /// portal lets a user sign in with a code at most twice per 30 seconds. Rather than wait, later
    /// clients of the same two-factor user on the same portal get a copy of the first one's cookies:
    /// the same browser session, as a second tab would have it.
    /// </summary>
    public static async Task<HttpClient> SignedInClientAsync(PortalFactory factory, string email)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var sessions = SignedInSessions.GetOrCreateValue(factory);
        if (sessions.TryGetValue(email, out var saved))
        {
            var copy = new CookieContainer();
            copy.Add(saved.GetAllCookies());
            return ClientWithCookies(factory, copy);
        }

        var cookies = new CookieContainer();
        var client = ClientWithCookies(factory, cookies);
        var response = await SignInAsync(client, email);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        if (response.Headers.Location?.OriginalString.StartsWith("/account/login/two-factor", StringComparison.Ordinal) == true)
        {
            var completed = await CompleteTwoFactorAsync(client, factory.DataFolder, email);
            Assert.Equal(HttpStatusCode.Redirect, completed.StatusCode);
            sessions[email] = cookies;
        }
        return client;
    }

    /// <summary>
    /// The second step of signing in, with the current code of the demo user's published key; steps
    /// already used on this portal's database are skipped (waiting for the next one if need be).
    /// </summary>
    public static async Task<HttpResponseMessage> CompleteTwoFactorAsync(HttpClient client, string database, string email, string returnUrl = "/")
    {
        var key = DemoDataSeeder.DemoAuthenticatorKeys[email];
        var step = await AuthenticatorSteps.NextUnusedAsync(database, email);
        return await PostFormAsync(client, "/account/login/two-factor?returnUrl=" + Uri.EscapeDataString(returnUrl), "/account/login/two-factor",
            new() { ["Code"] = Totp.Code(Totp.DecodeKey(key), step), ["ReturnUrl"] = returnUrl });
    }

    private static readonly ConditionalWeakTable<PortalFactory, ConcurrentDictionary<string, CookieContainer>> SignedInSessions = new();

    /// <summary>A client like <c>CreateClient()</c> (no automatic redirects) whose cookies live in <paramref name="cookies"/>.</summary>
    private static HttpClient ClientWithCookies(PortalFactory factory, CookieContainer cookies) =>
        factory.CreateDefaultClient(factory.ClientOptions.BaseAddress, new CookieContainerHandler(cookies));

    /// <summary>Page text as a user reads it: tags stripped, entities decoded, no-break spaces as spaces.</summary>
    public static string Text(string html)
    {
        var text = WebUtility.HtmlDecode(TagPattern().Replace(html, " "));
        return WhitespacePattern().Replace(text.Replace('\u00A0', ' '), " ");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"[ \t\r\n]+")]
    private static partial Regex WhitespacePattern();
}
