using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Domain.Reviews;
using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.SpendingGrid;

/// <summary>
/// Issue 13, faster entry: all line totals of a year in one grid (saved whole or not at all, by the
/// same rules as the one-line form), and the carry-over and evaluation edited on the year page itself.
/// </summary>
public sealed partial class FasterEntryTests : IDisposable
{
    private readonly PortalFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private async Task<(HttpClient Client, DemoAgreement Demo)> StaffAsync()
    {
        var demo = await DemoAgreement.LoadAsync(_factory);
        return (await Browser.SignedInClientAsync(_factory, Browser.ZemgaleStaff), demo);
    }

    private static string Grid(DemoAgreement demo) => $"{demo.Year(3)}/spending/totals";

    [GeneratedRegex(@"name=""(Form\.Lines\[\d+\]\.(?:BudgetLineId|Version|Amount))""[^>]*?value=""([^""]*)""")]
    private static partial Regex GridField();

    /// <summary>The grid's fields as the page renders them, as a browser would post them back.</summary>
    private static Dictionary<string, string> Fields(string html) =>
        GridField().Matches(html).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));

    private static string Row(Dictionary<string, string> fields, int lineId) =>
        fields.Single(f => f.Key.EndsWith(".BudgetLineId", StringComparison.Ordinal) && f.Value == lineId.Text()).Key.Replace(".BudgetLineId", "", StringComparison.Ordinal);

    private async Task<Dictionary<int, long>> TotalsAsync(DemoAgreement demo)
    {
        await using var db = _factory.OpenDatabase();
        var yearId = await demo.YearIdAsync(_factory, 3);
        return await db.SpendingTotals.Where(t => t.ImplementationYearId == yearId).ToDictionaryAsync(t => t.BudgetLineId, t => t.AmountCents);
    }

    [Fact]
    public async Task The_grid_lists_every_line_and_saves_all_totals_in_one_post()
    {
        var (client, demo) = await StaffAsync();
        var workspace = await client.GetStringAsync(demo.Workspace(3));
        Assert.Contains($"href=\"{Grid(demo)}\"", workspace);

        var html = await client.GetStringAsync(Grid(demo));
        var fields = Fields(html);
        int lineCount;
        await using (var db = _factory.OpenDatabase())
        {
            lineCount = await db.BudgetLines.CountAsync(l => l.AgreementId == demo.Id);
        }
        Assert.Equal(lineCount, fields.Count(f => f.Key.EndsWith(".BudgetLineId", StringComparison.Ordinal)));

        fields[Row(fields, demo.FirstLineId) + ".Amount"] = "1 234,56";
        fields[Row(fields, demo.SecondLineId) + ".Amount"] = "23743.73";
        var saved = await Browser.PostFormAsync(client, Grid(demo), Grid(demo), fields);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.EndsWith("/entry#spending", saved.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var totals = await TotalsAsync(demo);
        Assert.Equal(1_234_56, totals[demo.FirstLineId]);
        Assert.Equal(23_743_73, totals[demo.SecondLineId]);
        Assert.Contains("Izdevumu kopsummas saglabātas.", Browser.Text(await client.GetStringAsync(demo.Workspace(3))));
    }

    [Fact]
    public async Task One_bad_row_refuses_the_whole_grid_in_Latvian_and_keeps_every_typed_value()
    {
        var (client, demo) = await StaffAsync();
        var before = await TotalsAsync(demo);
        var fields = Fields(await client.GetStringAsync(Grid(demo)));
        fields[Row(fields, demo.FirstLineId) + ".Amount"] = "777,00";
        fields[Row(fields, demo.SecondLineId) + ".Amount"] = "12,345";

        var refused = await Browser.PostFormAsync(client, Grid(demo), Grid(demo), fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Summā var būt ne vairāk kā divi cipari aiz komata.", Browser.Text(html));
        var shown = Fields(html);
        Assert.Equal("777,00", shown[Row(shown, demo.FirstLineId) + ".Amount"]);
        Assert.Equal("12,345", shown[Row(shown, demo.SecondLineId) + ".Amount"]);
        Assert.Equal(before, await TotalsAsync(demo));
    }

    [Fact]
    public async Task A_total_changed_meanwhile_refuses_the_grid_and_shows_the_saved_figure()
    {
        var (client, demo) = await StaffAsync();
        var fields = Fields(await client.GetStringAsync(Grid(demo)));
        // A colleague changes the second line's total through the one-line form after the grid was opened.
        var lineUrl = $"{demo.Year(3)}/spending/lines/{demo.SecondLineId}/total";
        var colleague = await Browser.PostFormAsync(client, lineUrl, lineUrl,
            new() { ["Form.Amount"] = "100,00", ["Form.Version"] = fields[Row(fields, demo.SecondLineId) + ".Version"] });
        Assert.Equal(HttpStatusCode.Redirect, colleague.StatusCode);

        fields[Row(fields, demo.FirstLineId) + ".Amount"] = "555,00";
        fields[Row(fields, demo.SecondLineId) + ".Amount"] = "200,00";
        var refused = await Browser.PostFormAsync(client, Grid(demo), Grid(demo), fields);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var text = Browser.Text(await refused.Content.ReadAsStringAsync());
        Assert.Contains("100,00", text);
        var totals = await TotalsAsync(demo);
        Assert.Equal(100_00, totals[demo.SecondLineId]);
        Assert.False(totals.TryGetValue(demo.FirstLineId, out var first) && first == 555_00);
    }

    [Fact]
    public async Task The_evaluation_is_written_on_the_year_page_and_keeps_the_stated_year_total()
    {
        var (client, demo) = await StaffAsync();
        long? statedBefore;
        await using (var db = _factory.OpenDatabase())
        {
            statedBefore = await db.ImplementationYears.Where(y => y.AgreementId == demo.Id && y.Number == 3).Select(y => y.ReportedActualTotalCents).SingleAsync();
        }
        var workspace = await client.GetStringAsync(demo.Workspace(3));
        Assert.Contains("data-testid=\"evaluation-inline\"", workspace);
        var version = Regex.Match(workspace, """name="Form.Version" value="(\d+)" />\s*<input type="hidden" name="Form.ReportedTotal" value="([^"]*)""");
        Assert.True(version.Success);

        var saved = await Browser.PostFormAsync(client, demo.Workspace(3), $"{demo.Year(3)}/evaluation", new()
        {
            ["Form.Version"] = version.Groups[1].Value,
            ["Form.ReportedTotal"] = WebUtility.HtmlDecode(version.Groups[2].Value),
            ["Form.Text"] = "Semināri notika visos novados.",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.EndsWith("/entry#evaluation", saved.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await using (var db = _factory.OpenDatabase())
        {
            var year = await db.ImplementationYears.SingleAsync(y => y.AgreementId == demo.Id && y.Number == 3);
            Assert.Equal("Semināri notika visos novados.", year.EvaluationText);
            Assert.Equal(statedBefore, year.ReportedActualTotalCents);
        }
        Assert.Contains("Semināri notika visos novados.", await client.GetStringAsync(demo.Workspace(3)));
    }

    [Fact]
    public async Task The_carry_over_is_split_on_the_year_page_of_a_year_before_the_last()
    {
        var (client, demo) = await StaffAsync();
        await demo.SetStatusAsync(_factory, 2, ReviewStatus.Draft);
        var workspace = await client.GetStringAsync(demo.Workspace(2));
        Assert.Contains("data-testid=\"carry-over-inline\"", workspace);
        var rows = Regex.Matches(workspace, """name="(Form\.Lines\[\d+\]\.(?:BudgetLineId|Saved|Amount))" value="([^"]*)""")
            .ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        Assert.NotEmpty(rows);

        // Posted as prefilled (the remainder per line, or the saved split), the split is accepted.
        var saved = await Browser.PostFormAsync(client, demo.Workspace(2), $"{demo.Year(2)}/carry-over", rows);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.EndsWith("/entry#carry-over", saved.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"carry-over-inline\"", await client.GetStringAsync(demo.Workspace(3)));
    }
}
