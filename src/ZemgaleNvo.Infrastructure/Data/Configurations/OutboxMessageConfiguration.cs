using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ZemgaleNvo.Infrastructure.Notifications;

namespace ZemgaleNvo.Infrastructure.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.Property(m => m.Recipient).IsRequired().HasMaxLength(320);
        builder.Property(m => m.RecipientName).IsRequired().HasMaxLength(256);
        builder.Property(m => m.Subject).IsRequired().HasMaxLength(998);
        builder.Property(m => m.TextBody).IsRequired();
        builder.Property(m => m.HtmlBody).IsRequired();
        builder.Property(m => m.Kind).IsRequired().HasMaxLength(Limits.Code);
        builder.Property(m => m.DedupeKey).IsRequired().HasMaxLength(200);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(Limits.Code);
        builder.Property(m => m.LastError).HasMaxLength(2000);
        builder.Property(m => m.LeaseOwner).HasMaxLength(64);
        builder.HasIndex(m => m.DedupeKey).IsUnique();
        // The sender's question: what is due now?
        builder.HasIndex(m => new { m.Status, m.NextAttemptAtUtc });
    }
}
