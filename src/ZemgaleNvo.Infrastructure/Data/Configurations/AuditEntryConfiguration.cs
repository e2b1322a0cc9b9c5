using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ZemgaleNvo.Domain.Audit;

namespace ZemgaleNvo.Infrastructure.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        // The triggers (created in the migrations) refuse UPDATE and DELETE of chained rows in the
        // database itself; declared here so SQL Server's provider does not use OUTPUT on this table.
        builder.ToTable("AuditTrail", table =>
        {
            table.HasTrigger(AuditTriggers.NoUpdate);
            table.HasTrigger(AuditTriggers.NoDelete);
        });
        builder.Property(a => a.Action).HasConversion<string>().HasMaxLength(Limits.Code);
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.Property(a => a.UserName).IsRequired().HasMaxLength(256);
        builder.Property(a => a.EntityType).IsRequired().HasMaxLength(Limits.Code);
        builder.Property(a => a.EntityKey).IsRequired().HasMaxLength(Limits.ShortText);
        builder.Property(a => a.Field).IsRequired().HasMaxLength(Limits.Code);
        builder.Property(a => a.RequestId).HasMaxLength(Limits.Code);
        builder.HasIndex(a => new { a.EntityType, a.EntityKey });
        builder.HasIndex(a => a.AtUtc);
        builder.HasIndex(a => new { a.AgreementId, a.Id });
        builder.Property(a => a.Hash).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(a => a.Sequence).IsUnique();
    }
}

/// <summary>Names of the append-only triggers on the audit table, shared by the configuration and the migrations.</summary>
public static class AuditTriggers
{
    public const string NoUpdate = "AuditTrail_NoUpdate";
    public const string NoDelete = "AuditTrail_NoDelete";
    public const string Message = "The audit trail is append-only.";
}
