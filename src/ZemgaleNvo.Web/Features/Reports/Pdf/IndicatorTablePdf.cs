using ZemgaleNvo.Pdf;

namespace ZemgaleNvo.Web.Features.Reports.Pdf;

/// <summary>
/// The indicator table (target, achieved, % per indicator and year) in the summary's and the
/// yearly report's PDF: the same <see cref="IndicatorTable"/> rows the page and the spreadsheet show.
/// A row below its target is bold, as the page marks it.
/// </summary>
internal static class IndicatorTablePdf
{
    public static void Compose(PdfDocumentBuilder document, IndicatorTable table)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(table);
        document.Heading(table.Caption, 2);
        if (table.Rows.Count == 0)
        {
            document.Paragraph([TextSpan.Italic(table.NoIndicators)]);
            return;
        }
        var spec = new TableSpec(
            TableColumn.Relative(1),
            TableColumn.Fixed(34, TextAlignment.Center),
            TableColumn.Fixed(70, TextAlignment.Right),
            TableColumn.Fixed(70, TextAlignment.Right),
            TableColumn.Fixed(52, TextAlignment.Right))
        {
            TextStyle = new TextStyle { Size = 8.5f, LineSpacing = 1.2f },
            CellPadding = 2.5f,
        }.Header(table.IndicatorHeading, table.YearHeading, table.TargetHeading, table.AchievedHeading, table.PercentHeading);
        foreach (var row in table.Rows)
        {
            spec.AddRow(new TableRow([row.Indicator, row.YearLabel, row.Target, row.Achieved, table.PercentText(row)], Bold: row.BelowTarget));
        }
        document.Table(spec);
    }
}
