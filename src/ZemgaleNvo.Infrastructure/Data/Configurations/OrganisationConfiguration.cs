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
        // Several organisations may lack a number (old documents); a number given belongs to one only.
        // SQL Server gets the "IS NOT NULL" filter by convention, SQLite allows many NULLs anyway.
        builder.HasIndex(o => o.RegistrationNumber).IsUnique();
        builder.Property(o => o.Version).IsConcurrencyToken();
        // History refers to regions: a region in use cannot be deleted.
        builder.HasOne(o => o.Region).WithMany().HasForeignKey(o => o.RegionId).OnDelete(DeleteBehavior.Restrict);
    }
}
