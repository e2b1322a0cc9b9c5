namespace ZemgaleNvo.Infrastructure.Identity;

/// <summary>
/// One open session: the sign-in ticket kept on the server (issue 17). The browser's cookie carries
/// only a random key; the ticket itself (the user's claims, sign-in time, expiry) lives in this row,
/// so deleting the row ends the session at once on every instance, whatever copies of the cookie
/// exist. Not a domain record: the audit capture leaves it out, like Identity's own tables.
/// </summary>
public class SignInTicket
{
    public int Id { get; set; }

    /// <summary>SHA-256 (hex) of the key in the cookie: a copy of the database alone opens no session.</summary>
    public required string KeyHash { get; set; }

    public required string UserId { get; set; }

    /// <summary>The serialised ticket, protected with the portal's data-protection keys.</summary>
    public required byte[] Ticket { get; set; }

    /// <summary>The browser's User-Agent at sign-in, shortened: what the session list calls the device.</summary>
    public string? UserAgent { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Last request in this session, to the minute (<see cref="SignInTicketStore.LastSeenPrecision"/>).</summary>
    public DateTime LastSeenAtUtc { get; set; }

    /// <summary>When the ticket runs out unless used (sliding); rows past it are removed.</summary>
    public DateTime ExpiresAtUtc { get; set; }
}
