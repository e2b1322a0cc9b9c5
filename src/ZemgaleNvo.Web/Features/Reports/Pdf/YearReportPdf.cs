using System.Globalization;
using ZemgaleNvo.Pdf;
using ZemgaleNvo.Web.Formatting;

namespace ZemgaleNvo.Web.Features.Reports.Pdf;

/// <summary>
/// The report of one implementation year as PDF, in more detail than the summary: the agreement's
/// facts with the year and its review status; results per strand with their indicators, dates and
/// places; the evaluation; the year's funding and budget per line; itemised spending;
/// reallocations; the year's non-compliant expenditure; optionally that year's findings as an annex.
/// </summary>
public static class YearReportPdf
{
    /// <param name="report">The computed report of the whole agreement.</param>
    /// <param name="yearNumber">1 for year I, 2 for year II, …</param>
    /// <param name="format">Latvian (the official form) or English.</param>
    /// <param name="fonts">The application's font set (one singleton).</param>
    /// <param name="includeFindingsAnnex">Adds the portal's findings about this year as an annex.</param>
    /// <param name="created">The document's creation time; given, the output is reproducible. Null means now.</param>
    /// <exception cref="ArgumentOutOfRangeException">The agreement has no such year.</exception>
    public static byte[] Render(SummaryReport report, int yearNumber, ReportFormat format, FontSet fonts, bool includeFindingsAnnex, DateTimeOffset? created = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var year = report.Year(yearNumber)
            ?? throw new ArgumentOutOfRangeException(nameof(yearNumber), yearNumber, "The agreement has no implementation year with this number.");
        return new YearReportDocument(report, year, format, fonts, includeFindingsAnnex).Render(created);
    }

    /// <summary><c>gada-parskats-zemgale-2022-2025-II.pdf</c></summary>
    public static string FileName(SummaryReport report, int yearNumber)
    {
        ArgumentNullException.ThrowIfNull(report);
        var agreement = report.Agreement;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"gada-parskats-{agreement.RegionCode}-{agreement.PeriodStart.Year}-{agreement.PeriodEnd.Year}-{ReportFormat.Roman(yearNumber)}.pdf");
    }
}

