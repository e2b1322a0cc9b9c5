using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Infrastructure.Notifications;

namespace ZemgaleNvo.Web.Notifications.Reminders;

/// <summary>This process's name as a lease holder: one per running portal (a singleton), so two instances in one process (the tests) differ too.</summary>
public sealed class SchedulerInstance
{
    public string Id { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
}

/// <summary>
/// The lease row of a scheduled pass (<see cref="ScheduledPassLease"/>, decision 0015): one instance
/// at a time runs the pass. Taken and renewed by a conditional UPDATE (free, run out, or already
/// ours), so of two instances asking at once the database lets exactly one change the row. Times come
/// from the portal's <see cref="TimeProvider"/>, so tests move them.
/// </summary>
/// <remarks>
/// The lease keeps the passes from running side by side needlessly; it is not what makes a reminder
/// go once. That is the outbox's unique key per reminder: if a holder stalls past its lease and a
/// second instance runs the same pass meanwhile, their inserts of the same reminder collide and one
/// of them is refused.
/// </remarks>
public sealed class PassLease(DbContextOptions<AppDbContext> databaseOptions, SchedulerInstance instance, TimeProvider time)
{
    /// <summary>Takes or renews the lease for <paramref name="holdFor"/>; false when another instance holds it.</summary>
    public async Task<bool> TryAcquireAsync(string name, TimeSpan holdFor, CancellationToken cancellationToken)
    {
        var now = Now;
        var until = now + holdFor;
        var owner = instance.Id;
        await using var db = Open();
        var won = await db.ScheduledPassLeases
            .Where(l => l.Name == name && (l.Owner == owner || l.Owner == null || l.LeaseUntilUtc < now))
            .ExecuteUpdateAsync(set => set
                .SetProperty(l => l.Owner, owner)
                .SetProperty(l => l.LeaseUntilUtc, until), cancellationToken);
        if (won == 1)
        {
            return true;
        }
        if (await db.ScheduledPassLeases.AnyAsync(l => l.Name == name, cancellationToken))
        {
            return false;
        }
        // The first run ever: the row is created by whoever comes first; the key refuses the second.
        db.ScheduledPassLeases.Add(new ScheduledPassLease { Name = name, Owner = owner, LeaseUntilUtc = until });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }

    /// <summary>When the pass last finished (on any instance); null if never.</summary>
    public async Task<DateTime?> LastRunAsync(string name, CancellationToken cancellationToken)
    {
        await using var db = Open();
        return await db.ScheduledPassLeases.AsNoTracking().Where(l => l.Name == name).Select(l => l.LastRunAtUtc).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Notes that the pass finished, if this instance still holds the lease.</summary>
    public async Task MarkRunAsync(string name, CancellationToken cancellationToken)
    {
        var owner = instance.Id;
        var now = Now;
        await using var db = Open();
        await db.ScheduledPassLeases.Where(l => l.Name == name && l.Owner == owner)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.LastRunAtUtc, now), cancellationToken);
    }

    /// <summary>Gives the lease up (on shutdown), so another instance takes the pass over at its next poll instead of after the lease.</summary>
    public async Task ReleaseAsync(string name, CancellationToken cancellationToken)
    {
        var owner = instance.Id;
        var now = Now;
        await using var db = Open();
        await db.ScheduledPassLeases.Where(l => l.Name == name && l.Owner == owner)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.Owner, (string?)null).SetProperty(l => l.LeaseUntilUtc, now), cancellationToken);
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private AppDbContext Open() => new(databaseOptions, UnrestrictedDataScope.Instance);
}
