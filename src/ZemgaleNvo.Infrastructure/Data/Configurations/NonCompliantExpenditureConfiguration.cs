using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ZemgaleNvo.Domain.Agreements;

namespace ZemgaleNvo.Infrastructure.Data.Configurations;

internal sealed class NonCompliantExpenditureConfiguration : IEntityTypeConfiguration<NonCompliantExpenditure>
{
    public void Configure(EntityTypeBuilder<NonCompliantExpenditure> builder)
    {
        builder.Property(n => n.Reason).IsRequired().HasMaxLength(Limits.ShortText * 5);
        builder.Property(n => n.Version).IsConcurrencyToken();
        builder.Ignore(n => n.UnrecoveredCents);
        builder.HasOne(n => n.BudgetLine).WithMany().HasForeignKey(n => n.BudgetLineId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(n => n.DecisionReference).HasMaxLength(Limits.ShortText);
        builder.Property(n => n.RecordedByName).HasMaxLength(Limits.Name);
        builder.HasMany(n => n.Recoveries).WithOne(r => r.NonCompliantExpenditure).HasForeignKey(r => r.NonCompliantExpenditureId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class NonCompliantRecoveryConfiguration : IEntityTypeConfiguration<NonCompliantRecovery>
{
    public void Configure(EntityTypeBuilder<NonCompliantRecovery> builder)
    {
        builder.Property(r => r.Reference).IsRequired().HasMaxLength(Limits.ShortText);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne(r => r.ImplementationYear).WithMany().HasForeignKey(r => r.ImplementationYearId).OnDelete(DeleteBehavior.Restrict);
    }
}
