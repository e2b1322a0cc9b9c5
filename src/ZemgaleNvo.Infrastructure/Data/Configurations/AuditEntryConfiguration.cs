using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ZemgaleNvo.Domain.Audit;

namespace ZemgaleNvo.Infrastructure.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditTrail");
        builder.Property(a => a.Action).HasConversion<string>().HasMaxLength(Limits.Code);
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.Property(a => a.UserName).IsRequired().HasMaxLength(256);
        builder.Property(a => a.EntityType).IsRequired().HasMaxLength(Limits.Code);
        builder.Property(a => a.EntityKey).IsRequired().HasMaxLength(Limits.Code);
        builder.Property(a => a.Field).IsRequired().HasMaxLength(Limits.Code);
        builder.Property(a => a.RequestId).HasMaxLength(Limits.Code);
        builder.HasIndex(a => new { a.EntityType, a.EntityKey });
        builder.HasIndex(a => a.AtUtc);
    }
}
