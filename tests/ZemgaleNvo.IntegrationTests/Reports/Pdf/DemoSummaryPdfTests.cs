using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using ZemgaleNvo.Domain.Checks;
using ZemgaleNvo.IntegrationTests.Infrastructure;
using ZemgaleNvo.Pdf;
using ZemgaleNvo.Web.Features.Reports;
using ZemgaleNvo.Web.Features.Reports.Pdf;
using ZemgaleNvo.Web.Formatting;

namespace ZemgaleNvo.IntegrationTests.Reports.Pdf;

/// <summary>The demo agreement's summary and yearly report as PDF, read back with PdfPig.</summary>
public class DemoSummaryPdfTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    /// <summary>One font set for every test, as the application keeps one for its lifetime.</summary>
    internal static FontSet Fonts { get; } = ReportFonts.Load(new ConfigurationBuilder().Build());

    internal static readonly DateTimeOffset Created = new(2025, 9, 1, 10, 0, 0, TimeSpan.FromHours(3));

    /// <summary>Every figure of the budget table in shared/seed/README.md.</summary>
    public static readonly TheoryData<string> SeedFigures =
    [
        "49 000,00", "30 000,00", "19 000,00", "44 135,47", "36 785,82", "7 349,65", "4 864,53", "120,80", "4 743,73",
        "23 987,03", "25 012,97", "147 000,00", "90 000,00", "57 000,00", "142 135,47", "90 772,85", "51 362,62",
    ];

    private async Task<(SummaryReport Report, List<string> ResultTexts)> DemoAsync()
    {
        await portal.Factory.CreateClient().GetAsync(new Uri("/account/login", UriKind.Relative)); // start the app: migrate and seed
        await using var db = portal.Factory.OpenDatabase();
        var id = await db.Agreements.Where(a => a.Region!.Code == "zemgale").Select(a => a.Id).FirstAsync();
        var report = await new SummaryReportQuery(db, new SummaryReportCache()).RunAsync(id, CancellationToken.None);
        var texts = await db.Activities.Where(a => a.ImplementationYear!.AgreementId == id).Select(a => a.Text).ToListAsync();
        return (report!, texts);
    }

    private async Task<PdfReader> LatvianSummaryAsync(bool annex = false)
    {
        var (report, _) = await DemoAsync();
        var pdf = SummaryPdf.Render(report, ReportFormat.Latvian, Fonts, annex, Created);
        if (Environment.GetEnvironmentVariable("ZEMGALENVO_PDF_OUT") is { Length: > 0 } folder && !annex)
        {
            // For looking at the layout: ZEMGALENVO_PDF_OUT=/tmp dotnet test --filter DemoSummaryPdfTests
            await File.WriteAllBytesAsync(Path.Combine(folder, SummaryPdf.FileName(report)), pdf);
            await File.WriteAllBytesAsync(Path.Combine(folder, YearReportPdf.FileName(report, 2)), YearReportPdf.Render(report, 2, ReportFormat.Latvian, Fonts, true, Created));
        }

        return PdfReader.Read(pdf);
    }

    [Theory]
    [MemberData(nameof(SeedFigures))]
    public async Task The_summary_shows_every_figure_of_the_seed_budget_table(string figure)
    {
        var pdf = await LatvianSummaryAsync();

        Assert.Contains(figure, pdf.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_summary_has_every_result_line_of_the_database()
    {
        var (_, texts) = await DemoAsync();
        var pdf = await LatvianSummaryAsync();

        Assert.Equal(34, texts.Count);
        Assert.All(texts, text => Assert.True(pdf.ContainsCompact(text), $"missing result: {text}"));
    }

    [Fact]
    public async Task The_summary_follows_the_template_in_Latvian()
    {
        var (report, _) = await DemoAsync();
        var pdf = await LatvianSummaryAsync();

        Assert.StartsWith("Par atsevišķu valsts pārvaldes uzdevumu", pdf.Pages[0], StringComparison.Ordinal); // the running header
        Assert.Contains("Kopsavilkums", pdf.Pages[0], StringComparison.Ordinal);
        Assert.True(pdf.ContainsCompact(report.Agreement.Title + " (2022-2025)"));
        Assert.Contains("Biedrība „Zemgales NVO centrs”", pdf.Text, StringComparison.Ordinal);
        Assert.True(pdf.ContainsCompact(report.Agreement.TaskText)); // word for word, "Kurzemes reģionā" included
        Assert.Contains("2022. gada 15. jūlijs līdz 2025. gada 14. jūlijs", pdf.Text, StringComparison.Ordinal);
        Assert.Contains("II. ĪSTENOŠANAS GADS (2023. gada 15. jūlijs līdz 2024. gada 14. jūlijs)", pdf.Text, StringComparison.Ordinal);
        Assert.Contains("Zemgales reģiona mazākumtautību kapacitātes celšanai:", pdf.Text, StringComparison.Ordinal);
        Assert.Contains("15.07.2023.–14.07.2024.", pdf.Text, StringComparison.Ordinal);
        Assert.Contains("Plānots 49 000,00 euro, t.sk.", pdf.Text, StringComparison.Ordinal);
        Assert.Contains("Faktiski 44 135,47 euro, t.sk.", pdf.Text, StringComparison.Ordinal);
        Assert.True(pdf.ContainsCompact("- 36 785,82 euro pilsoniskās sabiedrības attīstībai Zemgales reģionā;"));
        Assert.True(pdf.ContainsCompact(
            "Atlikums 4 864,53 euro apmērā pārcelts uz nākamo periodu (t.sk. 120,80 euro pilsoniskās sabiedrības attīstībai Zemgales reģionā "
            + "un 4 743,73 euro mazākumtautību nevalstisko organizāciju attīstības un ilgtspējas veicināšanai)."));
        Assert.True(pdf.ContainsCompact("Neatbilstoši veiktie izdevumi Nav"));
        Assert.True(pdf.ContainsCompact("Neatgūto līdzekļu apmērs no neatbilstoši veiktajiem izdevumiem Nav"));
        Assert.True(pdf.ContainsCompact("Cita informācija Nav"));

        // The template's order.
        string[] order = ["Kopsavilkums", "Valsts pārvaldes uzdevuma veicējs", "I. ĪSTENOŠANAS GADS", "III. ĪSTENOŠANAS GADS",
            "Plānotais un faktiski izlietotais", "Finansējuma izlietojums pa budžeta pozīcijām", "Plānotais un faktiskais finansējums pa gadiem",
            "Neatbilstoši veiktie izdevumi", "Cita informācija"];
        var positions = order.Select(o => pdf.Compact.IndexOf(PdfReader.Squeeze(o), StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public async Task Result_lists_are_numbered_and_punctuated_as_the_template()
    {
        var pdf = await LatvianSummaryAsync();

        Assert.True(pdf.ContainsCompact("1) Nodrošināta Zemgales reģiona nevalstisko organizāciju vajadzību apzināšana - Fokusa grupu rezultātā apzinātas reģiona NVO vajadzības, sagatavots pārskats par fokusa grupu rezultātiem; 2) Nodrošināti 8"));
        Assert.True(pdf.ContainsCompact("organizēts Bauskas NVO forums 28.01.2023.; 6)"));
        Assert.True(pdf.ContainsCompact("8) Organizētas tiešsaistes apmācības."));
        Assert.True(pdf.ContainsCompact("4) Tika nodrošināta Zemgales mazākumtautību NVO kataloga maketēšana."));
        Assert.False(pdf.ContainsCompact("maketēšana.."));
    }

    [Fact]
    public async Task Every_page_has_the_page_of_total_footer_and_the_metadata_is_set()
    {
        var (report, _) = await DemoAsync();
        var pdf = await LatvianSummaryAsync();

        for (var i = 0; i < pdf.Pages.Count; i++)
        {
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"Lapa {i + 1} no {pdf.Pages.Count}"), pdf.Pages[i], StringComparison.Ordinal);
        }

        Assert.Contains("Lapa 1 no ", pdf.Pages[0], StringComparison.Ordinal);
        Assert.Equal("Kopsavilkums – " + report.Agreement.Title, pdf.Title);
        Assert.Equal("Biedrība „Zemgales NVO centrs”", pdf.Author);
        Assert.Equal("ZemgaleNvo", pdf.Creator);
        Assert.Equal("kopsavilkums-zemgale-2022-2025.pdf", SummaryPdf.FileName(report));
    }

    [Fact]
    public async Task Latvian_letters_survive_into_the_text()
    {
        var pdf = await LatvianSummaryAsync();

        foreach (var letter in "āēģīķļņšūžĪŠ„”–")
        {
            Assert.Contains(letter.ToString(), pdf.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_same_creation_time_gives_the_same_bytes()
    {
        var (report, _) = await DemoAsync();

        var first = SummaryPdf.Render(report, ReportFormat.Latvian, Fonts, includeFindingsAnnex: true, Created);
        var second = SummaryPdf.Render(report, ReportFormat.Latvian, Fonts, includeFindingsAnnex: true, Created);

        Assert.Equal(first, second);

        // The document id that makes them equal still tells different documents apart.
        var english = SummaryPdf.Render(report, ReportFormat.EnglishFormat, Fonts, includeFindingsAnnex: true, Created);
        Assert.NotEqual(TrailerId(first), TrailerId(english));
    }

    private static string TrailerId(byte[] pdf)
    {
        // The trailer's "/ID [<32 hex digits>", with or without spaces as the PDF writer lays it out.
        var ids = System.Text.RegularExpressions.Regex.Matches(System.Text.Encoding.Latin1.GetString(pdf), @"/ID\s*\[\s*<([0-9A-Fa-f]{32})>");
        Assert.True(ids.Count > 0, "the PDF has a document id");
        return ids[^1].Groups[1].Value;
    }

    [Fact]
    public async Task Without_the_annex_no_finding_is_shown()
    {
        var (report, _) = await DemoAsync();
        var pdf = await LatvianSummaryAsync(annex: false);

        Assert.NotEmpty(report.Findings);
        Assert.DoesNotContain("Pielikums. Portāla konstatētās neatbilstības", pdf.Text, StringComparison.Ordinal);
        Assert.All(report.Findings, f => Assert.False(pdf.ContainsCompact(f.MessageLv), f.MessageLv));
    }

    [Fact]
    public async Task With_the_annex_every_finding_is_listed_the_task_region_one_included()
    {
        var (report, _) = await DemoAsync();
        var pdf = await LatvianSummaryAsync(annex: true);

        var annexStart = pdf.Pages.ToList().FindIndex(p => p.Contains("Pielikums. Portāla konstatētās neatbilstības", StringComparison.Ordinal));
        Assert.True(annexStart > 0, "the annex starts on a page of its own");
        Assert.DoesNotContain("Cita informācija", pdf.Pages[annexStart], StringComparison.Ordinal);
        var taskRegion = Assert.Single(report.Findings, f => f.RuleCode == ConsistencyRuleCodes.TaskRegionMismatch);
        Assert.Contains("Kurzemes", taskRegion.MessageLv, StringComparison.Ordinal);
        Assert.All(report.Findings, f => Assert.True(pdf.ContainsCompact(f.MessageLv), f.MessageLv));
    }

    [Fact]
    public async Task The_English_summary_uses_English_wording_and_amounts()
    {
        var (report, _) = await DemoAsync();

        var pdf = PdfReader.Read(SummaryPdf.Render(report, ReportFormat.EnglishFormat, Fonts, includeFindingsAnnex: true, Created));

        Assert.Contains("Summary", pdf.Pages[0], StringComparison.Ordinal);
        Assert.Contains("Page 1 of ", pdf.Pages[0], StringComparison.Ordinal);
        Assert.Contains("EUR 49,000.00", pdf.Text, StringComparison.Ordinal);
        Assert.Contains("EUR 36,785.82", pdf.Text, StringComparison.Ordinal);
        Assert.Contains("142,135.47", pdf.Text, StringComparison.Ordinal);
        Assert.Contains("Annex. Inconsistencies found by the portal", pdf.Text, StringComparison.Ordinal);
        Assert.True(pdf.ContainsCompact(Assert.Single(report.Findings, f => f.RuleCode == ConsistencyRuleCodes.TaskRegionMismatch).MessageEn));
        Assert.DoesNotContain("Lapa ", pdf.Text, StringComparison.Ordinal);
        Assert.Equal("Summary – " + report.Agreement.Title, pdf.Title);
    }

    [Fact]
    public async Task The_year_II_report_has_the_years_results_figures_and_details()
    {
        var (report, _) = await DemoAsync();
        var year = report.Year(2)!;

        var pdf = PdfReader.Read(YearReportPdf.Render(report, 2, ReportFormat.Latvian, Fonts, includeFindingsAnnex: true, Created));

        Assert.Equal("gada-parskats-zemgale-2022-2025-II.pdf", YearReportPdf.FileName(report, 2));
        Assert.Contains("Īstenošanas gada pārskats", pdf.Pages[0], StringComparison.Ordinal);
        Assert.Contains("II. īstenošanas gads", pdf.Pages[0], StringComparison.Ordinal);
        Assert.Contains("Apstiprināts", pdf.Text, StringComparison.Ordinal);
        Assert.All(year.Strands.SelectMany(s => s.Results), r => Assert.True(pdf.ContainsCompact(r.Text), r.Text));
        Assert.False(pdf.ContainsCompact(report.Year(1)!.Strands[0].Results[0].Text), "another year's result is in the report");
        foreach (var b in year.Budget)
        {
            var format = ReportFormat.Latvian;
            foreach (var cents in new[] { b.PlannedCents, b.CarriedInCents, b.AvailableCents, b.ActualCents, b.RemainingCents, b.CarriedOutCents })
            {
                Assert.Contains(format.Money(cents).Replace('\u00A0', ' '), pdf.Text, StringComparison.Ordinal);
            }
        }

        Assert.Contains("6 785,82", pdf.Text, StringComparison.Ordinal); // the civil-society line's overspend, as the model gives it
        Assert.True(pdf.ContainsCompact("Rādītāji: 62 konsultācijas"));
        Assert.True(pdf.ContainsCompact("Atlikums 4 864,53 euro apmērā pārcelts uz nākamo periodu"));

        // The annex lists this year's findings only.
        Assert.Contains("Pielikums. Portāla konstatētās neatbilstības", pdf.Text, StringComparison.Ordinal);
        Assert.All(report.Findings.Where(f => f.YearNumber == 2), f => Assert.True(pdf.ContainsCompact(f.MessageLv), f.MessageLv));
        Assert.All(report.Findings.Where(f => f.YearNumber != 2), f => Assert.False(pdf.ContainsCompact(f.MessageLv), f.MessageLv));
    }
}
