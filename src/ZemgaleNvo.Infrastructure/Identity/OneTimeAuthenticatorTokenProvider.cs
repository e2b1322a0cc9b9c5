using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;

namespace ZemgaleNvo.Infrastructure.Identity;

/// <summary>
/// Checks authenticator-app codes. Unlike Identity's built-in provider, a code is accepted only within
/// one time step either side of now (clock drift of up to 30 s, as RFC 6238 §5.2 suggests, not ±90 s),
/// and only once: the step of the last accepted code is stored with the user, and no code of that step
/// or an earlier one is accepted again (RFC 6238 §5.2, ASVS 6.5.1). A second sign-in in the same
/// half-minute waits for the next code. Storing the step goes through the user's concurrency stamp,
/// so two requests racing with the same code cannot both win.
/// </summary>
public sealed class OneTimeAuthenticatorTokenProvider(TimeProvider time) : IUserTwoFactorTokenProvider<AppUser>
{
    public const string Name = "PortalAuthenticator";
    private const string LastStepToken = "LastAcceptedStep";

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>The code comes from the person's app, never from the server.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        var code = Totp.Normalise(token);
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (code is null || string.IsNullOrWhiteSpace(key))
        {
            return false;
        }

        var secret = Totp.DecodeKey(key);
        var now = Totp.StepAt(time.GetUtcNow());
        long? matched = null;
        for (var step = now - 1; step <= now + 1; step++)
        {
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Totp.Code(secret, step)), Encoding.ASCII.GetBytes(code)))
            {
                matched = step;
            }
        }
        if (matched is null)
        {
            return false;
        }

        var last = await manager.GetAuthenticationTokenAsync(user, Name, LastStepToken);
        if (long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var lastStep) && matched <= lastStep)
        {
            return false;
        }
        var stored = await manager.SetAuthenticationTokenAsync(user, Name, LastStepToken, matched.Value.ToString(CultureInfo.InvariantCulture));
        return stored.Succeeded;
    }
}
