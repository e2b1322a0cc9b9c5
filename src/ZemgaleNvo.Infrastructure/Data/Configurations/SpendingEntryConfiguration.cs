using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ZemgaleNvo.Domain.Agreements;

namespace ZemgaleNvo.Infrastructure.Data.Configurations;

internal sealed class SpendingEntryConfiguration : IEntityTypeConfiguration<SpendingEntry>
{
    public void Configure(EntityTypeBuilder<SpendingEntry> builder)
    {
        builder.Property(s => s.Description).IsRequired().HasMaxLength(Limits.ShortText);
        builder.Property(s => s.Supplier).HasMaxLength(Limits.ShortText);
        builder.Property(s => s.DocumentNumber).HasMaxLength(Limits.Code);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne(s => s.BudgetLine).WithMany().HasForeignKey(s => s.BudgetLineId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.ImplementationYearId, s.BudgetLineId });
    }
}
