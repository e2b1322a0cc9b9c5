using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ZemgaleNvo.Domain.Agreements;

namespace ZemgaleNvo.Infrastructure.Data.Configurations;

internal sealed class CarryOverConfiguration : IEntityTypeConfiguration<CarryOver>
{
    public void Configure(EntityTypeBuilder<CarryOver> builder)
    {
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne(c => c.BudgetLine).WithMany().HasForeignKey(c => c.BudgetLineId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.ImplementationYearId, c.BudgetLineId }).IsUnique();
        builder.ToTable(t => t.HasCheckConstraint("CK_CarryOvers_NotNegative", "AmountCents >= 0"));
    }
}
