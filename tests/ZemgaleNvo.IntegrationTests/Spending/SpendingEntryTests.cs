using System.Net;
using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.Spending;

/// <summary>Spending per budget line: itemised entries with Latvian money input, line totals, delete and undo.</summary>
public sealed class SpendingEntryTests : IDisposable
{
    private readonly PortalFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private async Task<(HttpClient Client, DemoAgreement Demo)> StaffAsync()
    {
        var demo = await DemoAgreement.LoadAsync(_factory);
        return (await Browser.SignedInClientAsync(_factory, Browser.ZemgaleStaff), demo);
    }

    private static Dictionary<string, string> Entry(int lineId, string amount, string date = "2024-10-01", string description = "Telpu īre semināram") => new()
    {
        ["Form.BudgetLineId"] = lineId.Text(),
        ["Form.Date"] = date,
        ["Form.Description"] = description,
        ["Form.Supplier"] = "SIA Jelgavas telpas",
        ["Form.DocumentNumber"] = "R-2024/17",
        ["Form.Amount"] = amount,
        ["Form.Version"] = "0",
    };

    private async Task<List<SpendingEntry>> EntriesAsync(DemoAgreement demo)
    {
        await using var db = _factory.OpenDatabase();
        var yearId = await demo.YearIdAsync(_factory, 3);
        return await db.SpendingEntries.Where(e => e.ImplementationYearId == yearId).OrderBy(e => e.Id).ToListAsync();
    }

    [Theory]
    [InlineData("1 234,56", 123456)]
    [InlineData("1234,56", 123456)]
    [InlineData("1234.56", 123456)]
    [InlineData("1 234,5 €", 123450)]
    [InlineData("EUR 1234", 123400)]
    [InlineData("10 000 000,00", 1_000_000_000)]
    public async Task Amounts_typed_the_Latvian_way_are_saved_in_cents(string typed, long cents)
    {
        var (client, demo) = await StaffAsync();

        var response = await Browser.PostFormAsync(client, $"{demo.Year(3)}/spending/new", $"{demo.Year(3)}/spending/new", Entry(demo.FirstLineId, typed));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(cents, Assert.Single(await EntriesAsync(demo)).AmountCents);
    }

