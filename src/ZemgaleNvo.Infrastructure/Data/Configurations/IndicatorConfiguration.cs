using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ZemgaleNvo.Domain.Agreements;

namespace ZemgaleNvo.Infrastructure.Data.Configurations;

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.Property(i => i.Unit).IsRequired().HasMaxLength(Limits.ShortText);
        builder.Property(i => i.Qualifier).HasConversion<string>().HasMaxLength(Limits.Code);
        builder.ToTable(t => t.HasCheckConstraint("CK_Indicators_CountNotNegative", "Count >= 0"));
    }
}
