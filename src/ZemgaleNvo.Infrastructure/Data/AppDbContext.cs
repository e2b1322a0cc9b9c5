using System.Linq.Expressions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using ZemgaleNvo.Domain;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Audit;
using ZemgaleNvo.Domain.Organisations;
using ZemgaleNvo.Domain.Reviews;
using ZemgaleNvo.Infrastructure.Data.Configurations;
using ZemgaleNvo.Infrastructure.Identity;

namespace ZemgaleNvo.Infrastructure.Data;

/// <summary>The one database context: domain tables, Identity and data-protection keys.</summary>
/// <remarks>
/// The data scope is a required argument on purpose: with an optional one, the DI container created
/// the context without it and the organisation filter silently let everything through.
/// </remarks>
public class AppDbContext(DbContextOptions<AppDbContext> options, IDataScope dataScope)
    : IdentityDbContext<AppUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    // Read by the query filters each time a query runs (EF turns context members into query
    // parameters), not once at construction: Identity's cookie validation can create the context
    // before the request's user is known.
    private int? ScopeOrganisationId => dataScope.RestrictToOrganisationId;

    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<DelegationAgreement> Agreements => Set<DelegationAgreement>();
    public DbSet<ImplementationYear> ImplementationYears => Set<ImplementationYear>();
    public DbSet<BudgetLine> BudgetLines => Set<BudgetLine>();
    public DbSet<PlannedAmount> PlannedAmounts => Set<PlannedAmount>();
    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<PerformanceIndicator> PerformanceIndicators => Set<PerformanceIndicator>();
    public DbSet<IndicatorTarget> IndicatorTargets => Set<IndicatorTarget>();
    public DbSet<SpendingEntry> SpendingEntries => Set<SpendingEntry>();
    public DbSet<SpendingTotal> SpendingTotals => Set<SpendingTotal>();
    public DbSet<Reallocation> Reallocations => Set<Reallocation>();
    public DbSet<CarryOver> CarryOvers => Set<CarryOver>();
    public DbSet<NonCompliantExpenditure> NonCompliantExpenditures => Set<NonCompliantExpenditure>();
    public DbSet<NonCompliantRecovery> NonCompliantRecoveries => Set<NonCompliantRecovery>();
    public DbSet<Domain.Checks.FindingExplanation> FindingExplanations => Set<Domain.Checks.FindingExplanation>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ReviewNote> ReviewNotes => Set<ReviewNote>();
    public DbSet<FrozenReport> FrozenReports => Set<FrozenReport>();
    public DbSet<AuditChainHead> AuditChainHeads => Set<AuditChainHead>();
    public DbSet<Domain.Publication.SummaryPublication> SummaryPublications => Set<Domain.Publication.SummaryPublication>();
    public DbSet<Domain.Evidence.EvidenceFile> EvidenceFiles => Set<Domain.Evidence.EvidenceFile>();
    public DbSet<Evidence.EvidenceBlob> EvidenceBlobs => Set<Evidence.EvidenceBlob>();
    public DbSet<Notifications.OutboxMessage> OutboxMessages => Set<Notifications.OutboxMessage>();
    public DbSet<Notifications.ScheduledPassLease> ScheduledPassLeases => Set<Notifications.ScheduledPassLease>();
    public DbSet<SignInTicket> SignInTickets => Set<SignInTicket>();

    /// <summary>The name of the query filter that limits restricted users to their organisation.</summary>
    public const string OrganisationFilter = "Organisation";

    /// <summary>
    /// The name of the query filter that hides deleted (undoable) records. Only the undo needs to
    /// ignore it, and it ignores this one alone: <c>IgnoreQueryFilters([SoftDeleteFilter])</c>.
    /// </summary>
    public const string SoftDeleteFilter = "SoftDelete";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        // Defence in depth: whatever a controller forgets, a restricted user's queries only see
        // their own organisation's agreements and everything that hangs under them. Every entity
        // under an agreement gets the filter, so no required navigation points at a hidden row.
        builder.Entity<DelegationAgreement>().HasQueryFilter(OrganisationFilter, a =>
            ScopeOrganisationId == null || a.PerformerId == ScopeOrganisationId);
        builder.Entity<ImplementationYear>().HasQueryFilter(OrganisationFilter, y =>
            ScopeOrganisationId == null || y.Agreement!.PerformerId == ScopeOrganisationId);
        builder.Entity<BudgetLine>().HasQueryFilter(OrganisationFilter, l =>
            ScopeOrganisationId == null || l.Agreement!.PerformerId == ScopeOrganisationId);
        builder.Entity<PlannedAmount>().HasQueryFilter(OrganisationFilter, p =>
            ScopeOrganisationId == null || p.ImplementationYear!.Agreement!.PerformerId == ScopeOrganisationId);
        builder.Entity<Activity>().HasQueryFilter(OrganisationFilter, a =>
            ScopeOrganisationId == null || a.ImplementationYear!.Agreement!.PerformerId == ScopeOrganisationId);
        builder.Entity<Indicator>().HasQueryFilter(OrganisationFilter, i =>
            ScopeOrganisationId == null || i.Activity!.ImplementationYear!.Agreement!.PerformerId == ScopeOrganisationId);
        builder.Entity<PerformanceIndicator>().HasQueryFilter(OrganisationFilter, i =>
            ScopeOrganisationId == null || i.Agreement!.PerformerId == ScopeOrganisationId);
        builder.Entity<IndicatorTarget>().HasQueryFilter(OrganisationFilter, t =>
            ScopeOrganisationId == null || t.ImplementationYear!.Agreement!.PerformerId == ScopeOrganisationId);
        builder.Entity<SpendingEntry>().HasQueryFilter(OrganisationFilter, s =>
            ScopeOrganisationId == null || s.ImplementationYear!.Agreement!.PerformerId == ScopeOrganisationId);
        builder.Entity<SpendingTotal>().HasQueryFilter(OrganisationFilter, s =>
            ScopeOrganisationId == null || s.ImplementationYear!.Agreement!.PerformerId == ScopeOrganisationId);
        builder.Entity<Reallocation>().HasQueryFilter(OrganisationFilter, r =>
            ScopeOrganisationId == null || r.ImplementationYear!.Agreement!.PerformerId == ScopeOrganisationId);
        builder.Entity<CarryOver>().HasQueryFilter(OrganisationFilter, c =>
            ScopeOrganisationId == null || c.ImplementationYear!.Agreement!.PerformerId == ScopeOrganisationId);
        builder.Entity<NonCompliantExpenditure>().HasQueryFilter(OrganisationFilter, n =>
            ScopeOrganisationId == null || n.ImplementationYear!.Agreement!.PerformerId == ScopeOrganisationId);
        builder.Entity<NonCompliantRecovery>().HasQueryFilter(OrganisationFilter, r =>
            ScopeOrganisationId == null || r.ImplementationYear!.Agreement!.PerformerId == ScopeOrganisationId);
        builder.Entity<Domain.Checks.FindingExplanation>().HasQueryFilter(OrganisationFilter, e =>
            ScopeOrganisationId == null || e.ImplementationYear!.Agreement!.PerformerId == ScopeOrganisationId);

        builder.Entity<ReviewNote>().HasQueryFilter(OrganisationFilter, n =>
            ScopeOrganisationId == null || n.Agreement!.PerformerId == ScopeOrganisationId);
        builder.Entity<FrozenReport>().HasQueryFilter(OrganisationFilter, r =>
            ScopeOrganisationId == null || r.Agreement!.PerformerId == ScopeOrganisationId);
        builder.Entity<Domain.Publication.SummaryPublication>().HasQueryFilter(OrganisationFilter, p =>
            ScopeOrganisationId == null || p.Agreement!.PerformerId == ScopeOrganisationId);
        builder.Entity<AgreementFigures>().HasQueryFilter(OrganisationFilter, f =>
            ScopeOrganisationId == null || f.Agreement!.PerformerId == ScopeOrganisationId);
        builder.Entity<YearFigures>().HasQueryFilter(OrganisationFilter, f =>
            ScopeOrganisationId == null || f.Agreement!.PerformerId == ScopeOrganisationId);

        // Deleted results and spending entries stay in the table so they can be taken back; the
        // pages, the reports and the arithmetic never see them.
        builder.Entity<Activity>().HasQueryFilter(SoftDeleteFilter, a => a.DeletedAtUtc == null);
        builder.Entity<SpendingEntry>().HasQueryFilter(SoftDeleteFilter, s => s.DeletedAtUtc == null);

        // Evidence files hang under a year like results and spending: filtered and undoable alike.
        builder.Entity<Domain.Evidence.EvidenceFile>().HasQueryFilter(OrganisationFilter, f =>
            ScopeOrganisationId == null || f.ImplementationYear!.Agreement!.PerformerId == ScopeOrganisationId);
        builder.Entity<Domain.Evidence.EvidenceFile>().HasQueryFilter(SoftDeleteFilter, f => f.DeletedAtUtc == null);
    }

    /// <summary>
    /// Starts a transaction that holds the year's row for writing until it ends. Changes that read a
    /// strand's numbers and write new ones (add, move to another strand, delete, undo, reorder) take
    /// turns under it: otherwise two results saved into one strand at the same instant both read the
    /// same last number and both get the next.
    /// </summary>
    public Task<IDbContextTransaction> BeginYearWriteAsync(int yearId, CancellationToken cancellationToken) =>
        BeginRowWriteAsync(ImplementationYears.Where(y => y.Id == yearId), y => y.Number, cancellationToken);

    /// <summary>
    /// The same for an agreement's budget lines, which are numbered within the agreement (adding,
    /// deleting and reordering lines read the numbers and write new ones).
    /// </summary>
    public Task<IDbContextTransaction> BeginAgreementWriteAsync(int agreementId, CancellationToken cancellationToken) =>
        BeginRowWriteAsync(Agreements.Where(a => a.Id == agreementId), a => a.Version, cancellationToken);

    /// <summary>
    /// A transaction that first updates the row to what it already is: that takes the row's write
    /// lock on either provider (SQLite's database write lock, SQL Server's row lock) and holds it to
    /// the end, so a second request doing the same waits. It bypasses
    /// <see cref="SaveChangesAsync(bool, CancellationToken)"/>: no audit row, no new version.
    /// </summary>
    private async Task<IDbContextTransaction> BeginRowWriteAsync<TRow>(IQueryable<TRow> row, Expression<Func<TRow, int>> column, CancellationToken cancellationToken)
    {
        var transaction = await Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await row.ExecuteUpdateAsync(set => set.SetProperty(column, column), cancellationToken);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>
    /// Saves the changes, their audit rows and the changed agreements' data stamps in one transaction. Keys of new records exist only
    /// after the first save, so the audit rows follow in a second save inside the same transaction:
    /// either both are committed or neither.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseAuditRewrites();
        BumpVersions();
        await FrozenRecords.RefuseChangesAsync(this, cancellationToken);
        var changes = AuditCapture.Capture(ChangeTracker);
        // Rows the application adds itself (sign-ins, denied access) join the chain with the captured ones.
        var direct = ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (changes.Count == 0 && direct.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        foreach (var row in direct)
        {
            Entry(row).State = EntityState.Detached;
        }

        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            var agreements = await AuditCapture.ResolveAgreementsAsync(this, changes, cancellationToken);
            var rows = AuditCapture.Rows(changes, dataScope.Actor, DateTime.UtcNow, agreements).ToList();
            rows.AddRange(direct);
            var sequence = await AppendToChainAsync(rows, cancellationToken);
            var stamped = await AgreementStamps.StampAsync(this, changes, agreements, sequence, cancellationToken);
            if (rows.Count >= AuditBulkInsert.Threshold)
            {
                // Thousands of rows (an import): one reused INSERT, not thousands of tracked entities.
                await AuditBulkInsert.InsertAsync(this, rows, cancellationToken);
            }
            else
            {
                AuditEntries.AddRange(rows);
            }
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            // The dashboard's kept figures of the stamped agreements, their last change (the rows just written) included.
            if (stamped is null || stamped.Count > 0)
            {
                await KeptFigures.RefreshAsync(this, stamped, cancellationToken);
                await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }
            return saved + direct.Count;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Numbers and hashes new audit rows after the chain's current end. The head row is updated
    /// first, which locks it until the transaction ends: two saves cannot both extend the same end.
    /// </summary>
    /// <returns>The chain's sequence number after these rows (the agreements' data stamp).</returns>
    private async Task<long> AppendToChainAsync(List<AuditEntry> rows, CancellationToken cancellationToken)
    {
        await AuditChainHeads.Where(h => h.Id == AuditChainHead.SingletonId)
            .ExecuteUpdateAsync(h => h.SetProperty(x => x.LastSequence, x => x.LastSequence), cancellationToken);
        var head = await AuditChainHeads.AsNoTracking().SingleAsync(h => h.Id == AuditChainHead.SingletonId, cancellationToken);
        var end = new AuditChainEnd(head.LastSequence, head.LastHash);
        foreach (var row in rows)
        {
            end = end.Extend(row);
        }
        await AuditChainHeads.Where(h => h.Id == AuditChainHead.SingletonId)
            .ExecuteUpdateAsync(h => h.SetProperty(x => x.LastSequence, end.Sequence).SetProperty(x => x.LastHash, end.Hash), cancellationToken);
        return end.Sequence;
    }

    /// <summary>The application only ever adds audit rows; the database triggers say the same.</summary>
    private void RefuseAuditRewrites()
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException(AuditTriggers.Message);
        }
    }

    /// <summary>
    /// Every modified versioned record gets the next version; EF checks the original version in the
    /// UPDATE's WHERE clause, so a save based on a stale copy affects no row and is refused.
    /// </summary>
    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            // A new position in a numbered list is not a change of content: renumbering a strand
            // after a delete or a move must not make a colleague's open edit form look stale.
            if (entry.State == EntityState.Modified && entry.Properties.Any(p => p.IsModified && p.Metadata.Name != "Ordinal"))
            {
                entry.Entity.Version = entry.Property(e => e.Version).OriginalValue + 1;
            }
        }
    }
}
