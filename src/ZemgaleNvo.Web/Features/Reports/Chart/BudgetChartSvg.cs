using System.Text;
using ZemgaleNvo.Web.Formatting;

namespace ZemgaleNvo.Web.Features.Reports.Chart;

/// <summary>
/// The budget chart as inline SVG for the HTML report page: the same layout as the PDF's chart
/// (<see cref="BudgetChartLayout"/>). Accessible: <c>role="img"</c> with a <c>&lt;title&gt;</c>
/// and a <c>&lt;desc&gt;</c> that states every figure the bars show. Styled only with presentation
/// attributes (<c>fill</c>, <c>stroke</c>, <c>font-size</c>), never a <c>style</c> attribute,
/// so a strict Content-Security-Policy without <c>'unsafe-inline'</c> allows it.
/// </summary>
/// <example>In a Razor view: <c>@Html.Raw(BudgetChartSvg.Render(Model.Report, Model.Format))</c>. The output is escaped here.</example>
public static class BudgetChartSvg
{
    /// <summary>The viewBox width; the SVG scales to its container (<c>width="100%"</c>).</summary>
    public const float ViewBoxWidth = 720f;

    private const float PlotHeight = 240f;
    private const float FontSize = 12f;

    /// <summary>Text is not measured in SVG: a legend entry is cut with "…" after about this many widths of an average letter.</summary>
    private const float AverageLetterWidth = 0.58f;

    public static string Render(SummaryReport report, ReportFormat format)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(format);
        var text = new ReportText(format);
        var layout = BudgetChartLayout.Compute(report, format, ViewBoxWidth, PlotHeight, FontSize);
        var id = $"budget-chart-{report.Agreement.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        static string N(float value) => BudgetChartLayout.Number(value);

