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
    }
}