/// <summary>The yearly report's parts.</summary>
internal sealed class YearReportDocument(SummaryReport report, ReportYear year, ReportFormat format, FontSet fonts, bool includeFindingsAnnex)
    : ReportPdfComposer(report, format, fonts)
{
    public byte[] Render(DateTimeOffset? created) => Render(new DocumentInfo
    {
        Title = $"{Text.YearReportTitle}, {Format.YearName(year.Number)} – {Agreement.Title}",
        Author = Agreement.Performer,
        Subject = $"{Text.YearReportTitle}: {Agreement.Region}, {Format.LongPeriod(year.Start, year.End)}",
        Keywords = string.Join(", ", Text.YearReportTitle, Format.YearName(year.Number), Agreement.Region, Agreement.Performer, PeriodYears),
        Creator = "ZemgaleNvo",
        Created = created,
        Language = Format.LanguageTag,
    });

    protected override void Compose(PdfDocumentBuilder document)
    {
        ComposeHeader(document);
        ComposeAgreementFacts(document);
        ComposeResults(document);
        IndicatorTablePdf.Compose(document, IndicatorTable.For(Report, Format).ForYear(year.Number));
        ComposeFunding(document);
        ComposeBudget(document);
        if (Report.Years.Count > 0 && Report.Years[^1].Number == year.Number)
        {
            ComposeReturns(document);
        }
        ComposeSpending(document);
        ComposeReallocations(document);
        ComposeNonCompliance(document);
        if (includeFindingsAnnex)
        {
            ComposeFindingsAnnex(document, [.. Report.Findings.Where(f => f.YearNumber == year.Number)], year.Number);
        }
    }

    /// <summary>"Īstenošanas gada pārskats", the agreement's title, "II. īstenošanas gads (15.07.2023.–14.07.2024.)".</summary>
    private void ComposeHeader(PdfDocumentBuilder document) =>
        ComposeTitle(document, Text.YearReportTitle, Agreement.Title, $"{Format.YearName(year.Number)} ({Format.Period(year.Start, year.End)})");

    private void ComposeAgreementFacts(PdfDocumentBuilder document) => document.Table(FactsTable(
    [
        .. AgreementFacts(),
        (Wording.ImplementationYear, $"{Format.YearName(year.Number)} ({Format.LongPeriod(year.Start, year.End)})"),
        (Text.Status, Format.Status(year.Status)),
    ]));

    private void ComposeResults(PdfDocumentBuilder document)
    {
        document.Heading(Text.ResultsSection, 2);
        document.Heading(Text.YearHeading(year), 3);
        ComposeStrands(document, year, detailed: true);
    }

    private void ComposeFunding(PdfDocumentBuilder document)
    {
        document.Heading(Text.FundingSection, 2);
        ComposeYearFunding(document, year);
    }

    /// <summary>
    /// The year's budget with the lines as columns and the figures as rows (planned, carried in,
    /// reallocated, available, actual, remaining, carried out, execution), "Kopā" last: the
    /// year's rows of the one budget table, turned on their side.
    /// </summary>
    private void ComposeBudget(PdfDocumentBuilder document)
    {
        document.Heading(Text.BudgetTableSection, 2);
        var budget = Budget.ForYear(year.Number);
        var lines = budget.Rows.Where(r => r.Kind == BudgetRowKind.Line).ToList();
        var total = budget.Rows.Single(r => r.Kind == BudgetRowKind.YearTotal);
        string Money(long? cents) => cents is { } c ? Format.Money(c) : string.Empty;

        string[] header = [Wording.Measure, .. lines.Select(r => r.LineLabel), total.LineLabel];
        string[] labels = [.. budget.AmountColumns.Select(c => c.Heading), budget.ExecutionHeading];
        BudgetAmount[] widest = [BudgetAmount.Planned, BudgetAmount.Available, BudgetAmount.Actual, BudgetAmount.Remaining];
        string[] amounts = [.. lines.SelectMany(r => widest.Select(a => Money(r[a]))), Money(total[BudgetAmount.Available])];
        var (style, columns) = TransposedColumns(document.Page.ContentWidth, header, labels, amounts);
        var table = new TableSpec(columns) { TextStyle = style, CellPadding = 3 }.Header(header);

        // The figures the year is judged by (what was available, what was spent) in bold.
        foreach (var column in budget.AmountColumns)
        {
            var bold = column.Amount is BudgetAmount.Available or BudgetAmount.Actual;
            table.AddRow(new TableRow([column.Heading, .. lines.Select(r => Money(r[column.Amount])), Money(total[column.Amount])], Bold: bold));
        }

        table.AddRow(new TableRow([budget.ExecutionHeading, .. lines.Select(r => Format.Percent(r.ExecutionPercent)), Format.Percent(total.ExecutionPercent)]));
        document.Table(table);
    }

    /// <summary>
    /// The largest font size (8.5 pt down to 6 pt) at which no word of a line's name and no amount
    /// has to be broken: the figure columns share the width equally, the label column takes the rest.
    /// </summary>
    private (TextStyle Style, TableColumn[] Columns) TransposedColumns(float width, string[] header, string[] labels, string[] amounts)
    {
        const float padding = 3f;
        static IEnumerable<string> Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var figures = header.Length - 1;
        for (var size = 8.5f; ; size -= 0.25f)
        {
            using var bold = Fonts.CreateFont(FontEmphasis.Bold, size);
            float Widest(IEnumerable<string> texts) => texts.Select(t => bold.MeasureText(t)).DefaultIfEmpty(0).Max() + (2 * padding) + 1;
            var figureWidth = Widest([.. header.Skip(1).SelectMany(Words), .. amounts]);
            var labelWidth = Widest(labels.SelectMany(Words).Append(header[0]));
            if (labelWidth + (figures * figureWidth) <= width || size <= 6f)
            {
                var columns = new TableColumn[header.Length];
                columns[0] = TableColumn.Fixed(Math.Max(labelWidth, Math.Min(Widest(labels), width - (figures * figureWidth))));
                for (var i = 1; i < columns.Length; i++)
                {
                    columns[i] = TableColumn.Relative(1, TextAlignment.Right);
                }

                return (new TextStyle { Size = size, LineSpacing = 1.25f }, columns);
            }
        }
    }

    private void ComposeSpending(PdfDocumentBuilder document)
    {
        if (year.Spending.Count == 0)
        {
            return;
        }

        document.Heading(Text.Spending, 2);
        var table = new TableSpec(
            TableColumn.Fixed(52),
            TableColumn.Relative(1.1f),
            TableColumn.Relative(1.6f),
            TableColumn.Relative(1.1f),
            TableColumn.Relative(0.8f),
            TableColumn.Fixed(56, TextAlignment.Right))
        {
            TextStyle = new TextStyle { Size = 8f, LineSpacing = 1.2f },
            CellPadding = 2.5f,
        }.Header(Text.Date, Text.Line, Text.Description, Text.Supplier, Text.Document, Text.Amount);
        foreach (var item in year.Spending)
        {
            table.Row(Format.Date(item.Date), item.Line.Name, item.Description, item.Supplier ?? string.Empty, item.DocumentNumber ?? string.Empty, Format.Money(item.AmountCents));
        }

        document.Table(table);
    }

    private void ComposeReallocations(PdfDocumentBuilder document)
    {
        document.Heading(Text.Reallocations, 2);
        if (year.Reallocations.Count == 0)
        {
            document.Paragraph(Format.None);
            return;
        }

        var table = new TableSpec(
            TableColumn.Relative(1),
            TableColumn.Relative(1),
            TableColumn.Fixed(62, TextAlignment.Right),
            TableColumn.Relative(1.3f),
            TableColumn.Relative(0.7f))
        {
            TextStyle = new TextStyle { Size = 8.5f, LineSpacing = 1.25f },
        }.Header(Text.From, Text.To, Text.Amount, Text.Reason, Wording.Reference);
        foreach (var item in year.Reallocations)
        {
            table.Row(item.From.Name, item.To.Name, Format.Money(item.AmountCents), item.Reason, item.Reference ?? string.Empty);
        }

        document.Table(table);
    }

    /// <summary>The year's non-compliant expenditure and unrecovered amount: "Nav" when none.</summary>
    private void ComposeNonCompliance(PdfDocumentBuilder document)
    {
        var items = Report.NonCompliance.Where(n => n.YearNumber == year.Number).ToList();
        var unrecovered = items.Sum(n => n.UnrecoveredCents);
        document.Spacer(6);
        document.Table(FactsTable(
        [
            (Text.NonCompliant, items.Count == 0 ? Format.None : Format.Euro(items.Sum(n => n.AmountCents))),
            (Text.Unrecovered, items.Count == 0 && unrecovered == 0 ? Format.None : Format.Euro(unrecovered)),
        ]));
        if (items.Count > 0)
        {
            document.Heading(Text.NonCompliant, 3);
            document.Table(NonComplianceTable(items));
        }
    }
}