        var svg = new StringBuilder(8192);
        svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"budget-chart\" width=\"100%\" viewBox=\"0 0 ")
            .Append(N(layout.Width)).Append(' ').Append(N(layout.Height))
            .Append("\" role=\"img\" aria-labelledby=\"").Append(id).Append("-title\" aria-describedby=\"").Append(id).Append("-desc\"")
            .Append(" lang=\"").Append(format.LanguageTag).Append('"')
            .Append(" font-family=\"'DejaVu Sans', Verdana, Arial, sans-serif\" font-size=\"").Append(N(FontSize)).Append("\" fill=\"").Append(ChartPalette.Text).Append("\">\n");
        svg.Append("<title id=\"").Append(id).Append("-title\">").Append(Escape(text.ChartSection)).Append("</title>\n");
        svg.Append("<desc id=\"").Append(id).Append("-desc\">").Append(Escape(Description(report, format, text))).Append("</desc>\n");

        // Gridlines and amount labels.
        svg.Append("<g aria-hidden=\"true\">\n");
        svg.Append("<text x=\"").Append(N(layout.PlotLeft - (FontSize * 0.5f))).Append("\" y=\"").Append(N(layout.UnitBaseline))
            .Append("\" text-anchor=\"end\">").Append(Escape(layout.Unit)).Append("</text>\n");
        foreach (var tick in layout.Ticks)
        {
            svg.Append("<line x1=\"").Append(N(layout.PlotLeft)).Append("\" y1=\"").Append(N(tick.Y))
                .Append("\" x2=\"").Append(N(layout.PlotRight)).Append("\" y2=\"").Append(N(tick.Y))
                .Append("\" stroke=\"").Append(tick.Cents == 0 ? ChartPalette.Axis : ChartPalette.Grid).Append("\" stroke-width=\"1\"/>\n");
            svg.Append("<text x=\"").Append(N(layout.PlotLeft - (FontSize * 0.5f))).Append("\" y=\"").Append(N(tick.Y + (FontSize * 0.35f)))
                .Append("\" text-anchor=\"end\">").Append(Escape(tick.Label)).Append("</text>\n");
        }

        svg.Append("<line x1=\"").Append(N(layout.PlotLeft)).Append("\" y1=\"").Append(N(layout.PlotTop))
            .Append("\" x2=\"").Append(N(layout.PlotLeft)).Append("\" y2=\"").Append(N(layout.PlotBottom))
            .Append("\" stroke=\"").Append(ChartPalette.Axis).Append("\" stroke-width=\"1\"/>\n");

        // Bars, each with a tooltip title.
        foreach (var bar in layout.Bars.Where(b => b.Height > 0))
        {
            svg.Append("<rect x=\"").Append(N(bar.X)).Append("\" y=\"").Append(N(bar.Y))
                .Append("\" width=\"").Append(N(bar.Width)).Append("\" height=\"").Append(N(bar.Height))
                .Append("\" fill=\"").Append(ChartPalette.Fill(bar.LineIndex, bar.IsActual))
                .Append("\" stroke=\"").Append(ChartPalette.Stroke(bar.LineIndex)).Append("\" stroke-width=\"1\"><title>")
                .Append(Escape($"{format.YearName(bar.Year.Number)}, {bar.Budget.Line.Name}: {(bar.IsActual ? text.Actual : text.Planned)} {format.Euro(bar.Cents)}"))
                .Append("</title></rect>\n");
        }

        foreach (var group in layout.Groups)
        {
            svg.Append("<text x=\"").Append(N(group.CentreX)).Append("\" y=\"").Append(N(layout.YearLabelBaseline))
                .Append("\" text-anchor=\"middle\" font-weight=\"bold\">").Append(Escape(group.Label)).Append("</text>\n");
        }

        // Legend.
        var maxLetters = (int)((layout.Width - layout.PlotLeft - (layout.SwatchSize * 1.6f)) / (FontSize * AverageLetterWidth));
        foreach (var item in layout.Legend)
        {
            svg.Append("<rect x=\"").Append(N(item.X)).Append("\" y=\"").Append(N(item.Y))
                .Append("\" width=\"").Append(N(layout.SwatchSize)).Append("\" height=\"").Append(N(layout.SwatchSize))
                .Append("\" fill=\"").Append(ChartPalette.Fill(item.LineIndex, item.IsActual))
                .Append("\" stroke=\"").Append(ChartPalette.Stroke(item.LineIndex)).Append("\" stroke-width=\"1\"/>\n");
            svg.Append("<text x=\"").Append(N(item.X + (layout.SwatchSize * 1.6f))).Append("\" y=\"").Append(N(item.Y + (layout.SwatchSize * 0.85f)))
                .Append("\">").Append(Escape(Shorten(item.Text, maxLetters))).Append("</text>\n");
        }

        svg.Append("</g>\n</svg>");
        return svg.ToString();
    }

    /// <summary>The chart in words, for screen readers: every bar's figure, year by year.</summary>
    internal static string Description(SummaryReport report, ReportFormat format, ReportText text)
    {
        var description = new StringBuilder();
        foreach (var year in report.Years)
        {
            if (description.Length > 0)
            {
                description.Append(' ');
            }

            description.Append(format.YearName(year.Number)).Append(" (").Append(format.Period(year.Start, year.End)).Append("): ");
            description.AppendJoin("; ", year.Budget.Select(b =>
                $"{b.Line.Name} – {text.Planned} {format.Euro(b.PlannedCents)}, {text.Actual} {format.Euro(b.ActualCents)}"));
            description.Append('.');
        }

        return description.ToString();
    }

    private static string Shorten(string value, int maxLetters) =>
        maxLetters > 1 && value.Length > maxLetters ? string.Concat(value.AsSpan(0, maxLetters - 1).TrimEnd(), "…") : value;

    private static string Escape(string value)
    {
        var escaped = new StringBuilder(value.Length + 16);
        foreach (var c in value)
        {
            _ = c switch
            {
                '&' => escaped.Append("&amp;"),
                '<' => escaped.Append("&lt;"),
                '>' => escaped.Append("&gt;"),
                '"' => escaped.Append("&quot;"),
                _ => escaped.Append(c),
            };
        }

        return escaped.ToString();
    }
}
