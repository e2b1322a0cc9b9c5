using ZemgaleNvo.Pdf;
using ZemgaleNvo.Web.Formatting;

namespace ZemgaleNvo.Web.Features.Reports.Pdf;

/// <summary>
/// The official summary (Kopsavilkums) as PDF, in the template's order: title, region, task,
/// performer, delegation period; results per implementation year; planned and actual funding per
/// year; the detailed budget tables and the chart; non-compliant expenditure, the unrecovered
/// amount and other information; optionally the portal's findings as an annex.
/// </summary>
/// <remarks>
/// Like nopCommerce's <c>InvoiceDocument</c>: the model is already computed
/// (<see cref="SummaryReportBuilder"/>), the document only lays it out, one <c>Compose*</c>
/// method per part. The HTML page and the spreadsheet read the same model.
/// </remarks>
public static class SummaryPdf
{
    /// <summary>
    /// Renders the summary. Skia writes synchronously: call this off the response stream and send
    /// the bytes (e.g. <c>File(bytes, "application/pdf", SummaryPdf.FileName(report))</c>).
    /// </summary>
    /// <param name="report">The computed report.</param>
    /// <param name="format">Latvian (the official form) or English.</param>
    /// <param name="fonts">The application's font set (one singleton).</param>
    /// <param name="includeFindingsAnnex">Adds the annex of the portal's findings (for reviewers; not part of the published summary).</param>
    /// <param name="created">The document's creation time; given, the output is byte-for-byte reproducible. Null means now.</param>
    public static byte[] Render(SummaryReport report, ReportFormat format, FontSet fonts, bool includeFindingsAnnex, DateTimeOffset? created = null)
    {
        var document = new SummaryDocument(report, format, fonts, includeFindingsAnnex);
        return document.Render(created);
    }

    /// <summary><c>kopsavilkums-zemgale-2022-2025.pdf</c></summary>
    public static string FileName(SummaryReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.FileStem + ".pdf";
    }
}

/// <summary>The summary's parts, in the template's order.</summary>
internal sealed class SummaryDocument(SummaryReport report, ReportFormat format, FontSet fonts, bool includeFindingsAnnex)
    : ReportPdfComposer(report, format, fonts)
{
    public byte[] Render(DateTimeOffset? created) => Render(Info(created));

    protected override void Compose(PdfDocumentBuilder document)
    {
        ComposeHeader(document);
        ComposeAgreementFacts(document);
        ComposeResults(document);
        ComposeFunding(document);
        ComposeBudgetTable(document);
        ComposeReturns(document);
        IndicatorTablePdf.Compose(document, IndicatorTable.For(Report, Format));
        ComposeChart(document);
        ComposeNonComplianceAndOtherInformation(document);
        if (includeFindingsAnnex)
        {
            ComposeFindingsAnnex(document);
        }
    }

    private DocumentInfo Info(DateTimeOffset? created) => new()
    {
        Title = $"{Text.SummaryTitle} – {Agreement.Title}",
        Author = Agreement.Performer,
        Subject = $"{Text.SummaryTitle}: {Agreement.Region}, {Format.LongPeriod(Agreement.PeriodStart, Agreement.PeriodEnd)}",
        Keywords = string.Join(", ", Text.SummaryTitle, Agreement.Region, Agreement.Performer, PeriodYears),
        Creator = "ZemgaleNvo",
        Created = created,
        Language = Format.LanguageTag,
    };

    /// <summary>"Kopsavilkums", the agreement's title and "(2022-2025)".</summary>
    private void ComposeHeader(PdfDocumentBuilder document) =>
        ComposeTitle(document, Text.SummaryTitle, Agreement.Title, $"({PeriodYears})");

    private void ComposeAgreementFacts(PdfDocumentBuilder document) => document.Table(FactsTable(AgreementFacts()));

    private void ComposeResults(PdfDocumentBuilder document)
    {
        document.Heading(Text.ResultsSection, 2);
        foreach (var year in Report.Years)
        {
            document.Heading(Text.YearHeading(year), 3);
            ComposeStrands(document, year, detailed: false);
        }
    }

    private void ComposeFunding(PdfDocumentBuilder document)
    {
        document.Heading(Text.FundingSection, 2);
        foreach (var year in Report.Years)
        {
            ComposeYearFunding(document, year);
        }
    }

    /// <summary>The budget tables and the chart start a page of their own, so the small per-line tables are not split from their totals.</summary>
    private void ComposeBudgetTable(PdfDocumentBuilder document)
    {
        document.PageBreak();
        document.Heading(Text.BudgetTableSection, 2);
        ComposeBudgetTables(document);
    }

    private void ComposeChart(PdfDocumentBuilder document)
    {
        document.Heading(Text.ChartSection, 2);
        BudgetChartPdf.Add(document, Report, Format, Text);
    }

    /// <summary>
    /// The template's closing rows: non-compliant expenditure and the unrecovered amount ("Nav" when
    /// none, else the amount), other information ("Nav" when none); then the non-compliant items.
    /// </summary>
    private void ComposeNonComplianceAndOtherInformation(PdfDocumentBuilder document)
    {
        var none = Report.NonCompliance.Count == 0;
        document.Spacer(6);
        document.Table(FactsTable(
        [
            (Text.NonCompliant, none ? Format.None : Format.Euro(Report.NonCompliantCents)),
            (Text.Unrecovered, none && Report.UnrecoveredCents == 0 ? Format.None : Format.Euro(Report.UnrecoveredCents)),
            (Text.OtherInformation, Agreement.OtherInformation ?? Format.None),
        ]));
        if (!none)
        {
            document.Heading(Text.NonCompliant, 3);
            document.Table(NonComplianceTable(Report.NonCompliance));
        }
    }

    private void ComposeFindingsAnnex(PdfDocumentBuilder document) => ComposeFindingsAnnex(document, Report.Findings);
}
