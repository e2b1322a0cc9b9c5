using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Audit;
using ZemgaleNvo.Infrastructure.Data;

namespace ZemgaleNvo.Web.Features.Dashboard;

/// <summary>The latest audit row that touched an agreement: when, and by whom (the user name as recorded then).</summary>
public sealed record LastChange(long AuditId, DateTime AtUtc, string UserName);

/// <summary>
/// The last change of every agreement, from the audit trail. An audit row names its record only by
/// type and key (<c>"Activity"</c>, <c>"17"</c>), not by agreement, so each kind of record under an
/// agreement is joined back to its agreement through its own table, using the trail's
/// (EntityType, EntityKey) index; the highest audit id per agreement is its latest change (ids grow
/// with every save).
/// </summary>
/// <remarks>
/// <para>Records the application deletes outright (reallocations, carry-overs, line totals,
/// indicators) are no longer in their tables; their deletion is found through the audit row of
/// their parent key (<c>ImplementationYearId</c>, <c>ActivityId</c>), which a deletion records
/// with the old value. Soft-deleted results and spending entries stay in their tables and are
/// found like live ones.</para>
/// <para>Limitations: a change to the performer organisation or the region records (a renamed
/// NGO) is not counted as a change of the agreement. A kind of record added under an agreement
/// later must be added to <see cref="CoveredEntityTypes"/> and to the query; the dashboard tests
/// compare that list with the entity types carrying the organisation filter.</para>
/// </remarks>
public static class LastChangeQuery
{
    /// <summary>Every kind of record whose audit rows count as a change of the agreement it belongs to.</summary>
    public static IReadOnlyList<string> CoveredEntityTypes { get; } =
    [
        nameof(DelegationAgreement), nameof(ImplementationYear), nameof(BudgetLine), nameof(PlannedAmount),
        nameof(Activity), nameof(Indicator), nameof(SpendingEntry), nameof(SpendingTotal), nameof(Reallocation),
        nameof(CarryOver), nameof(NonCompliantExpenditure),
    ];

    /// <summary>The records the application removes from their table (not soft-deleted), by the key naming their year.</summary>
    private static readonly string[] DeletedUnderYear = [nameof(Reallocation), nameof(CarryOver), nameof(SpendingTotal)];

    /// <summary>Agreement id → its latest change; agreements without any audit row are missing.</summary>
    public static async Task<IReadOnlyDictionary<int, LastChange>> RunAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        // Deleted results and spending entries still belong to their agreement: deleting one (and
        // taking it back) is a change. Only that filter is lifted; the organisation filter stays.
        string[] softDelete = [AppDbContext.SoftDeleteFilter];

        var touches =
            Touches(db, nameof(DelegationAgreement), db.Agreements.Select(a => new Owned { Key = a.Id, AgreementId = a.Id }))
            .Concat(Touches(db, nameof(ImplementationYear), db.ImplementationYears.Select(y => new Owned { Key = y.Id, AgreementId = y.AgreementId })))
            .Concat(Touches(db, nameof(BudgetLine), db.BudgetLines.Select(l => new Owned { Key = l.Id, AgreementId = l.AgreementId })))
            .Concat(Touches(db, nameof(PlannedAmount), db.PlannedAmounts.Select(p => new Owned { Key = p.Id, AgreementId = p.ImplementationYear!.AgreementId })))
            .Concat(Touches(db, nameof(Activity), db.Activities.IgnoreQueryFilters(softDelete).Select(a => new Owned { Key = a.Id, AgreementId = a.ImplementationYear!.AgreementId })))
            .Concat(Touches(db, nameof(Indicator), db.Indicators.IgnoreQueryFilters(softDelete).Select(i => new Owned { Key = i.Id, AgreementId = i.Activity!.ImplementationYear!.AgreementId })))
            .Concat(Touches(db, nameof(SpendingEntry), db.SpendingEntries.IgnoreQueryFilters(softDelete).Select(s => new Owned { Key = s.Id, AgreementId = s.ImplementationYear!.AgreementId })))
            .Concat(Touches(db, nameof(SpendingTotal), db.SpendingTotals.Select(s => new Owned { Key = s.Id, AgreementId = s.ImplementationYear!.AgreementId })))
            .Concat(Touches(db, nameof(Reallocation), db.Reallocations.Select(r => new Owned { Key = r.Id, AgreementId = r.ImplementationYear!.AgreementId })))
            .Concat(Touches(db, nameof(CarryOver), db.CarryOvers.Select(c => new Owned { Key = c.Id, AgreementId = c.ImplementationYear!.AgreementId })))
            .Concat(Touches(db, nameof(NonCompliantExpenditure), db.NonCompliantExpenditures.Select(n => new Owned { Key = n.Id, AgreementId = n.ImplementationYear!.AgreementId })))
            .Concat(DeletionsUnder(db, DeletedUnderYear, nameof(Activity.ImplementationYearId),
                db.ImplementationYears.Select(y => new Owned { Key = y.Id, AgreementId = y.AgreementId })))
            .Concat(DeletionsUnder(db, [nameof(Indicator)], nameof(Indicator.ActivityId),
                db.Activities.IgnoreQueryFilters(softDelete).Select(a => new Owned { Key = a.Id, AgreementId = a.ImplementationYear!.AgreementId })));

