using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ZemgaleNvo.Domain.Audit;
using ZemgaleNvo.Domain.Reviews;

namespace ZemgaleNvo.Infrastructure.Data.Configurations;

internal sealed class ReviewNoteConfiguration : IEntityTypeConfiguration<ReviewNote>
{
    public void Configure(EntityTypeBuilder<ReviewNote> builder)
    {
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(Limits.Code);
        builder.Property(n => n.Text).HasMaxLength(Limits.LongText);
        builder.Property(n => n.AuthorUserId).HasMaxLength(450);
        builder.Property(n => n.AuthorName).IsRequired().HasMaxLength(256);
        builder.HasOne(n => n.Agreement).WithMany().HasForeignKey(n => n.AgreementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(n => new { n.AgreementId, n.YearNumber });
    }
}

internal sealed class FrozenReportConfiguration : IEntityTypeConfiguration<FrozenReport>
{
    public void Configure(EntityTypeBuilder<FrozenReport> builder)
    {
        builder.Property(r => r.Language).IsRequired().HasMaxLength(10);
        builder.Property(r => r.Content).IsRequired();
        builder.Property(r => r.Sha256).IsRequired().HasMaxLength(64).IsFixedLength();
        builder.Property(r => r.FileName).IsRequired().HasMaxLength(Limits.Name);
        builder.Property(r => r.ApprovedByUserId).HasMaxLength(450);
        builder.Property(r => r.ApprovedByName).IsRequired().HasMaxLength(256);
        builder.HasOne(r => r.Agreement).WithMany().HasForeignKey(r => r.AgreementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.AgreementId, r.YearNumber, r.Language });
    }
}

internal sealed class AuditChainHeadConfiguration : IEntityTypeConfiguration<AuditChainHead>
{
    public void Configure(EntityTypeBuilder<AuditChainHead> builder)
    {
        builder.ToTable("AuditChainHead");
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.LastHash).IsRequired().HasMaxLength(64).IsFixedLength();
        builder.HasData(new AuditChainHead { Id = AuditChainHead.SingletonId, LastSequence = 0, LastHash = AuditChain.Genesis });
    }
}
