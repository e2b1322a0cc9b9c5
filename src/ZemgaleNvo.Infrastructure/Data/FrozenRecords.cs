using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Entry;
using ZemgaleNvo.Domain.Reviews;

namespace ZemgaleNvo.Infrastructure.Data;

/// <summary>
/// Approved means frozen, in the data layer and not only in the pages: a save that would add,
/// change or remove anything of an approved year (its results, indicators, spending, plan,
/// reallocations, carry-overs, evaluation), or the other information of an approved
/// summary, is refused before it reaches the database. The status itself may still change: that is
/// how an admin reopens a year, and the workflow decides who may. What counts as frozen is
/// <see cref="FrozenData"/>'s one rule, which the forms use too.
/// </summary>
internal static class FrozenRecords
{
    private static readonly HashSet<string> StatusFieldsOfYear = [nameof(ImplementationYear.Status), nameof(ImplementationYear.Version)];
    private static readonly HashSet<string> StatusFieldsOfAgreement = [nameof(DelegationAgreement.SummaryStatus), nameof(DelegationAgreement.Version)];

    public static async Task RefuseChangesAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var yearIds = new HashSet<int>();
        var activityIds = new HashSet<int>();
        var agreementIds = new HashSet<int>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            switch (entry.Entity)
            {
                case ImplementationYear year:
                    if (entry.State != EntityState.Added && entry.Properties.Any(p => p.IsModified && !StatusFieldsOfYear.Contains(p.Metadata.Name)) || entry.State == EntityState.Deleted)
                    {
                        yearIds.Add(year.Id);
                    }
                    break;
                case DelegationAgreement agreement:
                    if (entry.State == EntityState.Modified && entry.Properties.Any(p => p.IsModified && !StatusFieldsOfAgreement.Contains(p.Metadata.Name)))
                    {
                        agreementIds.Add(agreement.Id);
                    }
                    break;
                case NonCompliantExpenditure or NonCompliantRecovery:
                    // The ministry's own finding about the year, recorded after its supervision: it may
                    // come after the approval, and it leaves the approved report (stored frozen) as it was.
                    break;
                case Indicator indicator:
                    activityIds.Add(indicator.ActivityId);
                    if (entry.State != EntityState.Added)
                    {
                        activityIds.Add(entry.Property(nameof(Indicator.ActivityId)).OriginalValue is int original ? original : indicator.ActivityId);
                    }
                    break;
                default:
                    if (entry.Metadata.FindProperty(nameof(Activity.ImplementationYearId)) is not null)
                    {
                        var property = entry.Property(nameof(Activity.ImplementationYearId));
                        if (property.CurrentValue is int current)
                        {
                            yearIds.Add(current);
                        }
                        if (entry.State != EntityState.Added && property.OriginalValue is int original)
                        {
                            yearIds.Add(original);
                        }
                    }
                    break;
            }
        }
        // Ids of records added in this same save are still temporary (negative or zero): nothing stored to protect.
        activityIds.RemoveWhere(id => id <= 0);
        if (activityIds.Count > 0)
        {
            var activityYears = await db.Activities.IgnoreQueryFilters().Where(a => activityIds.Contains(a.Id)).Select(a => a.ImplementationYearId).ToListAsync(cancellationToken);
            yearIds.UnionWith(activityYears);
        }
        yearIds.RemoveWhere(id => id <= 0);
        if (yearIds.Count > 0)
        {
            var statuses = await db.ImplementationYears.IgnoreQueryFilters()
                .Where(y => yearIds.Contains(y.Id))
                .Select(y => new { y.Number, y.Status }).ToListAsync(cancellationToken);
            var approved = statuses.Where(y => FrozenData.IsFrozen(y.Status)).Select(y => y.Number).ToList();
            if (approved.Count > 0)
            {
                throw new FrozenRecordException($"Implementation year {string.Join(", ", approved)} is approved; its data cannot be changed.");
            }
        }
        if (agreementIds.Count > 0
            && (await db.Agreements.IgnoreQueryFilters().Where(a => agreementIds.Contains(a.Id)).Select(a => a.SummaryStatus).ToListAsync(cancellationToken))
                .Exists(FrozenData.IsFrozen))
        {
            throw new FrozenRecordException("The summary is approved; the agreement's other information cannot be changed.");
        }
    }
}
