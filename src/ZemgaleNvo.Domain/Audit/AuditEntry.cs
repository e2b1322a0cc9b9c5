namespace ZemgaleNvo.Domain.Audit;

public enum AuditAction
{
    Created,
    Updated,
    Deleted,
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
}
