using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ZemgaleNvo.Domain.Agreements;

namespace ZemgaleNvo.Infrastructure.Data.Configurations;

internal sealed class PlannedAmountConfiguration : IEntityTypeConfiguration<PlannedAmount>
{
    public void Configure(EntityTypeBuilder<PlannedAmount> builder)
    {
        // One planned amount per line and year.
        builder.HasIndex(p => new { p.BudgetLineId, p.ImplementationYearId }).IsUnique();
        builder.ToTable(t => t.HasCheckConstraint("CK_PlannedAmounts_NotNegative", "AmountCents >= 0"));
    }
}
