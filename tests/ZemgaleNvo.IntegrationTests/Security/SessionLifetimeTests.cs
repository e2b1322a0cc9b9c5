using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ZemgaleNvo.Domain.Users;
using ZemgaleNvo.Infrastructure.Identity;
using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.Security;

/// <summary>
/// How long a session lasts: 30 minutes idle, 12 hours however busy, and at most a minute after the
/// account is locked or its role changes. The portal's clock is moved forward instead of waiting.
/// </summary>
public sealed class SessionLifetimeTests : IDisposable
{
    private readonly TestClock _clock = new();
    private readonly PortalFactory _factory;

    public SessionLifetimeTests() => _factory = new PortalFactory { Clock = _clock };

    public void Dispose() => _factory.Dispose();

    private static bool SentToLogin(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect
        && response.Headers.Location?.OriginalString.Contains("/account/login", StringComparison.Ordinal) == true;

    [Fact]
    public async Task A_session_left_alone_for_more_than_30_minutes_ends()
    {
        var client = await Browser.SignedInClientAsync(_factory, Browser.ZemgaleStaff);
        _clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        _clock.Advance(TimeSpan.FromMinutes(31));

        Assert.True(SentToLogin(await client.GetAsync("/")));
    }

    [Fact]
    public async Task A_session_in_constant_use_still_ends_12_hours_after_sign_in()
    {
        var client = await Browser.SignedInClientAsync(_factory, Browser.ZemgaleStaff);

        // A request every 20 minutes keeps the idle timer from running out…
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(11.5); elapsed += TimeSpan.FromMinutes(20))
        {
            _clock.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        }
        // …but not past twelve hours from signing in.
        _clock.Advance(TimeSpan.FromMinutes(40));

        Assert.True(SentToLogin(await client.GetAsync("/")));
    }

    [Fact]
    public async Task A_locked_users_open_session_ends_within_a_minute()
    {
        var client = await Browser.SignedInClientAsync(_factory, Browser.ZemgaleStaff);

        await ChangeUserAsync(Browser.ZemgaleStaff, async (users, user) =>
        {
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
            await users.UpdateSecurityStampAsync(user);
        });
        _clock.Advance(TimeSpan.FromSeconds(61));

        Assert.True(SentToLogin(await client.GetAsync("/")));
        var again = await Browser.SignInAsync(_factory.CreateClient(), Browser.ZemgaleStaff);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode); // the form again, with the lockout message
        Assert.Contains("bloķēts", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_user_whose_role_changes_gets_the_new_rights_within_a_minute()
    {
        var client = await Browser.SignedInClientAsync(_factory, Browser.OtherStaff);
        Assert.Equal("/account/denied", (await client.GetAsync("/dashboard")).Headers.Location?.AbsolutePath);

        await ChangeUserAsync(Browser.OtherStaff, async (users, user) =>
        {
            await users.RemoveFromRoleAsync(user, Roles.NgoStaff);
            await users.AddToRoleAsync(user, Roles.Reviewer);
        });
        _clock.Advance(TimeSpan.FromSeconds(61));

        // Now a reviewer, whose sessions need a second factor: sent to enrolment, not to the dashboard.
        var response = await client.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/two-factor/setup", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    private async Task ChangeUserAsync(string email, Func<UserManager<AppUser>, AppUser, Task> change)
    {
        using var scope = _factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException(email);
        await change(users, user);
    }
}
