using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Checks;
using ZemgaleNvo.IntegrationTests.Admin;
using ZemgaleNvo.IntegrationTests.Infrastructure;
using ZemgaleNvo.IntegrationTests.Reports.Export;
using ZemgaleNvo.IntegrationTests.Reports.Pdf;

namespace ZemgaleNvo.IntegrationTests.Reports;

/// <summary>
/// Performance indicators with yearly targets (issue 14, 1): the admin defines them, the performer's
/// result counts name them, and every report shows target against achieved; short of the target is
/// a deviation to explain.
/// </summary>
public sealed partial class IndicatorTargetTests : IDisposable
{
    private const string Name = "Mācību semināri Zemgales NVO pārstāvjiem";
    private static readonly string[] SheetColumns = ["A", "B", "C", "D", "E"];
    private readonly PortalFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private static Dictionary<string, string> IndicatorForm(string name, string unit, string qualifier, params string[] targets)
    {
        var fields = new Dictionary<string, string> { ["Form.Name"] = name, ["Form.Unit"] = unit, ["Form.Qualifier"] = qualifier, ["Form.Version"] = "0" };
        for (var i = 0; i < targets.Length; i++)
        {
            fields[$"Form.Targets[{i}].YearNumber"] = (i + 1).Text();
            fields[$"Form.Targets[{i}].Count"] = targets[i];
        }
        return fields;
    }

