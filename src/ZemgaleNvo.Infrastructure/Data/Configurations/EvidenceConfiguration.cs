using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ZemgaleNvo.Domain.Evidence;
using ZemgaleNvo.Infrastructure.Evidence;

namespace ZemgaleNvo.Infrastructure.Data.Configurations;

internal sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> builder)
    {
        builder.Property(f => f.FileName).IsRequired().HasMaxLength(EvidenceFileName.MaxLength);
        builder.Property(f => f.ContentType).IsRequired().HasMaxLength(Limits.ShortText);
        builder.Property(f => f.Sha256).IsRequired().HasMaxLength(64).IsUnicode(false);
        builder.Property(f => f.UploadedByUserId).HasMaxLength(450);
        builder.Property(f => f.UploadedByName).IsRequired().HasMaxLength(256);
        builder.Property(f => f.Scan).HasConversion<string>().HasMaxLength(Limits.Code);
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.HasOne(f => f.ImplementationYear).WithMany().HasForeignKey(f => f.ImplementationYearId).OnDelete(DeleteBehavior.Cascade);
        // A result or entry is only ever soft-deleted while it has files; Restrict keeps a hard delete from orphaning them silently.
        builder.HasOne(f => f.Activity).WithMany().HasForeignKey(f => f.ActivityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(f => f.SpendingEntry).WithMany().HasForeignKey(f => f.SpendingEntryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => f.ImplementationYearId);
        builder.HasIndex(f => f.Sha256);
        builder.ToTable(t => t.HasCheckConstraint("CK_EvidenceFiles_OneTarget", "ActivityId IS NULL OR SpendingEntryId IS NULL"));
    }
}

internal sealed class EvidenceBlobConfiguration : IEntityTypeConfiguration<EvidenceBlob>
{
    public void Configure(EntityTypeBuilder<EvidenceBlob> builder)
    {
        builder.HasKey(b => b.Sha256);
        builder.Property(b => b.Sha256).HasMaxLength(64).IsUnicode(false);
        builder.Property(b => b.Content).IsRequired();
    }
}
