using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ZemgaleNvo.Infrastructure.Notifications;

namespace ZemgaleNvo.Infrastructure.Data.Configurations;

internal sealed class ScheduledPassLeaseConfiguration : IEntityTypeConfiguration<ScheduledPassLease>
{
    public void Configure(EntityTypeBuilder<ScheduledPassLease> builder)
    {
        builder.ToTable("ScheduledPassLeases");
        builder.HasKey(l => l.Name);
        builder.Property(l => l.Name).HasMaxLength(Limits.Code);
        builder.Property(l => l.Owner).HasMaxLength(200);
    }
}