    /// <summary>The admin adds the indicator (no target in the approved years I and II, at least 10 in year III).</summary>
    private async Task<(DemoAgreement Demo, int IndicatorId)> IndicatorAsync()
    {
        var demo = await DemoAgreement.LoadAsync(_factory);
        var admin = await AdminBrowser.AdminClientAsync(_factory);
        var response = await Browser.PostFormAsync(admin, $"/admin/agreements/{demo.Id}/indicators/new", $"/admin/agreements/{demo.Id}/indicators/new",
            IndicatorForm(Name, "semināri", "AtLeast", "", "", "10"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = _factory.OpenDatabase();
        return (demo, await db.PerformanceIndicators.Where(i => i.AgreementId == demo.Id && i.Name == Name).Select(i => i.Id).SingleAsync());
    }

    /// <summary>The performer records a result in year III whose count names the indicator (the unit left for the portal to fill).</summary>
    private static async Task AddResultAsync(HttpClient staff, DemoAgreement demo, string indicatorId, string count, string text, string unit = "")
    {
        var response = await Browser.PostFormAsync(staff, $"{demo.Year(3)}/results/new", $"{demo.Year(3)}/results/new", new()
        {
            ["Form.BudgetLineId"] = demo.FirstLineId.Text(),
            ["Form.Text"] = text,
            ["Form.Indicators[0].PerformanceIndicatorId"] = indicatorId,
            ["Form.Indicators[0].Qualifier"] = "Exactly",
            ["Form.Indicators[0].Count"] = count,
            ["Form.Indicators[0].Unit"] = unit,
            ["Form.Version"] = "0",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Target_against_achieved_agree_in_html_pdf_xlsx_and_json_and_falling_short_is_a_deviation()
    {
        var (demo, indicatorId) = await IndicatorAsync();
        var staff = await Browser.SignedInClientAsync(_factory, Browser.ZemgaleStaff);
        await AddResultAsync(staff, demo, indicatorId.Text(), "4", "Novadīti 4 mācību semināri Jelgavā");
        await AddResultAsync(staff, demo, indicatorId.Text(), "3", "Novadīti 3 mācību semināri Bauskā");

        await using (var db = _factory.OpenDatabase())
        {
            var counts = await db.Indicators.Where(c => c.PerformanceIndicatorId == indicatorId).ToListAsync();
            Assert.Equal(2, counts.Count);
            Assert.All(counts, c => Assert.Equal("semināri", c.Unit));
        }

        var reviewer = await Browser.SignedInClientAsync(_factory, Browser.Reviewer);
        var expected = (Target: "vismaz 10", Achieved: "7", Percent: "70,0 %");

        // The page: the summary and the year's report.
        foreach (var page in new[] { $"/agreements/{demo.Id}/summary", $"/agreements/{demo.Id}/years/3" })
        {
            var html = await reviewer.GetStringAsync(page);
            Assert.Equal(expected, HtmlRow(html, indicatorId, 3));
            Assert.Contains("zem mērķa", Browser.Text(html));
        }

        // The PDFs: the row as PdfPig reads it back.
        foreach (var path in new[] { "summary.pdf", "years/3.pdf" })
        {
            var text = PdfReader.Read(await reviewer.GetByteArrayAsync($"/agreements/{demo.Id}/{path}")).Text.Replace('\u00A0', ' ');
            Assert.Contains("Rezultatīvie rādītāji: mērķis un sasniegtais", text);
            var row = text[text.IndexOf("Rezultatīvie rādītāji: mērķis un sasniegtais", StringComparison.Ordinal)..];
            Assert.Matches(new Regex(@"III\s*vismaz 10\s*7\s*70,0 %"), row);
        }

        // The spreadsheet: target and achieved as worded, the share as a number.
        using (var xlsx = new XlsxReader(await reviewer.GetByteArrayAsync($"/agreements/{demo.Id}/summary.xlsx")))
        {
            var rows = xlsx.Rows("Rādītāji");
            Assert.Equal(["Rādītājs", "Gads", "Mērķis", "Sasniegts", "Izpilde, %"], SheetColumns.Select(c => XlsxReader.Text(rows[0], c)));
            var row = Assert.Single(rows, r => XlsxReader.Text(r, "A") == $"{Name} (semināri)" && XlsxReader.Text(r, "B") == "III");
            Assert.Equal(expected.Target, XlsxReader.Text(row, "C"));
            Assert.Equal(expected.Achieved, XlsxReader.Text(row, "D"));
            Assert.Equal(70.0m, decimal.Parse(XlsxReader.Text(row, "E")!, CultureInfo.InvariantCulture));
        }

        // The open data: the same figures, language-neutral.
        using (var json = JsonDocument.Parse(await reviewer.GetByteArrayAsync($"/agreements/{demo.Id}/summary.json")))
        {
            var item = Assert.Single(json.RootElement.GetProperty("indicators").EnumerateArray(), i => i.GetProperty("year").GetInt32() == 3);
            Assert.Equal(10, item.GetProperty("target").GetInt32());
            Assert.Equal(7, item.GetProperty("achieved").GetInt32());
            Assert.Equal("atLeast", item.GetProperty("qualifier").GetString());
            Assert.False(item.GetProperty("met").GetBoolean());
            Assert.Equal(70.0m, item.GetProperty("percent").GetDecimal());
        }

        // Short of the target: one deviation for the indicator and year, asking the performer to explain.
        var workspace = await staff.GetStringAsync(demo.Workspace(3));
        Assert.Contains($"data-finding=\"{ConsistencyRuleCodes.IndicatorBelowTarget}::{indicatorId.Text()}\"", workspace);
        Assert.Contains($"III. īstenošanas gadā rādītājs „{Name}” sasniegts 7 „semināri” apmērā, lai gan mērķis ir vismaz 10.", Browser.Text(workspace));

        // Reaching it (7 + 3 = 10, "vismaz 10") takes the deviation away and shows 100,0 %.
        await AddResultAsync(staff, demo, indicatorId.Text(), "3", "Novadīti 3 mācību semināri Dobelē");
        Assert.Equal(("vismaz 10", "10", "100,0 %"), HtmlRow(await reviewer.GetStringAsync($"/agreements/{demo.Id}/years/3"), indicatorId, 3));
        Assert.DoesNotContain(ConsistencyRuleCodes.IndicatorBelowTarget + "::", await staff.GetStringAsync(demo.Workspace(3)));
    }

    [Fact]
    public async Task A_free_count_does_not_count_against_the_target_and_years_without_one_have_no_row()
    {
        var (demo, indicatorId) = await IndicatorAsync();
        var staff = await Browser.SignedInClientAsync(_factory, Browser.ZemgaleStaff);
        await AddResultAsync(staff, demo, "", "12", "Novadīti 12 semināri", unit: "semināri");

        var html = await staff.GetStringAsync($"/agreements/{demo.Id}/years/3");

        // The free count names no indicator, so year III achieved 0 of its 10, whatever the unit says.
        Assert.Equal(("vismaz 10", "0", "0,0 %"), HtmlRow(html, indicatorId, 3));
        // Years I and II have no target and no count: no row.
        Assert.DoesNotContain($"data-indicator=\"{indicatorId.Text()}\" data-year=\"1\"", await staff.GetStringAsync($"/agreements/{demo.Id}/summary"));
    }

    [Fact]
    public async Task Bad_indicator_input_gets_Latvian_messages_keeps_what_was_typed_and_saves_nothing()
    {
        var demo = await DemoAgreement.LoadAsync(_factory);
        var admin = await AdminBrowser.AdminClientAsync(_factory);

        var response = await Browser.PostFormAsync(admin, $"/admin/agreements/{demo.Id}/indicators/new", $"/admin/agreements/{demo.Id}/indicators/new",
            IndicatorForm("", "konsultācijas", "Sometimes", "", "", "0"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var text = Browser.Text(html);
        Assert.Contains("Ierakstiet rādītāja nosaukumu.", text);
        Assert.Contains("Mērķim jābūt veselam skaitlim no 1 līdz 1000000", text);
        Assert.Contains("value=\"konsultācijas\"", html);
        await using var db = _factory.OpenDatabase();
        Assert.False(await db.PerformanceIndicators.AnyAsync());
    }

    [Fact]
    public async Task An_approved_years_target_cannot_change_and_a_counted_indicator_cannot_be_deleted()
    {
        var (demo, indicatorId) = await IndicatorAsync();
        var admin = await AdminBrowser.AdminClientAsync(_factory);
        var url = $"/admin/agreements/{demo.Id}/indicators/{indicatorId.Text()}";

        var frozen = await Browser.PostFormAsync(admin, url, url, IndicatorForm(Name, "semināri", "AtLeast", "8", "", "10"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, frozen.StatusCode);
        Assert.Contains("I. īstenošanas gads ir apstiprināts: tā mērķi mainīt nevar.", Browser.Text(await frozen.Content.ReadAsStringAsync()));

        var staff = await Browser.SignedInClientAsync(_factory, Browser.ZemgaleStaff);
        await AddResultAsync(staff, demo, indicatorId.Text(), "2", "Novadīti 2 semināri");
        var delete = await Browser.PostFormAsync(admin, $"/admin/agreements/{demo.Id}/edit", $"{url}/delete", []);

        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
        Assert.Contains($"Rādītāju „{Name}” dzēst nevar: uz to atsaucas rezultātu skaiti (1).", Browser.Text(await delete.Content.ReadAsStringAsync()));
        await using var db = _factory.OpenDatabase();
        var indicator = await db.PerformanceIndicators.Include(i => i.Targets).SingleAsync(i => i.Id == indicatorId);
        Assert.Equal([10], indicator.Targets.Select(t => t.Count));
    }

    [Fact]
    public async Task Staff_cannot_name_an_indicator_of_another_agreement()
    {
        var (demo, indicatorId) = await IndicatorAsync();
        var staff = await Browser.SignedInClientAsync(_factory, Browser.ZemgaleStaff);

        var response = await Browser.PostFormAsync(staff, $"{demo.Year(3)}/results/new", $"{demo.Year(3)}/results/new", new()
        {
            ["Form.BudgetLineId"] = demo.FirstLineId.Text(),
            ["Form.Text"] = "Novadīti semināri",
            ["Form.Indicators[0].PerformanceIndicatorId"] = (indicatorId + 1000).Text(),
            ["Form.Indicators[0].Count"] = "3",
            ["Form.Indicators[0].Unit"] = "semināri",
            ["Form.Version"] = "0",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Izvēlieties šī līguma rādītāju no saraksta vai „brīvs rādītājs”.", Browser.Text(await response.Content.ReadAsStringAsync()));
    }

    private static (string Target, string Achieved, string Percent) HtmlRow(string html, int indicatorId, int year)
    {
        var row = RowPattern().Matches(html).Single(m => m.Groups["id"].Value == indicatorId.Text() && m.Groups["year"].Value == year.Text()).Value;
        string Cell(string column) => Browser.Text(Regex.Match(row, $"data-col=\"{column}\">(.*?)</td>", RegexOptions.Singleline).Groups[1].Value).Replace("(zem mērķa)", "", StringComparison.Ordinal).Trim();
        return (Cell("target"), Cell("achieved"), Cell("percent"));
    }

    [GeneratedRegex("<tr data-indicator=\"(?<id>\\d+)\" data-year=\"(?<year>\\d+)\">.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();
}
