using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.IntegrationTests.Infrastructure;
using ZemgaleNvo.Web.Features.Reports;
using ZemgaleNvo.Web.Features.Reports.Pdf;
using ZemgaleNvo.Web.Formatting;

namespace ZemgaleNvo.IntegrationTests.Reports.Pdf;

/// <summary>
/// The demo summary and yearly report as a screen reader gets them: poppler's <c>pdfinfo</c>
/// (poppler-utils, installed by scripts/test.sh) reads the structure tree.
/// </summary>
public class TaggedReportPdfTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private async Task<SummaryReport> DemoAsync()
    {
        await portal.Factory.CreateClient().GetAsync(new Uri("/account/login", UriKind.Relative)); // start the app: migrate and seed
        await using var db = portal.Factory.OpenDatabase();
        var id = await db.Agreements.Where(a => a.Region!.Code == "zemgale").Select(a => a.Id).FirstAsync();
        return (await new SummaryReportQuery(db, new SummaryReportCache()).RunAsync(id, CancellationToken.None))!;
    }

    [Theory]
    [InlineData("lv")]
    [InlineData("en")]
    public async Task Summary_is_tagged_in_its_language_with_the_budget_table_and_results_structured(string language)
    {
        var report = await DemoAsync();
        var format = language == "lv" ? ReportFormat.Latvian : ReportFormat.EnglishFormat;
        var pdf = SummaryPdf.Render(report, format, DemoSummaryPdfTests.Fonts, includeFindingsAnnex: false, DemoSummaryPdfTests.Created);

        var info = PdfInfo(pdf);
        var structure = PdfInfo(pdf, "-struct-text");

        Assert.Matches(@"Tagged:\s+yes", info);
        Assert.Contains($"/Lang ({language})", System.Text.Encoding.Latin1.GetString(pdf).Replace("/Lang(", "/Lang (", StringComparison.Ordinal), StringComparison.Ordinal);

        // Results: numbered lists, each item a label and a body.
        Assert.Matches(@"L \(block\)\s+LI \(block\)\s+Lbl \(block\)\s+""1\)""\s+LBody", structure);

        // The budget table: header cells, then rows of data cells with the seed's figures.
        var header = structure.IndexOf("TH", StringComparison.Ordinal);
        Assert.True(header > 0, structure);
        var table = structure.LastIndexOf("Table", header, StringComparison.Ordinal);
        Assert.True(table > 0, structure);
        var budget = System.Text.RegularExpressions.Regex.Match(structure[header..], @"49[\s,]000[.,]00"); // the year's plan, thousands grouped as the language does
        Assert.True(budget.Success, structure);
        Assert.Contains("TD", structure[header..(header + budget.Index)], StringComparison.Ordinal);

        // The chart is a figure; the running header with the agreement's title is not read out on every page.
        Assert.Contains("Figure", structure, StringComparison.Ordinal);
        Assert.DoesNotContain(format.IsLatvian ? "Lapa 1 no" : "Page 1 of", structure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Yearly_report_is_tagged_and_rendered_twice_gives_the_same_bytes()
    {
        var report = await DemoAsync();

        var first = YearReportPdf.Render(report, 1, ReportFormat.Latvian, DemoSummaryPdfTests.Fonts, includeFindingsAnnex: false, DemoSummaryPdfTests.Created);
        var second = YearReportPdf.Render(report, 1, ReportFormat.Latvian, DemoSummaryPdfTests.Fonts, includeFindingsAnnex: false, DemoSummaryPdfTests.Created);

        Assert.Matches(@"Tagged:\s+yes", PdfInfo(first));
        Assert.Equal(first, second);
    }

    private static string PdfInfo(byte[] pdf, params string[] arguments)
    {
        var file = Path.Combine(Path.GetTempPath(), $"zemgalenvo-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            var start = new ProcessStartInfo("pdfinfo") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            start.ArgumentList.Add(file);
            using var process = Process.Start(start) ?? throw new InvalidOperationException("pdfinfo did not start.");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"pdfinfo exited with {process.ExitCode}: {error}");
            return output.Result;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
