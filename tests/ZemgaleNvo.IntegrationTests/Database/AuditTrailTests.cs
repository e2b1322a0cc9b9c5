using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Domain.Audit;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.Database;

/// <summary>Every change to domain data leaves audit rows (who, when, field, old → new) in the same transaction.</summary>
public class AuditTrailTests
{
    private sealed class ActingAs(string user) : IDataScope
    {
        public int? RestrictToOrganisationId => null;
        public AuditActor Actor => new($"id-{user}", user, "request-1");
    }

    private static AppDbContext Open(PortalFactory factory, string user) => new(
        new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={factory.DatabaseFile}").Options,
        new ActingAs(user));

    [Fact]
    public async Task A_change_records_who_changed_which_field_from_what_to_what()
    {
        using var factory = new PortalFactory();
        await factory.CreateClient().GetAsync("/account/login");
        await using (var db = Open(factory, "anna@ngo.lv"))
        {
            var activity = await db.Activities.Where(a => a.ImplementationYear!.Status == Domain.Reviews.ReviewStatus.Draft).OrderBy(a => a.Id).FirstAsync();
            activity.Place = "Jelgava";
            await db.SaveChangesAsync();
        }

        await using var check = factory.OpenDatabase();
        var row = await check.AuditEntries.SingleAsync(a => a.UserName == "anna@ngo.lv");
        Assert.Equal(AuditAction.Updated, row.Action);
        Assert.Equal("Activity", row.EntityType);
        Assert.Equal("Place", row.Field);
        Assert.Null(row.OldValue);
        Assert.Equal("Jelgava", row.NewValue);
        Assert.Equal("id-anna@ngo.lv", row.UserId);
        Assert.Equal("request-1", row.RequestId);
        Assert.True(DateTime.UtcNow - row.AtUtc < TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task Created_and_deleted_records_keep_their_whole_content_and_key()
    {
        using var factory = new PortalFactory();
        await factory.CreateClient().GetAsync("/account/login");
        int newId;
        await using (var db = Open(factory, "anna@ngo.lv"))
        {
            var year = await db.ImplementationYears.Where(y => y.Status == Domain.Reviews.ReviewStatus.Draft).OrderBy(y => y.Id).FirstAsync();
            var line = await db.BudgetLines.OrderBy(l => l.Id).FirstAsync();
            var entry = new Domain.Agreements.SpendingEntry { ImplementationYearId = year.Id, BudgetLineId = line.Id, Date = new DateOnly(2022, 9, 1), Description = "Telpu noma", AmountCents = 120_00 };
            db.SpendingEntries.Add(entry);
            await db.SaveChangesAsync();
            newId = entry.Id;
            db.SpendingEntries.Remove(entry);
            await db.SaveChangesAsync();
        }

        await using var check = factory.OpenDatabase();
        var rows = await check.AuditEntries.Where(a => a.EntityType == "SpendingEntry").ToListAsync();
        var key = newId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(rows, r => r.Action == AuditAction.Created && r.EntityKey == key && r.Field == "AmountCents" && r.NewValue == "12000");
        Assert.Contains(rows, r => r.Action == AuditAction.Created && r.EntityKey == key && r.Field == "Date" && r.NewValue == "2022-09-01");
        Assert.Contains(rows, r => r.Action == AuditAction.Deleted && r.EntityKey == key && r.Field == "Description" && r.OldValue == "Telpu noma");
    }

    [Fact]
    public async Task A_refused_save_leaves_no_audit_rows()
    {
        using var factory = new PortalFactory();
        await factory.CreateClient().GetAsync("/account/login");
        await using var first = Open(factory, "first@ngo.lv");
        await using var second = Open(factory, "second@ngo.lv");
        var mine = await first.Activities.Where(a => a.ImplementationYear!.Status == Domain.Reviews.ReviewStatus.Draft).OrderBy(a => a.Id).FirstAsync();
        var theirs = await second.Activities.Where(a => a.ImplementationYear!.Status == Domain.Reviews.ReviewStatus.Draft).OrderBy(a => a.Id).FirstAsync();
        theirs.Place = "Jelgava";
        await second.SaveChangesAsync();

        mine.Place = "Dobele";
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => first.SaveChangesAsync());

        await using var check = factory.OpenDatabase();
        Assert.False(await check.AuditEntries.AnyAsync(a => a.UserName == "first@ngo.lv"));
        Assert.True(await check.AuditEntries.AnyAsync(a => a.UserName == "second@ngo.lv" && a.NewValue == "Jelgava"));
    }

    [Fact]
    public async Task The_demo_data_is_on_record_as_created_by_the_system()
    {
        using var factory = new PortalFactory();
        await factory.CreateClient().GetAsync("/account/login");

        await using var check = factory.OpenDatabase();
        Assert.True(await check.AuditEntries.AnyAsync(a => a.EntityType == "DelegationAgreement" && a.Action == AuditAction.Created && a.UserName == "system" && a.Field == "TaskText"));
        Assert.Equal(34, await check.AuditEntries.Where(a => a.EntityType == "Activity" && a.Field == "Text").CountAsync());
    }
}
