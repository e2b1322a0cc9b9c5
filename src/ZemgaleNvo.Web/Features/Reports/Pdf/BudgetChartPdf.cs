using SkiaSharp;
using ZemgaleNvo.Pdf;
using ZemgaleNvo.Web.Features.Reports.Chart;
using ZemgaleNvo.Web.Formatting;

namespace ZemgaleNvo.Web.Features.Reports.Pdf;

/// <summary>
/// Draws the budget chart in a PDF from the same <see cref="BudgetChartLayout"/> as the HTML
/// page's SVG (<see cref="BudgetChartSvg"/>). Text goes through <see cref="DrawingContext.DrawText"/>,
/// so it is embedded in the document's font subset and stays extractable. In the tagged PDF the
/// chart is a figure whose alternative text is the HTML chart's description: every bar's figure.
/// </summary>
internal static class BudgetChartPdf
{
    private const float PlotHeight = 120f;
    private const float FontSize = 7.5f;

    /// <summary>Adds the chart, the full content width, as a block that moves whole to the next page when it does not fit.</summary>
    public static void Add(PdfDocumentBuilder document, SummaryReport report, ReportFormat format, ReportText text)
    {
        var layout = BudgetChartLayout.Compute(report, format, document.Page.ContentWidth, PlotHeight, FontSize);
        var altText = $"{text.ChartSection}. {BudgetChartSvg.Description(report, format, text)}";
        document.Drawing(layout.Height, context => Draw(context, layout), altText);
    }

    private static void Draw(DrawingContext context, BudgetChartLayout layout)
    {
        var left = context.Area.Left;
        var top = context.Area.Top;
        var text = new TextStyle { Size = FontSize, Color = SKColor.Parse(ChartPalette.Text) };
        var bold = text.WithEmphasis(FontEmphasis.Bold);

        var grid = SKColor.Parse(ChartPalette.Grid);
        var axis = SKColor.Parse(ChartPalette.Axis);

        context.DrawText(layout.Unit, left + layout.PlotLeft - (FontSize * 0.5f), top + layout.UnitBaseline, text, TextAlignment.Right);
        foreach (var tick in layout.Ticks)
        {
            var y = top + tick.Y;
            context.DrawLine(left + layout.PlotLeft, y, left + layout.PlotRight, y, tick.Cents == 0 ? axis : grid, tick.Cents == 0 ? 0.75f : 0.5f);
            context.DrawText(tick.Label, left + layout.PlotLeft - (FontSize * 0.5f), y + (FontSize * 0.35f), text, TextAlignment.Right);
        }

        context.DrawLine(left + layout.PlotLeft, top + layout.PlotTop, left + layout.PlotLeft, top + layout.PlotBottom, axis, 0.75f);

        foreach (var bar in layout.Bars.Where(b => b.Height > 0))
        {
            var rect = SKRect.Create(left + bar.X, top + bar.Y, bar.Width, bar.Height);
            context.DrawRectangle(rect, SKColor.Parse(ChartPalette.Fill(bar.LineIndex, bar.IsActual)), SKColor.Parse(ChartPalette.Stroke(bar.LineIndex)), 0.6f);
        }

        foreach (var group in layout.Groups)
        {
            context.DrawText(group.Label, left + group.CentreX, top + layout.YearLabelBaseline, bold, TextAlignment.Center);
        }

        var textLeft = layout.SwatchSize * 1.6f;
        foreach (var item in layout.Legend)
        {
            var swatch = SKRect.Create(left + item.X, top + item.Y, layout.SwatchSize, layout.SwatchSize);
            context.DrawRectangle(swatch, SKColor.Parse(ChartPalette.Fill(item.LineIndex, item.IsActual)), SKColor.Parse(ChartPalette.Stroke(item.LineIndex)), 0.6f);
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
}
