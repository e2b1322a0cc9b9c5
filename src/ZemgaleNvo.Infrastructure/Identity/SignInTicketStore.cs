using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace ZemgaleNvo.Infrastructure.Identity;

/// <summary>
/// Sessions on the server (issue 17): the cookie handler keeps each sign-in ticket here, in the
/// database every instance shares, and the cookie carries only a random key to it. Signing out,
/// "end this session", an admin's "end all sessions" and every account change
/// (<see cref="UserAdministration"/>) delete the rows, so a saved or stolen copy of the cookie is
/// refused at its next request on any instance, rather than when the security stamp is next
/// checked or the cookie runs out.
/// </summary>
/// <remarks>
/// <para>A singleton (the cookie options hold one instance): every call takes its own short-lived
/// context from a pool (<see cref="SignInTicketsContext"/>), so it never saves, or is saved with,
/// whatever the request's own context is tracking.</para>
/// <para>The row is read on every request, so a deleted session ends at once; what is kept in
/// memory is only the decrypted ticket of a row whose stored bytes are unchanged
/// (<see cref="UnprotectedTickets"/>): decrypting and reading it again gave the same ticket and was
/// a quarter of a warm request's work. Each request gets its own copy.</para>
/// </remarks>
public sealed class SignInTicketStore(IDbContextFactory<SignInTicketsContext> contexts, IDataProtectionProvider protection, TimeProvider clock) : ITicketStore, IDisposable
{
    public const int UserAgentLength = 512;

    /// <summary>
    /// How stale "last seen" may be. Writing it on every request would turn every page view into a
    /// database write (on SQLite, a turn at the one write lock that saves and approvals also wait
    /// for); the session list needs no finer time than the minute.
    /// </summary>
    public static readonly TimeSpan LastSeenPrecision = TimeSpan.FromMinutes(1);

    /// <summary>Without an expiry in the ticket (never, with the portal's cookie options): the absolute limit.</summary>
    private static readonly TimeSpan FallbackLifetime = TimeSpan.FromHours(12);

    private const string CurrentSessionItem = "zemgalenvo:sign-in-ticket";
    private const string ReissueItem = "zemgalenvo:reissue-sign-in-ticket";

    /// <summary>
    /// Decrypted tickets kept, at most: one per open session of a large ministry and its NGOs
    /// (some 3 kB each). Beyond it the least recently used are decrypted again when next needed.
    /// </summary>
    public const int UnprotectedTickets = 5_000;

    /// <summary>
    /// How long a decrypted ticket is kept at most, however often it is used: no longer than the
    /// data-protection key ring itself is kept between refreshes, so a revoked key stops accepting
    /// its tickets as soon as it did before.
    /// </summary>
    private static readonly TimeSpan UnprotectedLifetime = TimeSpan.FromMinutes(10);

    private readonly IDataProtector _protector = protection.CreateProtector("ZemgaleNvo.SignInTickets.v1");

    private readonly MemoryCache _unprotected = new(new MemoryCacheOptions { SizeLimit = UnprotectedTickets });

    /// <summary>A decrypted ticket and the stored bytes it came from.</summary>
    private sealed record Unprotected(byte[] Stored, AuthenticationTicket Ticket);

    /// <summary>The id of the session this request came with (or began), for "this session" in the list.</summary>
    public static int? CurrentSessionId(HttpContext context) =>
        context?.Items.TryGetValue(CurrentSessionItem, out var id) == true ? id as int? : null;

