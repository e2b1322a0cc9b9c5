using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ZemgaleNvo.Domain.Agreements;

namespace ZemgaleNvo.Infrastructure.Data.Configurations;

internal sealed class ReallocationConfiguration : IEntityTypeConfiguration<Reallocation>
{
    public void Configure(EntityTypeBuilder<Reallocation> builder)
    {
        builder.Property(r => r.Reason).IsRequired().HasMaxLength(Limits.ShortText * 5);
        builder.Property(r => r.Reference).HasMaxLength(Limits.ShortText);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne(r => r.FromBudgetLine).WithMany().HasForeignKey(r => r.FromBudgetLineId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.ToBudgetLine).WithMany().HasForeignKey(r => r.ToBudgetLineId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t => t.HasCheckConstraint("CK_Reallocations_Positive", "AmountCents > 0"));
    }
}
