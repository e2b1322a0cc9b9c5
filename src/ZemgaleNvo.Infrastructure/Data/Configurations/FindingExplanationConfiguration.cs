using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ZemgaleNvo.Domain.Checks;

namespace ZemgaleNvo.Infrastructure.Data.Configurations;

internal sealed class FindingExplanationConfiguration : IEntityTypeConfiguration<FindingExplanation>
{
    public void Configure(EntityTypeBuilder<FindingExplanation> builder)
    {
        builder.Property(e => e.RuleCode).IsRequired().HasMaxLength(Limits.Code);
        builder.Property(e => e.Text).IsRequired().HasMaxLength(FindingExplanation.MaxLength);
        builder.Property(e => e.WrittenByUserId).HasMaxLength(450);
        builder.Property(e => e.WrittenByName).IsRequired().HasMaxLength(Limits.Name);
        builder.Property(e => e.AcceptedByUserId).HasMaxLength(450);
        builder.Property(e => e.AcceptedByName).HasMaxLength(Limits.Name);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.Ignore(e => e.IsAccepted);
        builder.Ignore(e => e.IsGiven);
        // No foreign keys to the line or the indicator: the explanation is history and must outlive
        // the finding, and the identity is the finding's, whatever becomes of what it named.
        builder.HasIndex(e => new { e.ImplementationYearId, e.RuleCode, e.BudgetLineId, e.IndicatorId });
        builder.HasOne(e => e.ImplementationYear).WithMany(y => y.FindingExplanations)
            .HasForeignKey(e => e.ImplementationYearId).OnDelete(DeleteBehavior.Cascade);
    }
}
