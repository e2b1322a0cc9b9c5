using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Audit;
using ZemgaleNvo.Domain.Reviews;

namespace ZemgaleNvo.Infrastructure.Data;

/// <summary>
/// Turns what the change tracker is about to save into audit rows: every domain record created,
/// changed or deleted, field by field, old value to new. Identity tables (password hashes, stamps)
/// and data-protection keys are not domain records and are left out; so is the version counter.
/// </summary>
internal static class AuditCapture
{
    private const string DomainNamespace = "ZemgaleNvo.Domain";

    internal sealed record Change(EntityEntry Entry, AuditAction Action, IReadOnlyList<(string Field, string? Old, string? New)> Fields);

    public static IReadOnlyList<Change> Capture(ChangeTracker tracker)
    {
        var changes = new List<Change>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.Entity is AuditEntry || entry.Metadata.ClrType.Namespace?.StartsWith(DomainNamespace, StringComparison.Ordinal) != true)
            {
                continue;
            }
            var properties = entry.Properties.Where(Recorded).ToList();
            switch (entry.State)
            {
                case EntityState.Added:
                    // Values are read after the save (in Rows), when generated keys and defaults exist.
                    changes.Add(new Change(entry, AuditAction.Created, []));
                    break;
                case EntityState.Modified:
                    var modified = properties
                        .Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue))
                        .Select(p => (p.Metadata.Name, Text(p.OriginalValue), Text(p.CurrentValue)))
                        .ToList();
                    if (modified.Count > 0)
                    {
                        changes.Add(new Change(entry, AuditAction.Updated, modified));
                    }
                    break;
                case EntityState.Deleted:
                    changes.Add(new Change(entry, AuditAction.Deleted,
                        properties.Select(p => (p.Metadata.Name, Text(p.OriginalValue), (string?)null)).ToList()));
                    break;
            }
        }
        return changes;
    }

    /// <summary>The audit rows of captured changes; call after the changes are saved, so new records have their keys.</summary>
    public static IEnumerable<AuditEntry> Rows(IReadOnlyList<Change> changes, AuditActor actor, DateTime atUtc, IReadOnlyDictionary<EntityEntry, int?> agreements)
    {
        foreach (var change in changes)
        {
            var fields = change.Action == AuditAction.Created
                ? change.Entry.Properties
                    .Where(Recorded)
                    .Select(p => (Field: p.Metadata.Name, Old: (string?)null, New: Text(p.CurrentValue)))
                    .ToList()
                : change.Fields;
            var key = string.Join(",", change.Entry.Metadata.FindPrimaryKey()!.Properties
                .Select(p => Text(change.Entry.Property(p.Name).CurrentValue ?? change.Entry.Property(p.Name).OriginalValue)));
            foreach (var (field, old, @new) in fields)
            {
                yield return new AuditEntry
                {
                    AtUtc = atUtc,
                    UserId = actor.UserId,
                    UserName = actor.UserName,
                    RequestId = actor.RequestId,
                    Action = change.Action,
                    EntityType = change.Entry.Metadata.ClrType.Name,
                    EntityKey = key,
                    Field = field,
                    OldValue = old,
                    NewValue = @new,
                    AgreementId = agreements.GetValueOrDefault(change.Entry),
                };
            }
        }
    }

    /// <summary>
    /// Fields worth recording: not the key, not the version counter or the data stamp (bookkeeping,
    /// not content), and not binary content (a
    /// frozen report's PDF is identified by its SHA-256, which is recorded).
    /// </summary>
    private static bool Recorded(PropertyEntry property) =>
        property.Metadata.Name is not ("Version" or nameof(DelegationAgreement.DataStamp)) && !property.Metadata.IsPrimaryKey() && property.Metadata.ClrType != typeof(byte[]);

    /// <summary>
    /// Tags each row with the agreement its record belongs to, so an agreement's history can be read
    /// with one indexed query. Runs after the save, when new records have their keys.
    /// </summary>
    public static async Task<IReadOnlyDictionary<EntityEntry, int?>> ResolveAgreementsAsync(AppDbContext db, IReadOnlyList<Change> changes, CancellationToken cancellationToken)
    {
        var byEntry = new Dictionary<EntityEntry, int?>();
        var yearIds = new HashSet<int>();
        var activityIds = new HashSet<int>();
        foreach (var change in changes)
        {
            switch (change.Entry.Entity)
            {
                case Indicator indicator:
                    activityIds.Add(indicator.ActivityId);
                    break;
                case var _ when change.Entry.Metadata.FindProperty(nameof(Activity.ImplementationYearId)) is not null:
                    if (change.Entry.Property(nameof(Activity.ImplementationYearId)).CurrentValue is int yearId)
                    {
                        yearIds.Add(yearId);
                    }
                    break;
            }
        }
        var activityYears = activityIds.Count == 0 ? [] : await db.Activities.IgnoreQueryFilters()
            .Where(a => activityIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.ImplementationYearId, cancellationToken);
        yearIds.UnionWith(activityYears.Values);
        var yearAgreements = yearIds.Count == 0 ? [] : await db.ImplementationYears.IgnoreQueryFilters()
            .Where(y => yearIds.Contains(y.Id)).ToDictionaryAsync(y => y.Id, y => y.AgreementId, cancellationToken);

        foreach (var change in changes)
        {
            var entry = change.Entry;
            byEntry[entry] = entry.Entity switch
            {
                DelegationAgreement agreement => agreement.Id,
                ImplementationYear year => year.AgreementId,
                BudgetLine line => line.AgreementId,
                PerformanceIndicator indicator => indicator.AgreementId,
                ReviewNote note => note.AgreementId,
                FrozenReport report => report.AgreementId,
                Domain.Publication.SummaryPublication publication => publication.AgreementId,
                Indicator indicator => activityYears.TryGetValue(indicator.ActivityId, out var y) && yearAgreements.TryGetValue(y, out var a) ? a : null,
                // Any other record that names its agreement (records added later under an agreement).
                _ when entry.Metadata.FindProperty(nameof(BudgetLine.AgreementId)) is not null
                    && entry.Property(nameof(BudgetLine.AgreementId)).CurrentValue is int ownAgreementId => ownAgreementId,
                _ when entry.Metadata.FindProperty(nameof(Activity.ImplementationYearId)) is not null
                    && entry.Property(nameof(Activity.ImplementationYearId)).CurrentValue is int yearId
                    && yearAgreements.TryGetValue(yearId, out var agreementId) => agreementId,
                _ => null,
            };
        }
        return byEntry;
    }

    /// <summary>Culture-independent text of a value: ISO dates, invariant numbers, enum names.</summary>
    private static string? Text(object? value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
