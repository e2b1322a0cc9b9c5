using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Audit;
using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.Dashboard;

/// <summary>The "last change" column follows the audit trail: a change anywhere under an agreement, a deletion included, and only that agreement's.</summary>
public class LastChangeTests
{
    [Fact]
    public async Task The_last_change_follows_edits_and_outright_deletions_under_each_agreement()
    {
        using var factory = new PortalFactory();
        var zemgale = await DashboardHtml.ZemgaleAgreementIdAsync(factory);
        var latgale = await DashboardHtml.AddLatgaleAgreementAsync(factory);
        var client = await Browser.SignedInClientAsync(factory, Browser.Reviewer);
        var seeded = DashboardHtml.ChangedAt(DashboardHtml.Row(await client.GetStringAsync("/dashboard"), zemgale));

        // A reallocation in the Zemgale agreement's year III: a record two levels under the agreement.
        await using (var db = factory.OpenDatabase())
        {
            var year = await db.ImplementationYears.Include(y => y.Agreement!).ThenInclude(a => a.BudgetLines)
                .SingleAsync(y => y.AgreementId == zemgale && y.Number == 3);
            var lines = year.Agreement!.BudgetLines.OrderBy(l => l.Ordinal).ToList();
            year.Reallocations.Add(new Reallocation
            {
                FromBudgetLineId = lines[0].Id,
                ToBudgetLineId = lines[1].Id,
                AmountCents = 100_00,
                Reason = "Ministrijas piekrišana",
            });
            await db.SaveChangesAsync();
        }
        var afterAdd = await client.GetStringAsync("/dashboard?sort=changed");
        var added = await LatestAuditAsync(factory, nameof(Reallocation), AuditAction.Created);
        Assert.Equal(added, DashboardHtml.ChangedAt(DashboardHtml.Row(afterAdd, zemgale)), TimeSpan.FromMilliseconds(1));
        Assert.True(added > seeded);
        Assert.Equal(new[] { zemgale, latgale }, DashboardHtml.RowOrder(afterAdd));

        // A change to the other agreement moves only that one.
        await Task.Delay(50);
        await using (var db = factory.OpenDatabase())
        {
            var agreement = await db.Agreements.SingleAsync(a => a.Id == latgale);
            agreement.OtherInformation = "Līgums pagarināts";
            await db.SaveChangesAsync();
        }
        var afterEdit = await client.GetStringAsync("/dashboard?sort=changed");
        Assert.Equal(new[] { latgale, zemgale }, DashboardHtml.RowOrder(afterEdit));
        Assert.Equal(added, DashboardHtml.ChangedAt(DashboardHtml.Row(afterEdit, zemgale)), TimeSpan.FromMilliseconds(1));

        // Deleting the reallocation removes its row from its table; the deletion still counts.
        await Task.Delay(50);
        await using (var db = factory.OpenDatabase())
        {
            db.Reallocations.Remove(await db.Reallocations.SingleAsync());
            await db.SaveChangesAsync();
        }
        var afterDelete = await client.GetStringAsync("/dashboard?sort=changed");
        var deleted = await LatestAuditAsync(factory, nameof(Reallocation), AuditAction.Deleted);
        Assert.Equal(deleted, DashboardHtml.ChangedAt(DashboardHtml.Row(afterDelete, zemgale)), TimeSpan.FromMilliseconds(1));
        Assert.Equal(new[] { zemgale, latgale }, DashboardHtml.RowOrder(afterDelete));
    }

    [Fact]
    public async Task Deleting_a_result_counts_as_a_change_of_its_agreement()
    {
        using var factory = new PortalFactory();
        var zemgale = await DashboardHtml.ZemgaleAgreementIdAsync(factory);
        var client = await Browser.SignedInClientAsync(factory, Browser.Reviewer);
        await client.GetStringAsync("/dashboard");

        await Task.Delay(50);
        await using (var db = factory.OpenDatabase())
        {
            // Year III: the seed's draft (approved years are frozen).
            var activity = await db.Activities.OrderBy(a => a.Id).FirstAsync(a => a.ImplementationYear!.AgreementId == zemgale && a.ImplementationYear.Number == 3);
            activity.DeletedAtUtc = DateTime.UtcNow;
            await db.SaveChangesAsync();
        }
        var html = await client.GetStringAsync("/dashboard");

        var softDeleted = await LatestAuditAsync(factory, nameof(Activity), AuditAction.Updated);
        Assert.Equal(softDeleted, DashboardHtml.ChangedAt(DashboardHtml.Row(html, zemgale)), TimeSpan.FromMilliseconds(1));
    }

    private static async Task<DateTime> LatestAuditAsync(PortalFactory factory, string entityType, AuditAction action)
    {
        await using var db = factory.OpenDatabase();
        return await db.AuditEntries.Where(e => e.EntityType == entityType && e.Action == action).OrderByDescending(e => e.Id).Select(e => e.AtUtc).FirstAsync();
    }
}
