using System.Xml.Linq;
using ZemgaleNvo.Web.Features.Reports;
using ZemgaleNvo.Web.Features.Reports.Chart;
using ZemgaleNvo.Web.Features.Reports.Pdf;
using ZemgaleNvo.Web.Formatting;

namespace ZemgaleNvo.IntegrationTests.Reports.Pdf;

/// <summary>
/// A synthetic agreement far larger than the demo one (10 years, 200 results a year, four budget
/// lines), built in memory and turned into the report model without a database: the PDF must break
/// over many pages without losing or repeating a line.
/// </summary>
public class LargeReportPdfTests
{
    private const int Years = 10;
    private const int ActivitiesPerYear = 200;
    private const int SpendingEntries = 260;

    private static readonly Lazy<SummaryReport> Report = new(() =>
        SummaryReportBuilder.Build(SyntheticAgreement.Build(Years, ActivitiesPerYear, SpendingEntries), SyntheticAgreement.Regions));

    private static readonly Lazy<PdfReader> Summary = new(() =>
        PdfReader.Read(SummaryPdf.Render(Report.Value, ReportFormat.Latvian, DemoSummaryPdfTests.Fonts, includeFindingsAnnex: true, DemoSummaryPdfTests.Created)));

    [Fact]
    public void Every_result_appears_exactly_once_across_many_pages()
    {
        var pdf = Summary.Value;

        Assert.True(pdf.Pages.Count >= 40, $"expected many pages, got {pdf.Pages.Count}");
        var wrong = new List<string>();
        for (var year = 1; year <= Years; year++)
        {
            for (var n = 1; n <= ActivitiesPerYear; n++)
            {
                var count = pdf.CountCompact(SyntheticAgreement.Marker(year, n));
                if (count != 1)
                {
                    wrong.Add($"{SyntheticAgreement.Marker(year, n)} ×{count}");
                }
            }
        }

        Assert.Empty(wrong);
        Assert.All(Report.Value.Years.SelectMany(y => y.Strands).SelectMany(s => s.Results), r => Assert.True(pdf.ContainsCompact(r.Text), r.Text));
    }

    [Fact]
    public void Every_page_has_the_header_and_the_footer()
    {
        var pdf = Summary.Value;

        for (var i = 0; i < pdf.Pages.Count; i++)
        {
            Assert.StartsWith("Par atsevišķu valsts pārvaldes", pdf.Pages[i], StringComparison.Ordinal);
            Assert.EndsWith($"Lapa {i + 1} no {pdf.Pages.Count}", pdf.Pages[i], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Strand_headings_repeat_year_after_year_and_the_budget_tables_keep_their_headers()
    {
        var pdf = Summary.Value;

        var headingPages = Enumerable.Range(0, pdf.Pages.Count).Count(i => pdf.PageContainsCompact(i, "Pozīcijas 2 rezultāti:"));
        Assert.True(headingPages >= 5, $"the strand heading is on {headingPages} pages");

        // Five budget tables (four lines and the total), each with its header; reallocations make the two extra columns appear.
        Assert.InRange(pdf.CountCompact("Gads Plānots Pārcelts no iepr. gada Pārdalīts uz Pārdalīts no Pieejams Faktiski Atlikums Pārcelts tālāk Izpilde"), 5, 10);
        Assert.True(pdf.ContainsCompact("1 500,00"));
        Assert.True(pdf.ContainsCompact("Kopā visās budžeta pozīcijās"));
        Assert.True(pdf.ContainsCompact("Neatbilstoši veiktie izdevumi 845,20 euro"));
        Assert.True(pdf.ContainsCompact("Neatgūto līdzekļu apmērs no neatbilstoši veiktajiem izdevumiem 545,20 euro"));
        Assert.True(pdf.ContainsCompact("Izdevumi bez attaisnojuma dokumenta"));
        Assert.True(pdf.ContainsCompact(Report.Value.Agreement.OtherInformation!));
    }

    [Fact]
    public void A_long_spending_table_repeats_its_header_on_every_page_it_reaches()
    {
        var pdf = PdfReader.Read(YearReportPdf.Render(Report.Value, 3, ReportFormat.Latvian, DemoSummaryPdfTests.Fonts, includeFindingsAnnex: false, DemoSummaryPdfTests.Created));

        var spendingPages = Enumerable.Range(0, pdf.Pages.Count)
            .Where(i => Enumerable.Range(1, SpendingEntries).Any(s => pdf.PageContainsCompact(i, SyntheticAgreement.SpendingMarker(s))))
            .ToList();
        Assert.True(spendingPages.Count >= 3, $"the spending table spans {spendingPages.Count} pages");
        Assert.All(spendingPages, i => Assert.True(pdf.PageContainsCompact(i, "Datums Budžeta pozīcija Apraksts Piegādātājs Dokuments Summa"), $"page {i + 1} has no header"));
        Assert.All(Enumerable.Range(1, SpendingEntries), s => Assert.Equal(1, pdf.CountCompact(SyntheticAgreement.SpendingMarker(s))));
        Assert.All(Enumerable.Range(1, ActivitiesPerYear), n => Assert.Equal(1, pdf.CountCompact(SyntheticAgreement.Marker(3, n))));
        Assert.Equal(0, pdf.CountCompact(SyntheticAgreement.Marker(4, 1)));
        Assert.True(pdf.ContainsCompact("Rādītāji: vismaz 4 dalībnieki pasākumā Nr. 4"));
        Assert.True(pdf.ContainsCompact("Vieta: Jelgava"));
    }

    [Fact]
    public void The_svg_chart_is_accessible_has_no_inline_style_and_agrees_with_the_layout()
    {
        var report = Report.Value;
        var svg = BudgetChartSvg.Render(report, ReportFormat.Latvian);

        var root = XElement.Parse(svg);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", root.Name);
        Assert.Equal("img", (string?)root.Attribute("role"));
        var title = root.Element(ns + "title")!;
        var desc = root.Element(ns + "desc")!;
        // Named by the title, described by the figures: the long description is read once, not
        // also as part of the name (issue 19).
        Assert.Equal((string)title.Attribute("id")!, (string?)root.Attribute("aria-labelledby"));
        Assert.Equal((string)desc.Attribute("id")!, (string?)root.Attribute("aria-describedby"));
        Assert.Equal("Plānotais un faktiskais finansējums pa gadiem un pozīcijām", title.Value);
        Assert.Contains("X. īstenošanas gads", desc.Value, StringComparison.Ordinal);
        Assert.DoesNotContain(root.DescendantsAndSelf(), e => e.Attribute("style") is not null);
        Assert.DoesNotContain(root.DescendantsAndSelf(), e => e.Name.LocalName == "style");

        var layout = BudgetChartLayout.Compute(report, ReportFormat.Latvian, BudgetChartSvg.ViewBoxWidth, 240, 12);
        var bars = root.Descendants(ns + "rect").Where(r => r.Element(ns + "title") is not null).ToList();
        Assert.Equal(layout.Bars.Count(b => b.Height > 0), bars.Count);
        Assert.Equal(Years * 4 * 2, layout.Bars.Count);
        var yearLabels = root.Descendants(ns + "text").Where(t => t.Attribute("font-weight") is not null).Select(t => t.Value);
        Assert.Equal(["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"], yearLabels);
    }
}
