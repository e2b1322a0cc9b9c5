using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using ZemgaleNvo.Domain.Organisations;

namespace ZemgaleNvo.Infrastructure.Data;

/// <summary>
/// The one place that decides which agreements a save changes the reports of, and stamps them
/// (<see cref="Domain.Agreements.DelegationAgreement.DataStamp"/>) in the save's transaction.
/// </summary>
/// <remarks>
/// <para>It works from the audit capture, not from a list of entity types: every domain record the
/// save creates, changes or deletes is captured, and <see cref="AuditCapture.ResolveAgreementsAsync"/>
/// already finds the agreement each one belongs to (directly, through its year or its result, or
/// through any <c>AgreementId</c> it has). A record added later under a year or an agreement is
/// therefore stamped without this class knowing it.</para>
/// <para>What belongs to no agreement but is printed in reports: an organisation (the performer's
/// name) stamps the agreements it performs; a region (its name, and the region list the consistency
/// checks read) stamps every agreement. Any other domain record with no agreement stamps every
/// agreement too: it may be shared data a report reads, and a needless refresh is cheaper than a
/// stale report. Such changes are rare admin actions.</para>
/// <para>The stamp is the audit chain's sequence number after the save: it only grows, across all
/// agreements, so a stamp is never reused for other data, even after an agreement is deleted and
/// another takes its id. (A save whose changes wrote no audit row leaves the sequence where it was;
/// the stamp then still goes up by one, so it always changes.)</para>
/// </remarks>
internal static class AgreementStamps
{
    /// <returns>What was stamped: the agreements' ids, none (an empty set), or every agreement (null).</returns>
    public static async Task<IReadOnlyCollection<int>?> StampAsync(
        AppDbContext db, IReadOnlyList<AuditCapture.Change> changes, IReadOnlyDictionary<EntityEntry, int?> agreements,
        long stamp, CancellationToken cancellationToken)
    {
        if (changes.Count == 0)
        {
            return [];
        }
        var stamped = new HashSet<int>();
        var performers = new HashSet<int>();
        var everything = false;
        foreach (var change in changes)
        {
            if (agreements.GetValueOrDefault(change.Entry) is { } agreementId)
            {
                stamped.Add(agreementId);
                continue;
            }
            switch (change.Entry.Entity)
            {
                case Organisation organisation:
                    performers.Add(organisation.Id);
                    break;
                default:
                    everything = true;
                    break;
            }
        }

        // Past the organisation filter: a save by one organisation's staff must still stamp what it changed.
        var all = db.Agreements.IgnoreQueryFilters();
        if (everything)
        {
            await all.ExecuteUpdateAsync(set => set.SetProperty(a => a.DataStamp, a => a.DataStamp < stamp ? stamp : a.DataStamp + 1), cancellationToken);
            return null;
        }
        if (performers.Count > 0)
        {
            stamped.UnionWith(await all.Where(a => performers.Contains(a.PerformerId)).Select(a => a.Id).ToListAsync(cancellationToken));
        }
        if (stamped.Count > 0)
        {
            await all.Where(a => stamped.Contains(a.Id))
                .ExecuteUpdateAsync(set => set.SetProperty(a => a.DataStamp, a => a.DataStamp < stamp ? stamp : a.DataStamp + 1), cancellationToken);
        }
        return stamped;
    }
}
