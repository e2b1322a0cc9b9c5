using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Domain;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Organisations;
using ZemgaleNvo.Infrastructure.Identity;

namespace ZemgaleNvo.Infrastructure.Data;

/// <summary>The one database context: domain tables, Identity and data-protection keys.</summary>
public class AppDbContext(DbContextOptions<AppDbContext> options, IDataScope? dataScope = null)
    : IdentityDbContext<AppUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    // Read by the query filters at query time (EF parameterises context members), so one model
    // serves every user.
    private readonly int? _restrictToOrganisationId = (dataScope ?? UnrestrictedDataScope.Instance).RestrictToOrganisationId;

    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<DelegationAgreement> Agreements => Set<DelegationAgreement>();
    public DbSet<ImplementationYear> ImplementationYears => Set<ImplementationYear>();
    public DbSet<BudgetLine> BudgetLines => Set<BudgetLine>();
    public DbSet<PlannedAmount> PlannedAmounts => Set<PlannedAmount>();
    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<SpendingEntry> SpendingEntries => Set<SpendingEntry>();
    public DbSet<SpendingTotal> SpendingTotals => Set<SpendingTotal>();
    public DbSet<Reallocation> Reallocations => Set<Reallocation>();
    public DbSet<CarryOver> CarryOvers => Set<CarryOver>();
    public DbSet<NonCompliantExpenditure> NonCompliantExpenditures => Set<NonCompliantExpenditure>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        // Defence in depth: whatever a controller forgets, a restricted user's queries only see
        // their own organisation's agreements and everything that hangs under them. Every entity
        // under an agreement gets the filter, so no required navigation points at a hidden row.
        builder.Entity<DelegationAgreement>().HasQueryFilter(a =>
            _restrictToOrganisationId == null || a.PerformerId == _restrictToOrganisationId);
        builder.Entity<ImplementationYear>().HasQueryFilter(y =>
            _restrictToOrganisationId == null || y.Agreement!.PerformerId == _restrictToOrganisationId);
        builder.Entity<BudgetLine>().HasQueryFilter(l =>
            _restrictToOrganisationId == null || l.Agreement!.PerformerId == _restrictToOrganisationId);
        builder.Entity<PlannedAmount>().HasQueryFilter(p =>
            _restrictToOrganisationId == null || p.ImplementationYear!.Agreement!.PerformerId == _restrictToOrganisationId);
        builder.Entity<Activity>().HasQueryFilter(a =>
            _restrictToOrganisationId == null || a.ImplementationYear!.Agreement!.PerformerId == _restrictToOrganisationId);
        builder.Entity<Indicator>().HasQueryFilter(i =>
            _restrictToOrganisationId == null || i.Activity!.ImplementationYear!.Agreement!.PerformerId == _restrictToOrganisationId);
        builder.Entity<SpendingEntry>().HasQueryFilter(s =>
            _restrictToOrganisationId == null || s.ImplementationYear!.Agreement!.PerformerId == _restrictToOrganisationId);
        builder.Entity<SpendingTotal>().HasQueryFilter(s =>
            _restrictToOrganisationId == null || s.ImplementationYear!.Agreement!.PerformerId == _restrictToOrganisationId);
        builder.Entity<Reallocation>().HasQueryFilter(r =>
            _restrictToOrganisationId == null || r.ImplementationYear!.Agreement!.PerformerId == _restrictToOrganisationId);
        builder.Entity<CarryOver>().HasQueryFilter(c =>
            _restrictToOrganisationId == null || c.ImplementationYear!.Agreement!.PerformerId == _restrictToOrganisationId);
        builder.Entity<NonCompliantExpenditure>().HasQueryFilter(n =>
            _restrictToOrganisationId == null || n.ImplementationYear!.Agreement!.PerformerId == _restrictToOrganisationId);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Every modified versioned record gets the next version; EF checks the original version in the
    /// UPDATE's WHERE clause, so a save based on a stale copy affects no row and is refused.
    /// </summary>
    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Modified)
            {
                entry.Entity.Version = entry.Property(e => e.Version).OriginalValue + 1;
            }
        }
    }
}
