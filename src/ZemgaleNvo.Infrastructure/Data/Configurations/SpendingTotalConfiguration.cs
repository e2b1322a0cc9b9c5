using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ZemgaleNvo.Domain.Agreements;

namespace ZemgaleNvo.Infrastructure.Data.Configurations;

internal sealed class SpendingTotalConfiguration : IEntityTypeConfiguration<SpendingTotal>
{
    public void Configure(EntityTypeBuilder<SpendingTotal> builder)
    {
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne(s => s.BudgetLine).WithMany().HasForeignKey(s => s.BudgetLineId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.ImplementationYearId, s.BudgetLineId }).IsUnique();
    }
}
