using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZemgaleNvo.Domain.Users;
using ZemgaleNvo.Infrastructure.Identity;
using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.Security;

/// <summary>
/// Sessions on the server (issue 17): the cookie is a key to a ticket in the database, so signing
/// out, ending a session, an admin's "end all sessions" and account changes refuse every copy of
/// the cookie at its next request, without waiting for the minute's stamp check.
/// </summary>
public sealed partial class ServerSessionTests : IDisposable
{
    private const string FirefoxOnWindows = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
    private const string ChromeOnAndroid = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";

    private readonly TestClock _clock = new();
    private readonly PortalFactory _factory;

    public ServerSessionTests() => _factory = new PortalFactory { Clock = _clock };

    public void Dispose() => _factory.Dispose();

    private static bool SentToLogin(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect
        && response.Headers.Location?.OriginalString.Contains("/account/login", StringComparison.Ordinal) == true;

    private (HttpClient Client, CookieContainer Cookies) NewBrowser(string userAgent = FirefoxOnWindows)
    {
        var cookies = new CookieContainer();
        var client = _factory.CreateDefaultClient(_factory.ClientOptions.BaseAddress, new CookieContainerHandler(cookies));
        client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        return (client, cookies);
    }

    private async Task<(HttpClient Client, CookieContainer Cookies)> SignedInAsync(string email, string userAgent = FirefoxOnWindows)
    {
        var browser = NewBrowser(userAgent);
        Assert.Equal(HttpStatusCode.Redirect, (await Browser.SignInAsync(browser.Client, email)).StatusCode);
        return browser;
    }

    /// <summary>What someone who saved the cookie earlier (or stole it) would send.</summary>
    private HttpClient Replay(CookieContainer saved)
    {
        var copy = new CookieContainer();
        copy.Add(saved.GetAllCookies());
        return _factory.CreateDefaultClient(_factory.ClientOptions.BaseAddress, new CookieContainerHandler(copy));
    }

    [Fact]
    public async Task A_cookie_saved_before_signing_out_is_refused_afterwards()
    {
        var (client, cookies) = await SignedInAsync(Browser.ZemgaleStaff);
        var saved = Replay(cookies);
        Assert.Equal(HttpStatusCode.OK, (await saved.GetAsync("/agreements/1")).StatusCode);

        var signedOut = await Browser.PostFormAsync(client, "/", "/account/logout", []);
        Assert.True(SentToLogin(signedOut));

        // At once: no clock moved, no minute waited.
        Assert.True(SentToLogin(await saved.GetAsync("/agreements/1")));
        Assert.True(SentToLogin(await saved.GetAsync("/")));
        var userId = await UserIdAsync(Browser.ZemgaleStaff);
        await using var db = _factory.OpenDatabase();
        Assert.Empty(await db.SignInTickets.Where(t => t.UserId == userId).ToListAsync());
    }

    [Fact]
    public async Task The_security_page_lists_the_users_sessions_with_their_device_and_marks_this_one()
    {
        var (office, _) = await SignedInAsync(Browser.ZemgaleStaff, FirefoxOnWindows);
        await SignedInAsync(Browser.ZemgaleStaff, ChromeOnAndroid);
        await SignedInAsync(Browser.OtherStaff, ChromeOnAndroid);

        var html = await office.GetStringAsync("/account/security");

        var rows = SessionRows(html);
        Assert.Equal(2, rows.Count); // the other user's session is not listed
        var current = Assert.Single(rows, r => r.Contains("current-session", StringComparison.Ordinal));
        Assert.Contains("Firefox, Windows", Browser.Text(current));
        Assert.Contains("šī sesija", Browser.Text(current));
        Assert.Contains(rows, r => Browser.Text(r).Contains("Chrome, Android", StringComparison.Ordinal));
        Assert.Contains("Atvērtās sesijas", Browser.Text(html));
    }

    [Fact]
    public async Task An_ended_session_is_refused_at_once_and_the_others_go_on()
    {
        var (office, _) = await SignedInAsync(Browser.ZemgaleStaff, FirefoxOnWindows);
        var (phone, _) = await SignedInAsync(Browser.ZemgaleStaff, ChromeOnAndroid);
        var phoneSession = OtherSessionId(await office.GetStringAsync("/account/security"));

        var ended = await Browser.PostFormAsync(office, "/account/security", $"/account/security/sessions/{phoneSession}/end", []);

        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Equal("/account/security", ended.Headers.Location?.OriginalString);
        Assert.True(SentToLogin(await phone.GetAsync("/agreements/1")));
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync("/agreements/1")).StatusCode);
        Assert.Single(SessionRows(await office.GetStringAsync("/account/security")));
    }

    [Fact]
    public async Task Another_users_session_cannot_be_ended_and_answers_as_one_that_does_not_exist()
    {
        var (other, _) = await SignedInAsync(Browser.OtherStaff);
        var (staff, _) = await SignedInAsync(Browser.ZemgaleStaff);
        var othersSession = CurrentSessionId(await other.GetStringAsync("/account/security"));

        var foreign = await Browser.PostFormAsync(staff, "/account/security", $"/account/security/sessions/{othersSession}/end", []);
        var missing = await Browser.PostFormAsync(staff, "/account/security", "/account/security/sessions/999999/end", []);

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/account/security")).StatusCode);
    }

    [Fact]
    public async Task Ending_this_session_from_the_list_signs_out()
    {
        var (client, cookies) = await SignedInAsync(Browser.ZemgaleStaff);
        var saved = Replay(cookies);
        var mine = CurrentSessionId(await client.GetStringAsync("/account/security"));

        var ended = await Browser.PostFormAsync(client, "/account/security", $"/account/security/sessions/{mine}/end", []);

        Assert.True(SentToLogin(ended));
        Assert.True(SentToLogin(await saved.GetAsync("/")));
    }

    public static TheoryData<string> AccountChanges => ["role", "lock", "deactivate"];

    [Theory]
    [MemberData(nameof(AccountChanges))]
    public async Task A_role_change_lock_or_deactivation_refuses_the_users_open_sessions_at_once(string change)
    {
        var (client, _) = await SignedInAsync(Browser.OtherStaff);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        using (var scope = _factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var administration = scope.ServiceProvider.GetRequiredService<UserAdministration>();
            var user = await users.FindByEmailAsync(Browser.OtherStaff) ?? throw new InvalidOperationException();
            var result = change switch
            {
                "role" => await administration.ChangeRoleAsync(user, Roles.Reviewer, null),
                "lock" => await administration.LockAsync(user),
                _ => await administration.DeactivateAsync(user),
            };
            Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        }

        // Not a second later: the old cookie is refused on its very next request.
        Assert.True(SentToLogin(await client.GetAsync("/")));
    }

    [Fact]
    public async Task An_admin_ends_all_of_a_users_sessions_from_the_user_page()
    {
        var (office, _) = await SignedInAsync(Browser.ZemgaleStaff, FirefoxOnWindows);
        var (phone, _) = await SignedInAsync(Browser.ZemgaleStaff, ChromeOnAndroid);
        var admin = await Browser.SignedInClientAsync(_factory, Browser.Admin);
        var userId = await UserIdAsync(Browser.ZemgaleStaff);
        var page = await admin.GetStringAsync($"/admin/users/{userId}");
        Assert.Contains("data-testid=\"open-sessions\">2<", page, StringComparison.Ordinal);

        var ended = await Browser.PostFormAsync(admin, $"/admin/users/{userId}", $"/admin/users/{userId}/end-sessions", []);

        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.True(SentToLogin(await office.GetAsync("/")));
        Assert.True(SentToLogin(await phone.GetAsync("/")));
        Assert.Contains("data-testid=\"open-sessions\">0<", await admin.GetStringAsync($"/admin/users/{userId}"), StringComparison.Ordinal);
        await using var check = _factory.OpenDatabase();
        Assert.True(await check.AuditEntries.AnyAsync(e => e.EntityType == "User" && e.EntityKey == userId && e.Field == "Sessions" && e.NewValue == "ended"));
    }

    [Fact]
    public async Task Last_seen_is_written_at_most_once_a_minute()
    {
        var (client, _) = await SignedInAsync(Browser.ZemgaleStaff);
        var first = await LastSeenAsync();

        _clock.Advance(TimeSpan.FromSeconds(30));
        await client.GetAsync("/");
        Assert.Equal(first, await LastSeenAsync());

        _clock.Advance(TimeSpan.FromSeconds(31));
        await client.GetAsync("/");
        Assert.Equal(first.AddSeconds(61), await LastSeenAsync(), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Expired_tickets_are_removed()
    {
        await SignedInAsync(Browser.ZemgaleStaff);
        _clock.Advance(TimeSpan.FromMinutes(31));

        await SignedInAsync(Browser.OtherStaff);

        var other = await UserIdAsync(Browser.OtherStaff);
        await using var db = _factory.OpenDatabase();
        var left = await db.SignInTickets.Select(t => t.UserId).ToListAsync();
        Assert.Equal([other], left);
    }

    private async Task<DateTime> LastSeenAsync()
    {
        var userId = await UserIdAsync(Browser.ZemgaleStaff);
        await using var db = _factory.OpenDatabase();
        return await db.SignInTickets.Where(t => t.UserId == userId).Select(t => t.LastSeenAtUtc).SingleAsync();
    }

    private async Task<string> UserIdAsync(string email)
    {
        await using var db = _factory.OpenDatabase();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private static List<string> SessionRows(string html) => SessionRowPattern().Matches(html).Select(m => m.Value).ToList();

    private static string CurrentSessionId(string html) =>
        EndFormPattern().Match(SessionRows(html).Single(r => r.Contains("current-session", StringComparison.Ordinal))).Groups[1].Value;

    private static string OtherSessionId(string html) =>
        EndFormPattern().Match(SessionRows(html).Single(r => !r.Contains("current-session", StringComparison.Ordinal))).Groups[1].Value;

    [GeneratedRegex("<tr data-testid=\"session\">.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex SessionRowPattern();

    [GeneratedRegex("/account/security/sessions/(\\d+)/end")]
    private static partial Regex EndFormPattern();
}
