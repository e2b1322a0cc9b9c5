namespace ZemgaleNvo.Infrastructure.Notifications;

/// <summary>Where an outbox message stands.</summary>
public enum OutboxStatus
{
    /// <summary>Waiting for its first or next attempt (<see cref="OutboxMessage.NextAttemptAtUtc"/>).</summary>
    Queued,

    /// <summary>Claimed by one sender until <see cref="OutboxMessage.LeaseUntilUtc"/>; nobody else touches it meanwhile.</summary>
    Sending,

    /// <summary>The mail server accepted it (<see cref="OutboxMessage.SentAtUtc"/>); never sent again.</summary>
    Sent,

    /// <summary>Refused for good, or out of attempts; <see cref="OutboxMessage.LastError"/> says why. An admin may send it again.</summary>
    Failed,
}

/// <summary>
/// One email to one recipient, written in the same transaction as the change that causes it and
/// delivered later by the outbox sender (decision 0015). Not in the Domain namespace on purpose:
/// it is plumbing, not a reported fact, so it gets no audit rows (and a set-password link in its
/// body stays out of the audit trail).
/// </summary>
public sealed class OutboxMessage
{
    public int Id { get; set; }

    /// <summary>The recipient's address.</summary>
    public required string Recipient { get; set; }

    /// <summary>The recipient's name as shown in the To header (may be empty).</summary>
    public string RecipientName { get; set; } = "";

    public required string Subject { get; set; }
    public required string TextBody { get; set; }
    public required string HtmlBody { get; set; }

    /// <summary>What caused it, for the admin page and the logs (<see cref="OutboxKinds"/>).</summary>
    public required string Kind { get; set; }

    /// <summary>
    /// Unique: a second row with the same key is refused by the database, so a message that must go
    /// out once (a reminder) cannot be queued twice, whichever instance queues it.
    /// </summary>
    public required string DedupeKey { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Delivery attempts so far (failed or in progress).</summary>
    public int Attempts { get; set; }

    /// <summary>Not tried before this moment (the growing pause after a failure).</summary>
    public DateTime NextAttemptAtUtc { get; set; }

    public OutboxStatus Status { get; set; }

    /// <summary>Why the last attempt failed (the server's answer or the connection error).</summary>
    public string? LastError { get; set; }

    /// <summary>The claim of the sender now delivering it (a fresh id per claim); null when nobody holds it.</summary>
    public string? LeaseOwner { get; set; }

    /// <summary>Until when the claim holds; after that another sender may take the message again.</summary>
    public DateTime? LeaseUntilUtc { get; set; }

    public DateTime? SentAtUtc { get; set; }
}

/// <summary>The kinds of outbox messages.</summary>
public static class OutboxKinds
{
    public const string Workflow = "workflow";
    public const string SetPassword = "set-password";
    public const string Reminder = "reminder";
    public const string Digest = "digest";
}
