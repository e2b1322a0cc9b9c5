using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Infrastructure.Data;

namespace ZemgaleNvo.IntegrationTests.Database;

/// <summary>
/// Decision 0005: every record that belongs to an agreement is filtered by the organisation of the
/// signed-in staff member. A new entity hanging under a filtered one (an agreement, a year, a result)
/// without its own filter would be readable by id across organisations, and EF only warns about it
/// in the log; this test makes it a failure.
/// </summary>
public sealed class OrganisationFilterCoverageTests
{
    [Fact]
    public void Every_entity_required_by_a_filtered_one_is_filtered_by_organisation_too()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite("Data Source=:memory:").Options;
        using var db = new AppDbContext(options, UnrestrictedDataScope.Instance);

        static bool Filtered(Microsoft.EntityFrameworkCore.Metadata.IEntityType type) =>
            type.GetDeclaredQueryFilters().Any(f => f.Key == AppDbContext.OrganisationFilter);

        var unfiltered = db.Model.GetEntityTypes()
            .SelectMany(type => type.GetForeignKeys().Where(fk => fk.IsRequired && Filtered(fk.PrincipalEntityType) && !Filtered(type)).Select(_ => type.ClrType.Name))
            .Distinct()
            .ToList();

        Assert.Empty(unfiltered);
    }
}
