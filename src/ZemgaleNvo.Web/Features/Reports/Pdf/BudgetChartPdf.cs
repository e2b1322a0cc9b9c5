using SkiaSharp;
using ZemgaleNvo.Pdf;
using ZemgaleNvo.Web.Features.Reports.Chart;
using ZemgaleNvo.Web.Formatting;

namespace ZemgaleNvo.Web.Features.Reports.Pdf;

/// <summary>
/// Draws the budget chart in a PDF from the same <see cref="BudgetChartLayout"/> as the HTML
/// page's SVG (<see cref="BudgetChartSvg"/>). Text goes through <see cref="DrawingContext.DrawText"/>,
/// so it is embedded in the document's font subset and stays extractable.
/// </summary>
internal static class BudgetChartPdf
{
    private const float PlotHeight = 120f;
    private const float FontSize = 7.5f;

    /// <summary>Adds the chart, the full content width, as a block that moves whole to the next page when it does not fit.</summary>
    public static void Add(PdfDocumentBuilder document, SummaryReport report, ReportFormat format)
    {
        var layout = BudgetChartLayout.Compute(report, format, document.Page.ContentWidth, PlotHeight, FontSize);
        document.Drawing(layout.Height, context => Draw(context, layout));
    }

    // Runs twice (a dry run to collect the letters, then for real): draws only from the layout.
    private static void Draw(DrawingContext context, BudgetChartLayout layout)
    {
        var canvas = context.Canvas;
        var left = context.Area.Left;
        var top = context.Area.Top;
        var text = new TextStyle { Size = FontSize, Color = SKColor.Parse(ChartPalette.Text) };
        var bold = text.WithEmphasis(FontEmphasis.Bold);

        using var grid = Stroke(ChartPalette.Grid, 0.5f);
        using var axis = Stroke(ChartPalette.Axis, 0.75f);

        context.DrawText(layout.Unit, left + layout.PlotLeft - (FontSize * 0.5f), top + layout.UnitBaseline, text, TextAlignment.Right);
        foreach (var tick in layout.Ticks)
        {
            var y = top + tick.Y;
            canvas.DrawLine(left + layout.PlotLeft, y, left + layout.PlotRight, y, tick.Cents == 0 ? axis : grid);
            context.DrawText(tick.Label, left + layout.PlotLeft - (FontSize * 0.5f), y + (FontSize * 0.35f), text, TextAlignment.Right);
        }

        canvas.DrawLine(left + layout.PlotLeft, top + layout.PlotTop, left + layout.PlotLeft, top + layout.PlotBottom, axis);

        foreach (var bar in layout.Bars.Where(b => b.Height > 0))
        {
            var rect = SKRect.Create(left + bar.X, top + bar.Y, bar.Width, bar.Height);
            using var fill = Fill(ChartPalette.Fill(bar.LineIndex, bar.IsActual));
            using var outline = Stroke(ChartPalette.Stroke(bar.LineIndex), 0.6f);
            canvas.DrawRect(rect, fill);
            canvas.DrawRect(rect, outline);
        }

        foreach (var group in layout.Groups)
        {
            context.DrawText(group.Label, left + group.CentreX, top + layout.YearLabelBaseline, bold, TextAlignment.Center);
        }

        var textLeft = layout.SwatchSize * 1.6f;
        foreach (var item in layout.Legend)
        {
            var swatch = SKRect.Create(left + item.X, top + item.Y, layout.SwatchSize, layout.SwatchSize);
            using var fill = Fill(ChartPalette.Fill(item.LineIndex, item.IsActual));
            using var outline = Stroke(ChartPalette.Stroke(item.LineIndex), 0.6f);
            canvas.DrawRect(swatch, fill);
            canvas.DrawRect(swatch, outline);
            var room = layout.Width - item.X - textLeft;
            context.DrawText(Fit(context, item.Text, text, room), left + item.X + textLeft, top + item.Y + (layout.SwatchSize * 0.85f), text);
        }
    }

    /// <summary>The text, cut with "…" when it is wider than <paramref name="width"/>.</summary>
    private static string Fit(DrawingContext context, string value, TextStyle style, float width)
    {
        if (context.MeasureText(value, style) <= width)
        {
            return value;
        }

        var length = value.Length;
        while (length > 1 && context.MeasureText(string.Concat(value.AsSpan(0, length).TrimEnd(), "…"), style) > width)
        {
            length--;
        }

        return string.Concat(value.AsSpan(0, length).TrimEnd(), "…");
    }

    private static SKPaint Fill(string colour) => new() { Color = SKColor.Parse(colour), Style = SKPaintStyle.Fill, IsAntialias = true };

    private static SKPaint Stroke(string colour, float width) =>
        new() { Color = SKColor.Parse(colour), Style = SKPaintStyle.Stroke, StrokeWidth = width, IsAntialias = true };
}
