using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace ZemgaleNvo.BrowserTests.Infrastructure;

/// <summary>
/// The cookies of a finished sign-in, per portal and account, for journeys that start signed in but are
/// not about signing in (<see cref="BrowserSession.SignInDirectlyAsync"/>). A portal accepts each
/// authenticator code once per account, so every further sign-in of an admin or reviewer on the same
/// portal within a half-minute waited for the next code; a copy of a session the portal already issued
/// needs none. Each test still has its own browser context: only the cookies are copied into it.
/// </summary>
/// <remarks>
/// Signing out in one context does not end the copies (the portal's sessions live in their cookies), and
/// no journey changes the demo accounts whose sessions are kept here. A session ends after 30 idle
/// minutes, so a copy older than <see cref="MaxAge"/> is not used.
/// </remarks>
internal static class SignedInStates
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);

    private static readonly ConcurrentDictionary<(string Portal, string Email, string Password), (IReadOnlyList<BrowserContextCookiesResult> Cookies, DateTimeOffset At)> Kept = new();

    /// <summary>Cookies to add to a context so that it is signed in as <paramref name="email"/>; null when there are none yet.</summary>
    /// <param name="portal">What tells portals apart for the whole run: their data folder (a port may be used again).</param>
    public static IReadOnlyList<Cookie>? For(string portal, string email, string password)
    {
        if (!Kept.TryGetValue((portal, email, password), out var kept) || DateTimeOffset.UtcNow - kept.At > MaxAge)
        {
            return null;
        }
        return kept.Cookies.Select(c => new Cookie
        {
            Name = c.Name,
            Value = c.Value,
            Domain = c.Domain,
            Path = c.Path,
            Expires = c.Expires,
            HttpOnly = c.HttpOnly,
            Secure = c.Secure,
            SameSite = c.SameSite,
        }).ToList();
    }

    /// <summary>Keeps the cookies of a sign-in that went through; a newer one replaces an older one.</summary>
    public static void Remember(string portal, string email, string password, IReadOnlyList<BrowserContextCookiesResult> cookies) =>
        Kept[(portal, email, password)] = (cookies, DateTimeOffset.UtcNow);
}
