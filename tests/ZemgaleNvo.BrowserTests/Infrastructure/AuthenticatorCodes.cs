using ZemgaleNvo.Infrastructure.Identity;
using ZemgaleNvo.Infrastructure.Seeding;
using ZemgaleNvo.TestSupport;

namespace ZemgaleNvo.BrowserTests.Infrastructure;

/// <summary>
/// The test's stand-in for a phone: codes of the demo admin's and reviewer's published keys, or of a
/// key a test read off the enrolment page, each for a time step not yet used (<see cref="AuthenticatorSteps"/>).
/// </summary>
public static class AuthenticatorCodes
{
    public static Task<string> NextAsync(string portal, string email) =>
        NextForKeyAsync(portal, email, DemoDataSeeder.DemoAuthenticatorKeys[email]);

    public static async Task<string> NextForKeyAsync(string portal, string account, string base32Key) =>
        Totp.Code(Totp.DecodeKey(base32Key), await AuthenticatorSteps.NextUnusedAsync(portal, account));
}
