using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ZemgaleNvo.Domain.Agreements;

namespace ZemgaleNvo.Infrastructure.Data.Configurations;

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> builder)
    {
        builder.Property(a => a.Text).IsRequired().HasMaxLength(Limits.ActivityText);
        builder.Property(a => a.Place).HasMaxLength(Limits.ShortText);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasOne(a => a.BudgetLine).WithMany().HasForeignKey(a => a.BudgetLineId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Indicators).WithOne(i => i.Activity).HasForeignKey(i => i.ActivityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.ImplementationYearId, a.BudgetLineId, a.Ordinal });
    }
}
