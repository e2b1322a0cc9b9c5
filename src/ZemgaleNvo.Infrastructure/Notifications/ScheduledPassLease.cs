namespace ZemgaleNvo.Infrastructure.Notifications;

/// <summary>
/// One row per scheduled pass (reminders, the reviewers' digest): which instance runs it now and
/// until when (decision 0015). An instance runs the pass only while it holds the lease, taken and
/// renewed with a conditional UPDATE that only one instance can win; a lease that was not renewed
/// (the instance stopped) is taken over by another after it runs out.
/// </summary>
public sealed class ScheduledPassLease
{
    /// <summary>The pass's name (<see cref="ScheduledPassNames"/>); the key.</summary>
    public required string Name { get; set; }

    /// <summary>The instance holding the lease (its id for the life of the process); null before anyone took it.</summary>
    public string? Owner { get; set; }

    /// <summary>Until when the holder may run the pass without renewing.</summary>
    public DateTime LeaseUntilUtc { get; set; }

    /// <summary>When the pass last finished, for the operations page and the logs.</summary>
    public DateTime? LastRunAtUtc { get; set; }
}

/// <summary>The scheduled passes.</summary>
public static class ScheduledPassNames
{
    /// <summary>Reminders to the performer's staff and the weekly digest to reviewers, run as one pass.</summary>
    public const string Reminders = "reminders";
}
