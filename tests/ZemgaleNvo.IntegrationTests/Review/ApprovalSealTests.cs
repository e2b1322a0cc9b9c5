using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Domain.Audit;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.IntegrationTests.Infrastructure;
using ZemgaleNvo.IntegrationTests.Publication;

namespace ZemgaleNvo.IntegrationTests.Review;

/// <summary>
/// Approval seals the data (issue 17): a change made directly in the database to an approved year
/// passes the audit chain (no audit row is touched) but not the seal, and <c>audit verify</c> names
/// the year and the kind of record.
/// </summary>
public sealed class ApprovalSealTests : IDisposable
{
    private readonly string _folder = TempFolder.Create();

    public void Dispose() => TempFolder.Delete(_folder);

    private Task<PortalProcess.Result> RunAsync(params string[] args) =>
        PortalProcess.RunAsync(new Dictionary<string, string> { ["Database__DataFolder"] = _folder, ["ASPNETCORE_ENVIRONMENT"] = "Development" }, args);

    private static int Execute(string databaseFile, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={databaseFile};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }

    [Fact]
    public async Task Audit_verify_names_the_approved_year_and_the_kind_of_record_changed_directly_in_the_database()
    {
        TemplateDatabase.CopyInto(_folder); // the demo, whose years I and II are approved (and sealed)
        var intact = await RunAsync("audit", "verify");
        Assert.Equal(0, intact.ExitCode);
        Assert.Contains("Approved years intact: 2 sealed year(s) recomputed.", intact.Output);

        var database = Path.Combine(_folder, "zemgale.db");
        // A result's text in year I, and an amount of year II's spending, changed in the file itself.
        Assert.Equal(1, Execute(database, """
            UPDATE Activities SET Text = Text || ' (papildināts)' WHERE Id = (
              SELECT a.Id FROM Activities a JOIN ImplementationYears y ON y.Id = a.ImplementationYearId
              WHERE y.Number = 1 AND y.Status = 'Approved' ORDER BY a.Id LIMIT 1)
            """));
        var spendingTable = Execute(database, """
            UPDATE SpendingEntries SET AmountCents = AmountCents + 100 WHERE Id = (
              SELECT s.Id FROM SpendingEntries s JOIN ImplementationYears y ON y.Id = s.ImplementationYearId
              WHERE y.Number = 2 AND y.Status = 'Approved' ORDER BY s.Id LIMIT 1)
            """) == 1 ? "SpendingEntry" : null;
        if (spendingTable is null)
        {
            Assert.Equal(1, Execute(database, """
                UPDATE SpendingTotals SET AmountCents = AmountCents + 100 WHERE Id = (
                  SELECT s.Id FROM SpendingTotals s JOIN ImplementationYears y ON y.Id = s.ImplementationYearId
                  WHERE y.Number = 2 AND y.Status = 'Approved' ORDER BY s.Id LIMIT 1)
                """));
            spendingTable = "SpendingTotal";
        }

        var broken = await RunAsync("audit", "verify");

        Assert.Equal(1, broken.ExitCode);
        // The audit rows themselves were not touched: the chain alone would have passed.
        Assert.Contains("Audit chain intact", broken.Output);
        Assert.Contains("Approved year 1 of agreement", broken.Error);
        Assert.Matches(@"Approved year 1 of agreement \d+ \(year id \d+\) differs from its seal in: Activity\.", broken.Error);
        Assert.Matches(@$"Approved year 2 of agreement \d+ \(year id \d+\) differs from its seal in: {spendingTable}\.", broken.Error);
    }

    [Fact]
    public async Task Approving_a_year_seals_it_and_the_admins_page_shows_the_last_verification()
    {
        using var factory = new PortalFactory();
        var (_, demo) = await ApprovalSteps.ApproveYearThreeAsync(factory);
        var yearThree = await demo.YearIdAsync(factory, 3);
        await using (var db = factory.OpenDatabase())
        {
            var seal = await db.AuditEntries.SingleAsync(e => e.Action == AuditAction.Sealed && e.EntityKey == yearThree.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.NotNull(seal.Sequence); // in the chain
            Assert.StartsWith(YearSeals.FormVersion + " sha256:", seal.NewValue, StringComparison.Ordinal);
            Assert.Equal((await YearSeals.ComputeAsync(db, yearThree)).ToSealText(), seal.NewValue);
        }
        var admin = await Browser.SignedInClientAsync(factory, Browser.Admin);
        Assert.Contains("Pārbaude vēl nav veikta.", Browser.Text(await admin.GetStringAsync("/admin/integrity")));

        Assert.Equal(HttpStatusCode.Redirect, (await Browser.PostFormAsync(admin, "/admin/integrity", "/admin/integrity/verify", [])).StatusCode);
        var clean = Browser.Text(await admin.GetStringAsync("/admin/integrity"));
        Assert.Contains("Neatbilstību nav", clean);
        Assert.Contains("Pārbaudīti apstiprinātie gadi: 3.", clean);

        // The reason of year III's reallocation, changed in the database file behind the portal's back.
        Assert.Equal(1, Execute(factory.DatabaseFile, $"UPDATE Reallocations SET Reason = 'Cits pamatojums' WHERE ImplementationYearId = {yearThree}"));
        Assert.Equal(HttpStatusCode.Redirect, (await Browser.PostFormAsync(admin, "/admin/integrity", "/admin/integrity/verify", [])).StatusCode);

        var html = await admin.GetStringAsync("/admin/integrity");
        var text = Browser.Text(html);
        Assert.Contains("Atrastas neatbilstības", text);
        Assert.Matches(@"III\. īstenošanas gads\s*:\s*Pārdale", text);
        Assert.Contains($"href=\"/agreements/{demo.Id}/years/3\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_kind_of_record_under_a_year_is_part_of_its_seal()
    {
        using var factory = new PortalFactory();
        using var db = factory.OpenDatabase();
        var underYear = db.Model.GetEntityTypes()
            .Where(t => t.FindProperty("ImplementationYearId") is not null)
            .Select(t => t.ClrType)
            .ToList();

        var missing = underYear.Where(t => !YearSeals.SealedTypes.Contains(t) && !YearSeals.RecordedAfterApproval.Contains(t)).Select(t => t.Name).ToList();

        Assert.True(missing.Count == 0, "Records under a year that its seal leaves out: " + string.Join(", ", missing));
        Assert.Contains(typeof(ZemgaleNvo.Domain.Agreements.Indicator), YearSeals.SealedTypes);
    }
}
