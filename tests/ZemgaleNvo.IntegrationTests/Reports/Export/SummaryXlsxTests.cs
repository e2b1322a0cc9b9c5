using System.IO.Compression;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using ZemgaleNvo.Domain.Checks;
using ZemgaleNvo.IntegrationTests.Infrastructure;
using ZemgaleNvo.Web.Features.Reports;
using ZemgaleNvo.Web.Features.Reports.Export;
using ZemgaleNvo.Web.Formatting;

namespace ZemgaleNvo.IntegrationTests.Reports.Export;

/// <summary>The summary spreadsheet of the demo agreement, read back with the Open XML SDK.</summary>
public class SummaryXlsxTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static readonly string[] LatvianSheets = ["Līgums", "Rezultāti", "Finansējums", "Atmaksājams", "Rādītāji", "Izdevumi", "Pārdales", "Neatbilstības", "Konstatējumi"];
    private static readonly string[] YearNumerals = ["I", "II", "III"];
    private static readonly string[] EnglishSheets = ["Agreement", "Results", "Funding", "To return", "Indicators", "Expenditure", "Reallocations", "Non-compliance", "Findings"];

    private async Task<(SummaryReport Report, XlsxReader Xlsx)> RenderAsync(ReportFormat format)
    {
        var report = await ExportTestData.DemoReportAsync(portal.Factory);
        return (report, new XlsxReader(SummaryXlsx.Render(report, format)));
    }

    [Fact]
    public async Task Has_a_sheet_per_section_named_in_Latvian()
    {
        var (_, xlsx) = await RenderAsync(ReportFormat.Latvian);
        using (xlsx)
        {
            Assert.Equal(LatvianSheets, xlsx.SheetNames);
        }
    }

    [Fact]
    public async Task English_rendering_has_English_sheet_names_and_headings()
    {
        var (_, xlsx) = await RenderAsync(ReportFormat.EnglishFormat);
        using (xlsx)
        {
            Assert.Equal(EnglishSheets, xlsx.SheetNames);
            var header = xlsx.Rows("Funding")[0];
            Assert.Equal(["Year", "Budget line", "Planned", "Carried in", "Reallocated in", "Reallocated out", "Available", "Actual", "Remaining", "Carried out", "Execution, %"],
                header.OrderBy(c => c.Key.Length).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => XlsxReader.Text(c.Value)));
            var grandTotal = xlsx.Rows("Funding").Single(r => XlsxReader.Text(r, "A") == "Whole period" && XlsxReader.Text(r, "B") == "Total");
            Assert.Equal(147_000m, XlsxReader.Number(grandTotal, "C"));
        }
    }

    [Fact]
    public async Task The_workbook_is_valid_Open_XML()
    {
        var (_, xlsx) = await RenderAsync(ReportFormat.Latvian);
        using (xlsx)
        {
            var errors = new OpenXmlValidator().Validate(xlsx.Document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
            Assert.Empty(errors);
        }
    }

    [Fact]
    public async Task Budget_sheet_has_the_seed_figures_as_numbers_in_the_right_cells()
    {
        var (_, xlsx) = await RenderAsync(ReportFormat.Latvian);
        using (xlsx)
        {
            var rows = xlsx.Rows("Finansējums");
            Assert.Equal(["Gads", "Budžeta pozīcija", "Plānots", "Pārcelts no iepr. gada", "Pārdalīts uz", "Pārdalīts no", "Pieejams", "Faktiski", "Atlikums", "Pārcelts tālāk", "Izpilde, %"],
                Enumerable.Range(0, 11).Select(i => XlsxReader.Text(rows[0], "ABCDEFGHIJK"[i].ToString())));
            IReadOnlyDictionary<string, Cell> Row(string year, string line) =>
                rows.Single(r => XlsxReader.Text(r, "A") == year && XlsxReader.Text(r, "B") == line);

            // Columns: C planned, D carried in, E reallocated in, F reallocated out, G available, H actual, I remaining, J carried out, K execution.
            var civilI = Row("I", ExportTestData.CivilLine);
            Assert.Equal(30_000m, XlsxReader.Number(civilI, "C"));
            Assert.Equal(30_000m, XlsxReader.Number(civilI, "H"));
            Assert.Equal(19_000m, XlsxReader.Number(Row("I", ExportTestData.MinorityLine), "H"));

            var civilII = Row("II", ExportTestData.CivilLine);
            Assert.Equal(30_000m, XlsxReader.Number(civilII, "C"));
            Assert.Equal(36_785.82m, XlsxReader.Number(civilII, "H"));
            Assert.Equal(-6_785.82m, XlsxReader.Number(civilII, "I"));
            Assert.Equal(120.8m, XlsxReader.Number(civilII, "J"));
            Assert.Equal(122.6m, XlsxReader.Number(civilII, "K"));
            var minorityII = Row("II", ExportTestData.MinorityLine);
            Assert.Equal(7_349.65m, XlsxReader.Number(minorityII, "H"));
            Assert.Equal(4_743.73m, XlsxReader.Number(minorityII, "J"));
            var totalII = Row("II", "Kopā");
            Assert.Equal(44_135.47m, XlsxReader.Number(totalII, "H"));
            Assert.Equal(4_864.53m, XlsxReader.Number(totalII, "J"));
            Assert.False(totalII.ContainsKey("E")); // the model has no year total of reallocations: blank, as on the page

            var civilIII = Row("III", ExportTestData.CivilLine);
            Assert.Equal(120.8m, XlsxReader.Number(civilIII, "D"));
            Assert.Equal(30_120.8m, XlsxReader.Number(civilIII, "G"));
            Assert.Equal(23_987.03m, XlsxReader.Number(civilIII, "H"));
            Assert.Equal(6_133.77m, XlsxReader.Number(civilIII, "I"));
            var minorityIII = Row("III", ExportTestData.MinorityLine);
            Assert.Equal(25_012.97m, XlsxReader.Number(minorityIII, "H"));
            Assert.Equal(-1_269.24m, XlsxReader.Number(minorityIII, "I"));

            Assert.Equal(90_772.85m, XlsxReader.Number(Row("Visā periodā", ExportTestData.CivilLine), "H"));
            Assert.Equal(51_362.62m, XlsxReader.Number(Row("Visā periodā", ExportTestData.MinorityLine), "H"));
            var grandTotal = Row("Visā periodā", "Kopā");
            Assert.Equal(147_000m, XlsxReader.Number(grandTotal, "C"));
            Assert.Equal(142_135.47m, XlsxReader.Number(grandTotal, "H"));
            // Issue 13: the period's remainder is not netted across lines, and carries nothing: the "Atmaksājams" sheet says what it leaves.
            Assert.False(grandTotal.ContainsKey("I"));
            Assert.False(grandTotal.ContainsKey("J"));
            var returns = xlsx.Rows("Atmaksājams").Skip(1).ToList();
            Assert.Equal(6_133.77m, XlsxReader.Number(returns[0], "B"));
            Assert.Equal(1_269.24m, XlsxReader.Number(returns[1], "C"));
            Assert.Equal("Kopā", XlsxReader.Text(returns[2], "A"));
            Assert.Equal(6_133.77m, XlsxReader.Number(returns[2], "B"));
            Assert.Equal(1_269.24m, XlsxReader.Number(returns[2], "C"));

            Assert.Equal("#,##0.00", xlsx.NumberFormat(civilII["H"]));
            Assert.Equal("0.0", xlsx.NumberFormat(civilII["K"]));
            Assert.True(xlsx.IsBold(grandTotal["H"]));
            Assert.False(xlsx.IsBold(civilII["H"]));
            Assert.True(xlsx.IsBold(rows[0]["A"]));
        }
    }

    [Fact]
    public async Task Budget_sheet_has_a_row_per_year_and_line_and_the_totals()
    {
        var (report, xlsx) = await RenderAsync(ReportFormat.Latvian);
        using (xlsx)
        {
            var body = xlsx.Rows("Finansējums").Skip(1).ToList();
            // 3 years × (2 lines + total) + 2 period lines + grand total
            Assert.Equal(12, body.Count);
            Assert.Equal(BudgetTable.For(report, new ReportText(ReportFormat.Latvian)).Rows.Count, body.Count);
        }
    }

    [Fact]
    public async Task Every_sheet_has_a_bold_frozen_header()
    {
        var (_, xlsx) = await RenderAsync(ReportFormat.Latvian);
        using (xlsx)
        {
            foreach (var name in LatvianSheets)
            {
                var pane = xlsx.Worksheet(name).Descendants<Pane>().Single();
                Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
                Assert.Equal(1d, pane.VerticalSplit!.Value);
                Assert.Equal("A2", pane.TopLeftCell!.Value);
                Assert.All(xlsx.Rows(name)[0].Values, c => Assert.True(xlsx.IsBold(c)));
                Assert.NotEmpty(xlsx.Worksheet(name).Descendants<Column>());
            }
        }
    }

    [Fact]
    public async Task Results_sheet_has_the_34_results_with_indicators_and_real_dates()
    {
        var (_, xlsx) = await RenderAsync(ReportFormat.Latvian);
        using (xlsx)
        {
            var rows = xlsx.Rows("Rezultāti").Skip(1).ToList();
            var results = rows.Where(r => r.ContainsKey("C")).ToList();
            Assert.Equal(34, results.Count); // 8 + 4, 7 + 3, 8 + 4
            // Issue 13, 6: each strand named above its results: the typed heading, or "Virziens „…”" when none was typed.
            var headings = rows.Where(r => !r.ContainsKey("C")).ToList();
            Assert.Equal(6, headings.Count);
            Assert.All(headings, h => Assert.EndsWith(":", XlsxReader.Text(h, "D")));
            Assert.Equal(rows.IndexOf(headings[0]) + 1, rows.IndexOf(results[0]));
            Assert.Equal([12, 10, 12], YearNumerals.Select(y => results.Count(r => XlsxReader.Text(r, "A") == y)));

            var bauska = results.Single(r => XlsxReader.Text(r, "H") == "Bauska");
            Assert.Equal("vismaz 4 Zemgales reģiona NVO", XlsxReader.Text(bauska, "E"));
            Assert.Equal(5m, XlsxReader.Number(bauska, "C"));
            Assert.Equal("dd.mm.yyyy", xlsx.NumberFormat(bauska["F"]));
            Assert.Equal(new DateTime(2023, 1, 28), DateTime.FromOADate((double)XlsxReader.Number(bauska, "F")));

            Assert.Contains(results, r => XlsxReader.Text(r, "E") == "vairāk kā 60 konsultācijas");
            Assert.Contains(results, r => XlsxReader.Text(r, "E") == "2 panelīdiskusijas; 12 mācību semināri / darbnīcas");
        }
    }

    [Fact]
    public async Task Agreement_sheet_has_the_facts_with_real_dates()
    {
        var (_, xlsx) = await RenderAsync(ReportFormat.Latvian);
        using (xlsx)
        {
            var rows = xlsx.Rows("Līgums");
            string? Value(string label) => XlsxReader.Text(rows.First(r => XlsxReader.Text(r, "A") == label), "B");
            Assert.Equal("Zemgales reģions", Value("Reģions"));
            Assert.Equal("Biedrība „Zemgales NVO centrs”", Value("Valsts pārvaldes uzdevuma veicējs"));
            Assert.Equal("Deleģēšanas līgums", Value("Līguma veids"));
            Assert.EndsWith("Kurzemes reģionā", Value("Valsts pārvaldes uzdevums"), StringComparison.Ordinal);
            Assert.Equal("Nav", Value("Cita informācija"));
            var start = rows.First(r => XlsxReader.Text(r, "A") == "Perioda sākums");
            Assert.Equal(new DateTime(2022, 7, 15), DateTime.FromOADate((double)XlsxReader.Number(start, "B")));
            Assert.Equal("dd.mm.yyyy", xlsx.NumberFormat(start["B"]));
            Assert.Contains(rows, r => XlsxReader.Text(r, "A") == "III. īstenošanas gads");
        }
    }

    [Fact]
    public async Task Findings_and_non_compliance_sheets_follow_the_model()
    {
        var (report, xlsx) = await RenderAsync(ReportFormat.Latvian);
        using (xlsx)
        {
            var findings = xlsx.Rows("Konstatējumi").Skip(1).ToList();
            Assert.Equal(report.Findings.Count, findings.Count);
            Assert.Contains(findings, r => XlsxReader.Text(r, "B") == ConsistencyRuleCodes.TaskRegionMismatch);
            Assert.Contains(findings, r => XlsxReader.Text(r, "B") == ConsistencyRuleCodes.LineOverspent && XlsxReader.Text(r, "C") == "II");
            Assert.Equal(report.Findings.Select(f => ((string?)f.RuleCode, (string?)f.MessageLv)), findings.Select(r => (XlsxReader.Text(r, "B"), XlsxReader.Text(r, "E"))));

            var nonCompliance = xlsx.Rows("Neatbilstības").Skip(1).ToList();
            Assert.Equal("Nav", XlsxReader.Text(Assert.Single(nonCompliance), "A"));
        }
    }

    [Fact]
    public void Items_reallocations_and_non_compliance_of_a_made_up_model_are_written()
    {
        using var xlsx = new XlsxReader(SummaryXlsx.Render(ExportTestData.MadeUp("pozīcija"), ReportFormat.Latvian));

        var spending = Assert.Single(xlsx.Rows("Izdevumi").Skip(1));
        Assert.Equal(123.45m, XlsxReader.Number(spending, "G"));
        Assert.Equal("SIA \"Telpas\"", XlsxReader.Text(spending, "E"));
        Assert.Equal(new DateTime(2024, 3, 1), DateTime.FromOADate((double)XlsxReader.Number(spending, "B")));

        var reallocation = Assert.Single(xlsx.Rows("Pārdales").Skip(1));
        Assert.Equal("otrā pozīcija", XlsxReader.Text(reallocation, "B"));
        Assert.Equal(50m, XlsxReader.Number(reallocation, "D"));

        var nonCompliance = xlsx.Rows("Neatbilstības").Skip(1).ToList();
        Assert.Equal(2, nonCompliance.Count);
        Assert.Equal(10m, XlsxReader.Number(nonCompliance[0], "C"));
        Assert.Equal(6m, XlsxReader.Number(nonCompliance[0], "G"));
        Assert.Equal("Kopā", XlsxReader.Text(nonCompliance[1], "A"));
        Assert.Equal(6m, XlsxReader.Number(nonCompliance[1], "G"));

        var result = Assert.Single(xlsx.Rows("Rezultāti").Skip(1), r => r.ContainsKey("C"));
        // The made-up second strand has no results: it says which strand is empty.
        Assert.Contains(xlsx.Rows("Rezultāti"), r => XlsxReader.Text(r, "D") == "Virzienam „otrā pozīcija” rezultāti nav ievadīti.");
        Assert.Equal(new DateTime(2024, 2, 29), DateTime.FromOADate((double)XlsxReader.Number(result, "F")));
        Assert.False(result.ContainsKey("G"));
        Assert.Equal("Līdzdarbības līgums", XlsxReader.Text(xlsx.Rows("Līgums").First(r => XlsxReader.Text(r, "A") == "Līguma veids"), "B"));
    }

    [Fact]
    public async Task The_same_report_gives_the_same_bytes()
    {
        var report = await ExportTestData.DemoReportAsync(portal.Factory);
        var first = SummaryXlsx.Render(report, ReportFormat.Latvian);
        var second = SummaryXlsx.Render(report, ReportFormat.Latvian);
        Assert.Equal(first, second);
        using var zip = new ZipArchive(new MemoryStream(first), ZipArchiveMode.Read);
        Assert.All(zip.Entries, e => Assert.Equal(2000, e.LastWriteTime.Year));
    }
}
