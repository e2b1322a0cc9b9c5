using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using ZemgaleNvo.Domain.Users;

namespace ZemgaleNvo.Web.Features.Account;

/// <summary>
/// The session rules of the security baseline, in one place: how long a sign-in lasts, how fast a
/// changed account ends its open sessions, which sessions count as two-factor, and how many sign-in
/// attempts one address may make.
/// </summary>
public static class SignInSecurity
{
    /// <summary>Idle timeout: a session unused this long ends (sliding, renewed by use).</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    /// <summary>Absolute lifetime: a session ends this long after sign-in, however busy.</summary>
    public static readonly TimeSpan AbsoluteLifetime = TimeSpan.FromHours(12);

    /// <summary>
    /// How often the cookie is checked against the user's security stamp, which changes on a role
    /// change, lock, deactivation, password change or two-factor reset: such a user's open sessions
    /// end within this time.
    /// </summary>
    public static readonly TimeSpan StampCheckInterval = TimeSpan.FromMinutes(1);

    /// <summary>The claim Identity adds when a sign-in passed the second factor (RFC 8176 "mfa").</summary>
    public const string MethodsClaim = "amr";
    public const string MultiFactor = "mfa";

    public const string RateLimitPolicy = "sign-in";
    public const string RateLimitSetting = "Security:SignInAttemptsPerMinute";
    public const int DefaultAttemptsPerMinute = 20;

    private const string SignedInAtItem = "zemgalenvo:signed-in-at";

    /// <summary>Roles that may not use the portal without a second factor.</summary>
    public static bool RequiresTwoFactor(this ClaimsPrincipal user) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Reviewer);

    public static bool PassedTwoFactor(this ClaimsPrincipal user) => user.HasClaim(MethodsClaim, MultiFactor);

    /// <summary>Remembers when the session began; a refreshed cookie keeps the original time.</summary>
    public static Task OnSigningIn(CookieSigningInContext context)
    {
        if (context.Properties.GetString(SignedInAtItem) is null)
        {
            var now = (context.Options.TimeProvider ?? TimeProvider.System).GetUtcNow();
            context.Properties.SetString(SignedInAtItem, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        }
        return Task.CompletedTask;
    }

    /// <summary>Ends a session past its absolute lifetime, then lets Identity check the security stamp.</summary>
    public static async Task OnValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var now = (context.Options.TimeProvider ?? TimeProvider.System).GetUtcNow();
        var started = long.TryParse(context.Properties.GetString(SignedInAtItem), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : context.Properties.IssuedUtc;
        if (started is null || now - started.Value > AbsoluteLifetime)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    /// <summary>
    /// When the stamp check rebuilds the principal from the database it would drop the "passed two
    /// factors" claim, sending a signed-in reviewer back to enrolment every minute: carry it over.
    /// </summary>
    public static Task KeepTwoFactorClaim(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.NewPrincipal?.Identity is ClaimsIdentity identity && context.CurrentPrincipal is { } current)
        {
            foreach (var claim in current.FindAll(MethodsClaim))
            {
                identity.AddClaim(new Claim(claim.Type, claim.Value));
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// A cap on sign-in attempts per client address (after the forwarded headers of known proxies),
    /// on top of the per-account lockout: it slows password spraying over many accounts, which
    /// lockout alone does not. A whole office behind one address fits well within the default.
    /// </summary>
    /// <param name="perMinute">From <see cref="RateLimitSetting"/> (checked to be at least 1).</param>
    public static void AddSignInRateLimit(this IServiceCollection services, int perMinute)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
            options.AddPolicy(RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
    }
}
