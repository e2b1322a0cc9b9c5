using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ZemgaleNvo.Domain.Agreements;

namespace ZemgaleNvo.Infrastructure.Data.Configurations;

internal sealed class BudgetLineConfiguration : IEntityTypeConfiguration<BudgetLine>
{
    public void Configure(EntityTypeBuilder<BudgetLine> builder)
    {
        builder.Property(l => l.Name).IsRequired().HasMaxLength(Limits.Title);
        builder.Property(l => l.ResultsHeading).HasMaxLength(Limits.Title);
        builder.HasIndex(l => new { l.AgreementId, l.Ordinal }).IsUnique();
        builder.HasMany(l => l.PlannedAmounts).WithOne(p => p.BudgetLine).HasForeignKey(p => p.BudgetLineId).OnDelete(DeleteBehavior.Restrict);
    }
}