    [Theory]
    [InlineData("-5,00", "Summa nevar būt negatīva.")]
    [InlineData("12,345", "Summā var būt ne vairāk kā divi cipari aiz komata.")]
    [InlineData("10 000 000,01", "Summa nevar pārsniegt 10 000 000,00 euro.")]
    [InlineData("99999999999999999999", "Summa nevar pārsniegt 10 000 000,00 euro.")]
    [InlineData("divi simti", "Summu ierakstiet kā 1 234,56: eiro, komats, centi.")]
    [InlineData("12 34,00", "Summu ierakstiet kā 1 234,56: eiro, komats, centi.")]
    [InlineData("", "Norādiet summu.")]
    public async Task Refused_amounts_get_a_Latvian_message_and_the_form_keeps_what_was_typed(string typed, string message)
    {
        var (client, demo) = await StaffAsync();

        var response = await Browser.PostFormAsync(client, $"{demo.Year(3)}/spending/new", $"{demo.Year(3)}/spending/new", Entry(demo.FirstLineId, typed));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, Browser.Text(html));
        Assert.Contains($"value=\"{WebUtility.HtmlEncode(typed)}\"", html);
        Assert.Contains("value=\"SIA Jelgavas telpas\"", html);
        Assert.Contains("value=\"R-2024/17\"", html);
        Assert.Empty(await EntriesAsync(demo));
    }

    [Fact]
    public async Task A_date_outside_the_year_is_refused()
    {
        var (client, demo) = await StaffAsync();

        var response = await Browser.PostFormAsync(client, $"{demo.Year(3)}/spending/new", $"{demo.Year(3)}/spending/new", Entry(demo.FirstLineId, "10,00", date: "2025-07-15"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Datumam jābūt īstenošanas gada periodā (15.07.2024.–14.07.2025.).", Browser.Text(await response.Content.ReadAsStringAsync()));
        Assert.Empty(await EntriesAsync(demo));
    }

    [Fact]
    public async Task A_description_over_the_limit_is_refused_with_the_limit_named()
    {
        var (client, demo) = await StaffAsync();

        var response = await Browser.PostFormAsync(client, $"{demo.Year(3)}/spending/new", $"{demo.Year(3)}/spending/new", Entry(demo.FirstLineId, "10,00", description: new string('ā', 201)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Ne vairāk kā 200 zīmes.", Browser.Text(await response.Content.ReadAsStringAsync()));
        Assert.Empty(await EntriesAsync(demo));
    }

    [Fact]
    public async Task A_budget_line_of_another_agreement_is_refused()
    {
        var (client, demo) = await StaffAsync();
        int foreignLineId;
        await using (var db = _factory.OpenDatabase())
        {
            var other = await db.Organisations.SingleAsync(o => o.Id != db.Agreements.Single(a => a.Id == demo.Id).PerformerId);
            var region = await db.Regions.FirstAsync();
            var agreement = new DelegationAgreement
            {
                Title = "Cits līgums", TaskText = "Cits uzdevums", RegionId = region.Id, PerformerId = other.Id,
                PeriodStart = new DateOnly(2024, 1, 1), PeriodEnd = new DateOnly(2024, 12, 31),
            };
            agreement.BudgetLines.Add(new BudgetLine { Ordinal = 1, Name = "Svešā pozīcija" });
            agreement.GenerateYears();
            db.Agreements.Add(agreement);
            await db.SaveChangesAsync();
            foreignLineId = agreement.BudgetLines[0].Id;
        }

        var response = await Browser.PostFormAsync(client, $"{demo.Year(3)}/spending/new", $"{demo.Year(3)}/spending/new", Entry(foreignLineId, "10,00"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Izvēlieties šī līguma budžeta pozīciju.", Browser.Text(await response.Content.ReadAsStringAsync()));
        Assert.Empty(await EntriesAsync(demo));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/agreements/{demo.Id}/summary")).StatusCode);
    }

    [Fact]
    public async Task Itemised_entries_replace_the_line_total_in_the_year_figures_and_deleting_one_can_be_undone()
    {
        var (client, demo) = await StaffAsync();

        await Browser.PostFormAsync(client, $"{demo.Year(3)}/spending/new", $"{demo.Year(3)}/spending/new", Entry(demo.FirstLineId, "1 000,00"));
        await Browser.PostFormAsync(client, $"{demo.Year(3)}/spending/new", $"{demo.Year(3)}/spending/new", Entry(demo.FirstLineId, "234,56", description: "Kafijas pauzes"));

        var workspace = await client.GetStringAsync(demo.Workspace(3));
        Assert.Contains($"data-figure=\"actual-{demo.FirstLineId}\">1&#xA0;234,56<", workspace.Replace("\u00A0", "&#xA0;", StringComparison.Ordinal));
        Assert.Contains("netiek ņemta vērā, jo ir detalizēti izdevumi", Browser.Text(workspace));

        var coffee = (await EntriesAsync(demo)).Single(e => e.Description == "Kafijas pauzes");
        var deleted = await Browser.PostFormAsync(client, demo.Workspace(3), $"{demo.Year(3)}/spending/{coffee.Id}/delete", []);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        var afterDelete = await client.GetStringAsync(demo.Workspace(3));
        Assert.Contains("Izdevums izdzēsts.", Browser.Text(afterDelete));
        Assert.Contains($"data-figure=\"actual-{demo.FirstLineId}\">1&#xA0;000,00<", afterDelete.Replace("\u00A0", "&#xA0;", StringComparison.Ordinal));

        var restored = await Browser.PostFormAsync(client, demo.Workspace(3), $"{demo.Year(3)}/spending/{coffee.Id}/restore", []);
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Equal(2, (await EntriesAsync(demo)).Count);
    }

    [Fact]
    public async Task A_line_total_can_be_set_changed_and_removed()
    {
        var (client, demo) = await StaffAsync();
        var url = $"{demo.Year(3)}/spending/lines/{demo.SecondLineId}/total";
        int version;
        await using (var db = _factory.OpenDatabase())
        {
            version = await db.SpendingTotals.Where(t => t.BudgetLineId == demo.SecondLineId && t.ImplementationYear!.Number == 3).Select(t => t.Version).SingleAsync();
        }

        var changed = await Browser.PostFormAsync(client, url, url, new() { ["Form.Amount"] = "23 743,73", ["Form.Version"] = version.Text() });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        await using (var db = _factory.OpenDatabase())
        {
            Assert.Equal(23_743_73, await db.SpendingTotals.Where(t => t.BudgetLineId == demo.SecondLineId && t.ImplementationYear!.Number == 3).Select(t => t.AmountCents).SingleAsync());
        }
        Assert.DoesNotContain("line-overspent", await client.GetStringAsync(demo.Workspace(3)));

        var removed = await Browser.PostFormAsync(client, url, url, new() { ["Form.Amount"] = "", ["Form.Version"] = (version + 1).Text() });
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var workspace = await client.GetStringAsync(demo.Workspace(3));
        Assert.Contains($"data-code=\"spending:{demo.SecondLineId}\"", workspace);
        Assert.Contains("nav ievadīti izdevumi", Browser.Text(workspace));
    }
}