        var latest = await touches
            .GroupBy(t => t.AgreementId)
            .Select(g => new { AgreementId = g.Key, AuditId = g.Max(t => t.AuditId) })
            .ToListAsync(cancellationToken);
        var ids = latest.Select(l => l.AuditId).ToList();
        var rows = await db.AuditEntries
            .Where(e => ids.Contains(e.Id))
            .Select(e => new LastChange(e.Id, e.AtUtc, e.UserName))
            .ToDictionaryAsync(e => e.AuditId, cancellationToken);
        return latest.ToDictionary(l => l.AgreementId, l => rows[l.AuditId]);
    }

    /// <summary>A record's key and the agreement it belongs to. A class with setters, not a positional record: EF translates member access on it.</summary>
    private sealed class Owned
    {
        public int Key { get; init; }
        public int AgreementId { get; init; }
    }

    private sealed class Touch
    {
        public int AgreementId { get; init; }
        public long AuditId { get; init; }
    }

    // int.ToString() below is never run in .NET: EF turns it into the database's own conversion
    // (CAST(Id AS TEXT)), which is culture-independent, like the invariant text the audit trail stores.
#pragma warning disable CA1305

    /// <summary>Audit rows of one kind of record, each with the agreement its record belongs to.</summary>
    private static IQueryable<Touch> Touches(AppDbContext db, string entityType, IQueryable<Owned> owned) =>
        from o in owned
        join e in db.AuditEntries.Where(e => e.EntityType == entityType) on o.Key.ToString() equals e.EntityKey
        select new Touch { AgreementId = o.AgreementId, AuditId = e.Id };

    /// <summary>Deletions of records no longer in their table, through the parent key the deletion recorded.</summary>
    private static IQueryable<Touch> DeletionsUnder(AppDbContext db, string[] entityTypes, string parentKeyField, IQueryable<Owned> parents) =>
        from e in db.AuditEntries.Where(e => entityTypes.Contains(e.EntityType) && e.Action == AuditAction.Deleted && e.Field == parentKeyField)
        join p in parents on e.OldValue equals p.Key.ToString()
        select new Touch { AgreementId = p.AgreementId, AuditId = e.Id };
#pragma warning restore CA1305
}

/// <summary>
/// The last-change map, reused while the audit trail's last row is unchanged (the same stamp as
/// <see cref="Reports.SummaryReportCache"/>). Without it every dashboard view would join the whole
/// audit trail; with it, only the first view after a change does.
/// </summary>
/// <remarks>
/// The map is kept with the organisation scope it was computed under, so a map computed under one
/// scope is never handed to another (the dashboard is for unrestricted users only, but the cache
/// does not rely on that). It only maps ids to timestamps: the page looks up the agreements its own
/// filtered query returned, so it cannot reveal an agreement.
/// </remarks>
public sealed class LastChangeCache
{
    private sealed record Entry(long Stamp, int? Scope, IReadOnlyDictionary<int, LastChange> Changes);

    private volatile Entry? _entry;

    public async Task<IReadOnlyDictionary<int, LastChange>> GetAsync(AppDbContext db, IDataScope scope, long stamp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var organisation = scope.RestrictToOrganisationId;
        if (_entry is { } entry && entry.Stamp == stamp && entry.Scope == organisation)
        {
            return entry.Changes;
        }
        var changes = await LastChangeQuery.RunAsync(db, cancellationToken);
        _entry = new Entry(stamp, organisation, changes);
        return changes;
    }
}
