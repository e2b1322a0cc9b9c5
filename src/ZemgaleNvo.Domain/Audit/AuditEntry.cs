namespace ZemgaleNvo.Domain.Audit;

public enum AuditAction
{
    Created,
    Updated,
    Deleted,

    /// <summary>A successful sign-in (entity "User", key the user id).</summary>
    SignedIn,

    /// <summary>A refused sign-in: wrong password, locked out, unknown email (key: the email typed).</summary>
    SignInFailed,
    SignedOut,

    /// <summary>A signed-in user was refused a page or an action (key: the path).</summary>
    AccessDenied,

    /// <summary>
    /// A user changed how they sign in (key: the user id; the new value says what: two-factor
    /// enrolled or reset, new recovery codes, password changed).
    /// </summary>
    SignInSettingsChanged,

    /// <summary>
    /// An uploaded evidence file was refused because the virus scanner found something in it
    /// (entity "EvidenceFile", key the year's id; the new value names the file and the signature).
    /// </summary>
    UploadRefused,
}

/// <summary>
/// One recorded change: who changed which field of which record, when, from what to what. Written
/// in the same transaction as the change itself and never updated or deleted by the application.
/// A created or deleted record gets one row per field it had, so its whole content is on record.
/// </summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }

    /// <summary>The portal user's id; null for the system (seeding, admin commands).</summary>
    public string? UserId { get; set; }

    /// <summary>The user's name at the time (kept even if the account is renamed later).</summary>
    public required string UserName { get; set; }

    public AuditAction Action { get; set; }

    /// <summary>The kind of record ("Activity", "SpendingEntry", …).</summary>
    public required string EntityType { get; set; }

    /// <summary>The record's key as text.</summary>
    public required string EntityKey { get; set; }

    public required string Field { get; set; }
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }

    /// <summary>The HTTP request that made the change, to tie several rows to one save.</summary>
    public string? RequestId { get; set; }

    /// <summary>The agreement the changed record belongs to, so an agreement's history can be read; none for users, regions, …</summary>
    public int? AgreementId { get; set; }

    /// <summary>Position in the hash chain: 1, 2, 3, … with no gaps; the chain is verified in this order.</summary>
    public long? Sequence { get; set; }

    /// <summary>
    /// SHA-256 over the previous row's hash and this row's content (see AuditChain): changing or
    /// removing any row breaks every link after it, which <c>audit verify</c> reports.
    /// </summary>
    public string? Hash { get; set; }
}
