using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.Database;

/// <summary>The organisation filter in the DbContext, the second line of defence behind authorization.</summary>
public class DataScopeTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private sealed class FixedScope(int? organisationId) : IDataScope
    {
        public int? RestrictToOrganisationId => organisationId;
    }

    private AppDbContext Open(int? organisationId) => new(
        new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={portal.Factory.DatabaseFile}").Options,
        new FixedScope(organisationId));

    [Fact]
    public async Task A_restricted_context_sees_only_its_organisations_agreements_and_their_contents()
    {
        await portal.Factory.CreateClient().GetAsync("/account/login");
        await using var unrestricted = Open(null);
        var performerId = await unrestricted.Agreements.Select(a => a.PerformerId).SingleAsync();
        var otherId = await unrestricted.Organisations.Where(o => o.Id != performerId).Select(o => o.Id).FirstAsync();

        await using var own = Open(performerId);
        await using var other = Open(otherId);

        Assert.Equal(1, await own.Agreements.CountAsync());
        Assert.Equal(34, await own.Activities.CountAsync());
        Assert.Equal(0, await other.Agreements.CountAsync());
        Assert.Equal(0, await other.ImplementationYears.CountAsync());
        Assert.Equal(0, await other.Activities.CountAsync());
        Assert.Equal(0, await other.Indicators.CountAsync());
        Assert.Equal(0, await other.SpendingTotals.CountAsync());
        Assert.Equal(0, await other.CarryOvers.CountAsync());
        Assert.Equal(0, await other.PlannedAmounts.CountAsync());
        Assert.Equal(0, await other.BudgetLines.CountAsync());
    }
}
