using System.Buffers.Binary;
using System.Net;
using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.Security;

/// <summary>Password rules, password storage, lockout and the sign-in rate limit, as a user meets them.</summary>
public sealed class PasswordAndSignInRulesTests : IDisposable
{
    private readonly PortalFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private static Task<HttpResponseMessage> ChangePasswordAsync(HttpClient client, string current, string next, string? confirm = null) =>
        Browser.PostFormAsync(client, "/account/password", "/account/password", new()
        {
            ["Form.CurrentPassword"] = current,
            ["Form.NewPassword"] = next,
            ["Form.ConfirmPassword"] = confirm ?? next,
        });

    [Theory]
    [InlineData("īsa parole", "Parolei jābūt vismaz 12 rakstzīmes garai.")]
    [InlineData("password1234", "plaši izplatīta")]
    [InlineData("Sunshine2024!", "plaši izplatīta")]
    [InlineData("qwertyuiopasdf", "plaši izplatīta")]
    [InlineData("paroleparole", "plaši izplatīta")]
    [InlineData("111111111111", "plaši izplatīta")]
    [InlineData("darbinieks ar garu paroli", "e-pasta adresi")]
    public async Task A_weak_password_is_refused_with_the_reason_and_the_old_one_still_works(string weak, string reason)
    {
        var client = await Browser.SignedInClientAsync(_factory, Browser.ZemgaleStaff);

        var response = await ChangePasswordAsync(client, Browser.Password, weak);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(reason, html);
        Assert.DoesNotContain(weak, html); // passwords are never echoed into the page
        Assert.Equal("/", (await Browser.SignInAsync(_factory.CreateClient(), Browser.ZemgaleStaff)).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_long_passphrase_without_digits_or_capitals_is_accepted_and_replaces_the_old_password()
    {
        var client = await Browser.SignedInClientAsync(_factory, Browser.ZemgaleStaff);

        var response = await ChangePasswordAsync(client, Browser.Password, "zaļš mežs pie jelgavas ceļa");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Parole nomainīta.", await client.GetStringAsync("/account/security"));
        Assert.Equal(HttpStatusCode.OK, (await Browser.SignInAsync(_factory.CreateClient(), Browser.ZemgaleStaff)).StatusCode); // old one refused
        Assert.Equal("/", (await Browser.SignInAsync(_factory.CreateClient(), Browser.ZemgaleStaff, "zaļš mežs pie jelgavas ceļa")).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_wrong_current_password_or_a_mismatched_confirmation_is_named_at_its_field()
    {
        var client = await Browser.SignedInClientAsync(_factory, Browser.ZemgaleStaff);

        var wrongCurrent = await (await ChangePasswordAsync(client, "not my password at all", "zaļš mežs pie jelgavas ceļa")).Content.ReadAsStringAsync();
        var mismatch = await (await ChangePasswordAsync(client, Browser.Password, "zaļš mežs pie jelgavas ceļa", "zaļš mežs pie rīgas ceļa")).Content.ReadAsStringAsync();

        Assert.Contains("Nepareiza parole.", wrongCurrent);
        Assert.Contains("Paroles nesakrīt.", mismatch);
    }

    [Fact]
    public async Task Passwords_are_stored_as_PBKDF2_with_at_least_210_000_iterations()
    {
        await _factory.CreateClient().GetAsync("/account/login");
        await using var db = _factory.OpenDatabase();

        var hash = Convert.FromBase64String(await db.Users.Where(u => u.Email == Browser.ZemgaleStaff).Select(u => u.PasswordHash!).SingleAsync());

        // Identity's version-3 format: marker 0x01, PRF, iteration count (big-endian), salt length, salt, subkey.
        Assert.Equal(0x01, hash[0]);
        Assert.Equal(2u, BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(1))); // HMAC-SHA512
        Assert.True(BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(5)) >= 210_000);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var wrong = await Browser.SignInAsync(_factory.CreateClient(), Browser.ZemgaleStaff, $"wrong password number {attempt}");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var right = await Browser.SignInAsync(_factory.CreateClient(), Browser.ZemgaleStaff);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("Konts uz laiku bloķēts", await right.Content.ReadAsStringAsync());
        Assert.DoesNotContain(right.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.Contains("-Auth=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Too_many_sign_in_attempts_from_one_address_get_a_Latvian_429_page()
    {
        using var limited = new PortalFactory();
        limited.Settings["Security:SignInAttemptsPerMinute"] = "20";
        var client = limited.CreateClient();
        var token = await Browser.AntiforgeryTokenAsync(client, "/account/login");
        // Spraying one password over many accounts: lockout never triggers, the rate limit does.
        var statuses = new List<HttpResponseMessage>();
        for (var i = 1; i <= 21; i++)
        {
            statuses.Add(await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Email"] = $"user{i}@ministrija.lv", ["Password"] = "a guessed password",
            })));
        }

        Assert.All(statuses.Take(20), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var refused = statuses[20];
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("60", refused.Headers.RetryAfter?.ToString());
        Assert.Contains("Pārāk daudz mēģinājumu", await refused.Content.ReadAsStringAsync());
        // Pages other than the sign-in form are not limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
    }
}
