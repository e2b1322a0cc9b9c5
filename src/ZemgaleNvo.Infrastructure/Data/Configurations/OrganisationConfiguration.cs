using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ZemgaleNvo.Domain.Organisations;

namespace ZemgaleNvo.Infrastructure.Data.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.Property(o => o.Name).IsRequired().HasMaxLength(Limits.Name);
        builder.Property(o => o.RegistrationNumber).HasMaxLength(Limits.Code);
        builder.HasIndex(o => o.Name).IsUnique();
        // History refers to regions: a region in use cannot be deleted.
        builder.HasOne(o => o.Region).WithMany().HasForeignKey(o => o.RegionId).OnDelete(DeleteBehavior.Restrict);
    }
}
