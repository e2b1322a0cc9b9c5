using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ZemgaleNvo.Domain.Organisations;

namespace ZemgaleNvo.Infrastructure.Data.Configurations;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.Property(r => r.Name).IsRequired().HasMaxLength(Limits.ShortText);
        builder.Property(r => r.NameStem).IsRequired().HasMaxLength(Limits.ShortText);
        builder.Property(r => r.Code).IsRequired().HasMaxLength(Limits.Code);
        builder.HasIndex(r => r.Code).IsUnique();
        builder.HasIndex(r => r.Name).IsUnique();
        builder.Property(r => r.Version).IsConcurrencyToken();
    }
}
