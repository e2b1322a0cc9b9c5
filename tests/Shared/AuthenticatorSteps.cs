using ZemgaleNvo.Infrastructure.Identity;

namespace ZemgaleNvo.TestSupport;

/// <summary>
/// Which authenticator time step a test may use next. The portal accepts each step's code once per
/// account, and steps from now to one ahead, so a second sign-in of one account on one portal in the
/// same half-minute uses the next step and a third waits for it. Shared by the integration and the
/// browser tests (linked into both projects).
/// </summary>
public static class AuthenticatorSteps
{
    private static readonly Dictionary<(string Portal, string Account), long> Used = [];

    /// <param name="portal">What tells portals apart: their database folder or their address.</param>
    public static async Task<long> NextUnusedAsync(string portal, string account)
    {
        while (true)
        {
            var now = Totp.StepAt(DateTimeOffset.UtcNow);
            lock (Used)
            {
                var next = Used.TryGetValue((portal, account), out var last) ? Math.Max(last + 1, now) : now;
                if (next <= now + 1)
                {
                    Used[(portal, account)] = next;
                    return next;
                }
            }
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }
}
