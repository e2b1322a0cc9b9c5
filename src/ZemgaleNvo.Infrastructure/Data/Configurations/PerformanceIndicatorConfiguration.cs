using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ZemgaleNvo.Domain.Agreements;

namespace ZemgaleNvo.Infrastructure.Data.Configurations;

internal sealed class PerformanceIndicatorConfiguration : IEntityTypeConfiguration<PerformanceIndicator>
{
    public void Configure(EntityTypeBuilder<PerformanceIndicator> builder)
    {
        builder.Property(i => i.Name).IsRequired().HasMaxLength(Limits.Title);
        builder.Property(i => i.Unit).IsRequired().HasMaxLength(Limits.ShortText);
        builder.Property(i => i.Qualifier).HasConversion<string>().HasMaxLength(Limits.Code);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasIndex(i => new { i.AgreementId, i.Ordinal }).IsUnique();
        builder.HasOne(i => i.Agreement).WithMany(a => a.PerformanceIndicators).HasForeignKey(i => i.AgreementId).OnDelete(DeleteBehavior.Restrict);
        // The admin screen removes targets itself (so the approved-year rule sees each one); the cascade only backs it up.
        builder.HasMany(i => i.Targets).WithOne(t => t.PerformanceIndicator).HasForeignKey(t => t.PerformanceIndicatorId).OnDelete(DeleteBehavior.Cascade);
        // A count that reports on an indicator keeps it: an indicator in use cannot be deleted.
        builder.HasMany<Indicator>().WithOne(c => c.PerformanceIndicator).HasForeignKey(c => c.PerformanceIndicatorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IndicatorTargetConfiguration : IEntityTypeConfiguration<IndicatorTarget>
{
    public void Configure(EntityTypeBuilder<IndicatorTarget> builder)
    {
        // One target per indicator and year.
        builder.HasIndex(t => new { t.PerformanceIndicatorId, t.ImplementationYearId }).IsUnique();
        builder.HasOne(t => t.ImplementationYear).WithMany().HasForeignKey(t => t.ImplementationYearId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t => t.HasCheckConstraint("CK_IndicatorTargets_NotNegative", "Count >= 0"));
    }
}
