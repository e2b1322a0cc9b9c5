using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ZemgaleNvo.Domain.Publication;

namespace ZemgaleNvo.Infrastructure.Data.Configurations;

internal sealed class SummaryPublicationConfiguration : IEntityTypeConfiguration<SummaryPublication>
{
    public void Configure(EntityTypeBuilder<SummaryPublication> builder)
    {
        builder.Ignore(p => p.IsWithdrawn);
        builder.Property(p => p.PublishedByUserId).HasMaxLength(450);
        builder.Property(p => p.PublishedByName).IsRequired().HasMaxLength(256);
        builder.Property(p => p.WithdrawnByUserId).HasMaxLength(450);
        builder.Property(p => p.WithdrawnByName).HasMaxLength(256);
        builder.HasOne(p => p.Agreement).WithMany().HasForeignKey(p => p.AgreementId).OnDelete(DeleteBehavior.Restrict);
        // At most one publication in force per agreement, even when two reviewers press "Publicēt"
        // at the same instant. The filter is written without quotes so both SQLite and SQL Server read it.
        builder.HasIndex(p => p.AgreementId).IsUnique().HasFilter("WithdrawnAtUtc IS NULL");
    }
}
