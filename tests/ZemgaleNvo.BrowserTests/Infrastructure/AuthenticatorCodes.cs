using ZemgaleNvo.Infrastructure.Identity;
using ZemgaleNvo.Infrastructure.Seeding;

namespace ZemgaleNvo.BrowserTests.Infrastructure;

/// <summary>
/// The test's stand-in for a phone: codes of the demo admin's and reviewer's published keys, or of a
/// key a test read off the enrolment page. The portal takes each code's time step once, so a second
/// sign-in of the same user on the same portal in the same half-minute uses the next step's code
/// (still within the portal's window), and a third waits for it.
/// </summary>
public static class AuthenticatorCodes
{
    private static readonly Dictionary<(string Portal, string Account), long> UsedSteps = [];

    public static Task<string> NextAsync(string portal, string email) =>
        NextForKeyAsync(portal, email, DemoDataSeeder.DemoAuthenticatorKeys[email]);

    public static async Task<string> NextForKeyAsync(string portal, string account, string base32Key)
    {
        while (true)
        {
            var now = Totp.StepAt(DateTimeOffset.UtcNow);
            lock (UsedSteps)
            {
                var next = UsedSteps.TryGetValue((portal, account), out var last) ? Math.Max(last + 1, now) : now;
                if (next <= now + 1)
                {
                    UsedSteps[(portal, account)] = next;
                    return Totp.Code(Totp.DecodeKey(base32Key), next);
                }
            }
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }
}
