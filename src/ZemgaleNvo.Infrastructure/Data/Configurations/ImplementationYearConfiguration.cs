using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ZemgaleNvo.Domain.Agreements;

namespace ZemgaleNvo.Infrastructure.Data.Configurations;

internal sealed class ImplementationYearConfiguration : IEntityTypeConfiguration<ImplementationYear>
{
    public void Configure(EntityTypeBuilder<ImplementationYear> builder)
    {
        builder.Property(y => y.Status).HasConversion<string>().HasMaxLength(Limits.Code);
        builder.Property(y => y.EvaluationText).HasMaxLength(Limits.LongText);
        builder.Property(y => y.Version).IsConcurrencyToken();
        builder.Ignore(y => y.Period);
        builder.HasIndex(y => new { y.AgreementId, y.Number }).IsUnique();
        // Reports number years I, II, … and split periods by these dates: nonsense here would break every report.
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_ImplementationYears_NumberFromOne", "Number >= 1");
            t.HasCheckConstraint("CK_ImplementationYears_EndNotBeforeStart", "EndDate >= StartDate");
        });

        // A year's reporting is deleted with nothing: history must survive, so every child is Restrict.
        builder.HasMany(y => y.Activities).WithOne(a => a.ImplementationYear).HasForeignKey(a => a.ImplementationYearId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(y => y.PlannedAmounts).WithOne(p => p.ImplementationYear).HasForeignKey(p => p.ImplementationYearId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(y => y.SpendingEntries).WithOne(s => s.ImplementationYear).HasForeignKey(s => s.ImplementationYearId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(y => y.SpendingTotals).WithOne(s => s.ImplementationYear).HasForeignKey(s => s.ImplementationYearId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(y => y.Reallocations).WithOne(r => r.ImplementationYear).HasForeignKey(r => r.ImplementationYearId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(y => y.CarryOvers).WithOne(c => c.ImplementationYear).HasForeignKey(c => c.ImplementationYearId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(y => y.NonCompliantExpenditures).WithOne(n => n.ImplementationYear).HasForeignKey(n => n.ImplementationYearId).OnDelete(DeleteBehavior.Restrict);
    }
}
