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

        // The demo has no itemised spending, reallocations or non-compliance: add one of each, so
        // the filters on those tables are tested against real rows.
        var year = await unrestricted.ImplementationYears.Where(y => y.Status == Domain.Reviews.ReviewStatus.Draft).OrderBy(y => y.Id).FirstAsync();
        var lines = await unrestricted.BudgetLines.OrderBy(l => l.Ordinal).ToListAsync();
        unrestricted.SpendingEntries.Add(new Domain.Agreements.SpendingEntry { ImplementationYearId = year.Id, BudgetLineId = lines[0].Id, Date = year.StartDate, Description = "Telpu noma", AmountCents = 100_00 });
        unrestricted.Reallocations.Add(new Domain.Agreements.Reallocation { ImplementationYearId = year.Id, FromBudgetLineId = lines[1].Id, ToBudgetLineId = lines[0].Id, AmountCents = 50_00, Reason = "Vajadzību maiņa" });
        unrestricted.NonCompliantExpenditures.Add(new Domain.Agreements.NonCompliantExpenditure { ImplementationYearId = year.Id, BudgetLineId = lines[0].Id, AmountCents = 10_00, Reason = "Bez attaisnojuma dokumenta" });
        await unrestricted.SaveChangesAsync();

        await using var own = Open(performerId);
        await using var other = Open(otherId);

        Assert.Equal(1, await own.Agreements.CountAsync());
        Assert.Equal(34, await own.Activities.CountAsync());
        Assert.Equal(1, await own.SpendingEntries.CountAsync());
        Assert.Equal(1, await own.Reallocations.CountAsync());
        Assert.Equal(1, await own.NonCompliantExpenditures.CountAsync());
        Assert.Equal(0, await other.SpendingEntries.CountAsync());
        Assert.Equal(0, await other.Reallocations.CountAsync());
        Assert.Equal(0, await other.NonCompliantExpenditures.CountAsync());
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
