using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.Database;

/// <summary>The version column refuses a save based on a stale copy, on SQLite as on SQL Server.</summary>
public class ConcurrencyTests
{
    [Fact]
    public async Task A_save_from_a_stale_copy_is_refused_and_the_newer_save_is_kept()
    {
        using var factory = new PortalFactory();
        await factory.CreateClient().GetAsync("/account/login");
        await using var first = factory.OpenDatabase();
        await using var second = factory.OpenDatabase();
        var mine = await first.Activities.Where(a => a.ImplementationYear!.Status == Domain.Reviews.ReviewStatus.Draft).OrderBy(a => a.Id).FirstAsync();
        var theirs = await second.Activities.Where(a => a.ImplementationYear!.Status == Domain.Reviews.ReviewStatus.Draft).OrderBy(a => a.Id).FirstAsync();

        theirs.Place = "Jelgava";
        await second.SaveChangesAsync();
        mine.Place = "Dobele";

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => first.SaveChangesAsync());
        await using var check = factory.OpenDatabase();
        var stored = await check.Activities.Where(a => a.ImplementationYear!.Status == Domain.Reviews.ReviewStatus.Draft).OrderBy(a => a.Id).FirstAsync();
        Assert.Equal("Jelgava", stored.Place);
        Assert.Equal(theirs.Version, stored.Version);
        Assert.Equal(1, stored.Version);
    }
}