    /// <summary>
    /// The user changed their own account in this request (a new authenticator key, two-factor off),
    /// which ended all their sessions, this one included; the sign-in that follows in the same
    /// request may put this session back. Without the mark a renewal never recreates a deleted row:
    /// a request still running when an admin ended the session must not bring it back.
    /// </summary>
    public static void AllowReissue(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[ReissueItem] = true;
    }

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, null, CancellationToken.None);

    public Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken) => StoreAsync(ticket, null, cancellationToken);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext? httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var key = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = Now();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Expired tickets go as new ones arrive: the table holds the open sessions, not history,
        // and no timer is needed (every instance signs people in).
        await db.Tickets.Where(t => t.ExpiresAtUtc < now).ExecuteDeleteAsync(cancellationToken);
        var row = new SignInTicket
        {
            KeyHash = Hash(key),
            UserId = UserId(ticket),
            Ticket = Protect(ticket),
            UserAgent = UserAgent(httpContext),
            CreatedAtUtc = now,
            LastSeenAtUtc = now,
            ExpiresAtUtc = Expires(ticket, now),
        };
        db.Tickets.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        if (httpContext is not null)
        {
            httpContext.Items[CurrentSessionItem] = row.Id;
        }
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, null, CancellationToken.None);

    public Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken) => RenewAsync(key, ticket, null, cancellationToken);

    /// <summary>Sliding renewal and a refreshed principal: only a session that still exists is updated.</summary>
    public async Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext? httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var now = Now();
        var hash = Hash(key);
        var userId = UserId(ticket);
        var protectedTicket = Protect(ticket);
        var expires = Expires(ticket, now);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var updated = await db.Tickets.Where(t => t.KeyHash == hash).ExecuteUpdateAsync(set => set
            .SetProperty(t => t.UserId, userId)
            .SetProperty(t => t.Ticket, protectedTicket)
            .SetProperty(t => t.ExpiresAtUtc, expires)
            .SetProperty(t => t.LastSeenAtUtc, now), cancellationToken);
        if (updated == 0 && httpContext?.Items.ContainsKey(ReissueItem) == true)
        {
            var row = new SignInTicket
            {
                KeyHash = hash, UserId = userId, Ticket = protectedTicket, UserAgent = UserAgent(httpContext),
                CreatedAtUtc = now, LastSeenAtUtc = now, ExpiresAtUtc = expires,
            };
            db.Tickets.Add(row);
            await db.SaveChangesAsync(cancellationToken);
            httpContext.Items[CurrentSessionItem] = row.Id;
        }
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, null, CancellationToken.None);

    public Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken) => RetrieveAsync(key, null, cancellationToken);

    /// <summary>The ticket of a session that still exists and has not run out; null otherwise (the request is signed out).</summary>
    public async Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext? httpContext, CancellationToken cancellationToken)
    {
        var now = Now();
        var hash = Hash(key);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Tickets.AsNoTracking().Where(t => t.KeyHash == hash)
            .Select(t => new { t.Id, t.Ticket, t.LastSeenAtUtc, t.ExpiresAtUtc })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            _unprotected.Remove(hash);
            return null;
        }
        if (row.ExpiresAtUtc < now)
        {
            _unprotected.Remove(hash);
            await db.Tickets.Where(t => t.Id == row.Id).ExecuteDeleteAsync(cancellationToken);
            return null;
        }
        var ticket = Unprotect(hash, row.Ticket);
        if (ticket is null)
        {
            return null;
        }
        if (now - row.LastSeenAtUtc >= LastSeenPrecision)
        {
            await db.Tickets.Where(t => t.Id == row.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.LastSeenAtUtc, now), cancellationToken);
        }
        if (httpContext is not null)
        {
            httpContext.Items[CurrentSessionItem] = row.Id;
        }
        return ticket;
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, null, CancellationToken.None);

    public Task RemoveAsync(string key, CancellationToken cancellationToken) => RemoveAsync(key, null, cancellationToken);

    public async Task RemoveAsync(string key, HttpContext? httpContext, CancellationToken cancellationToken)
    {
        var hash = Hash(key);
        _unprotected.Remove(hash);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Tickets.Where(t => t.KeyHash == hash).ExecuteDeleteAsync(cancellationToken);
    }

    public void Dispose() => _unprotected.Dispose();

    /// <summary>
    /// The ticket the stored bytes hold, as a copy of its own for this request (the cookie handler
    /// and the claims checks may change it); null when they cannot be decrypted.
    /// </summary>
    private AuthenticationTicket? Unprotect(string hash, byte[] stored)
    {
        if (_unprotected.TryGetValue(hash, out Unprotected? kept) && kept!.Stored.AsSpan().SequenceEqual(stored))
        {
            return Copy(kept.Ticket);
        }
        AuthenticationTicket ticket;
        try
        {
            ticket = TicketSerializer.Default.Deserialize(_protector.Unprotect(stored))
                ?? throw new CryptographicException("The stored ticket is empty.");
        }
        catch (CryptographicException)
        {
            // Keys lost or rotated out: as good as signed out.
            _unprotected.Remove(hash);
            return null;
        }
        _unprotected.Set(hash, new Unprotected(stored, ticket), new MemoryCacheEntryOptions
        {
            Size = 1,
            SlidingExpiration = UnprotectedLifetime,
            AbsoluteExpirationRelativeToNow = UnprotectedLifetime,
        });
        return Copy(ticket);
    }

    private static AuthenticationTicket Copy(AuthenticationTicket ticket) =>
        new(ticket.Principal.Clone(), ticket.Properties.Clone(), ticket.AuthenticationScheme);

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    private byte[] Protect(AuthenticationTicket ticket) => _protector.Protect(TicketSerializer.Default.Serialize(ticket));

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key ?? "")));

    private static string UserId(AuthenticationTicket ticket) =>
        ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier)
        ?? throw new InvalidOperationException("A sign-in ticket without the user's id cannot be stored.");

    private static DateTime Expires(AuthenticationTicket ticket, DateTime now) =>
        ticket.Properties.ExpiresUtc?.UtcDateTime ?? now + FallbackLifetime;

    private static string? UserAgent(HttpContext? context)
    {
        var agent = context?.Request.Headers.UserAgent.ToString();
        if (string.IsNullOrWhiteSpace(agent))
        {
            return null;
        }
        // Only printable ASCII is kept: it is shown back on a page and decides nothing.
        var printable = new string(agent.Where(c => c is >= ' ' and <= '~').ToArray());
        return printable.Length <= UserAgentLength ? printable : printable[..UserAgentLength];
    }
}
