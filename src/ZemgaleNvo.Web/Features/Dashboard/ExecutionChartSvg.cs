using System.Globalization;
using System.Security;
using System.Text;
using ZemgaleNvo.Web.Features.Reports;
using ZemgaleNvo.Web.Features.Reports.Chart;
using ZemgaleNvo.Web.Formatting;

namespace ZemgaleNvo.Web.Features.Dashboard;

/// <summary>The words of the chart in the page's language; the view passes them from the localizer.</summary>
public sealed record ExecutionChartText(string Title, string Planned, string Actual, string Unit);

/// <summary>
/// Budget execution per agreement as inline SVG: one pair of horizontal bars per agreement
/// (planned over the whole period, then actual), in the table's order, on a shared amount axis.
/// Horizontal, because agreement names are long and the list grows downwards.
/// </summary>
/// <remarks>
/// Accessible the way the report chart is (<see cref="BudgetChartSvg"/>): <c>role="img"</c> with a
/// title and a description that states every figure, and the same figures are in the table. Only
/// presentation attributes, never <c>style</c>, so the strict Content-Security-Policy allows it.
/// Colours are the report chart's first budget line: the same meaning, planned light, actual dark.
/// </remarks>
public static class ExecutionChartSvg
{
    public const float ViewBoxWidth = 720f;

    private const float FontSize = 12f;
    private const float SmallFontSize = 10.5f;
    private const float LabelWidth = 250f;
    private const float PlotLeft = 262f;

    /// <summary>Room after the longest bar for its amount.</summary>
    private const float PlotRight = ViewBoxWidth - 92f;

    private const float PlotTop = FontSize * 2.2f;
    private const float BarHeight = 10f;
    private const float RowHeight = 32f;
    private const float AverageLetterWidth = 0.58f;

    /// <summary>An empty string when there are no rows: no chart of nothing.</summary>
    public static string Render(IReadOnlyList<DashboardRow> rows, ReportFormat format, ExecutionChartText text)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(text);
        if (rows.Count == 0)
        {
            return string.Empty;
        }

        var largest = rows.Select(r => Math.Max(r.PlannedCents, r.ActualCents)).Max();
        var stepCents = BudgetChartLayout.NiceStepCents(largest, targetSteps: 4);
        var steps = Math.Max(1, (int)Math.Ceiling(largest / (double)stepCents));
        var topCents = stepCents * steps;
        var plotWidth = PlotRight - PlotLeft;
        var plotBottom = PlotTop + (RowHeight * rows.Count);
        var legendTop = plotBottom + (FontSize * 1.2f);
        var height = legendTop + (FontSize * 1.6f);
        float X(long cents) => PlotLeft + (cents <= 0 ? 0f : (float)(plotWidth * (cents / (double)topCents)));

        var svg = new StringBuilder(4096 + (rows.Count * 1024));
        svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100%\" viewBox=\"0 0 ")
            .Append(N(ViewBoxWidth)).Append(' ').Append(N(height))
            .Append("\" role=\"img\" aria-labelledby=\"execution-chart-title\" aria-describedby=\"execution-chart-desc\" lang=\"").Append(format.LanguageTag).Append('"')
            .Append(" font-family=\"'DejaVu Sans', Verdana, Arial, sans-serif\" font-size=\"").Append(N(FontSize))
            .Append("\" fill=\"").Append(ChartPalette.Text).Append("\">\n");
        svg.Append("<title id=\"execution-chart-title\">").Append(Escape(text.Title)).Append("</title>\n");
        svg.Append("<desc id=\"execution-chart-desc\">").Append(Escape(Description(rows, format, text))).Append("</desc>\n");
        svg.Append("<g aria-hidden=\"true\">\n");

        // The amount axis along the top, with vertical gridlines.
        svg.Append("<text x=\"").Append(N(PlotLeft - 6)).Append("\" y=\"").Append(N(FontSize)).Append("\" text-anchor=\"end\">")
            .Append(Escape(text.Unit)).Append("</text>\n");
        for (var i = 0; i <= steps; i++)
        {
            var x = X(stepCents * i);
            svg.Append("<line x1=\"").Append(N(x)).Append("\" y1=\"").Append(N(PlotTop - 4)).Append("\" x2=\"").Append(N(x))
                .Append("\" y2=\"").Append(N(plotBottom)).Append("\" stroke=\"").Append(i == 0 ? ChartPalette.Axis : ChartPalette.Grid)
                .Append("\" stroke-width=\"1\"/>\n");
            svg.Append("<text x=\"").Append(N(x)).Append("\" y=\"").Append(N(FontSize)).Append("\" text-anchor=\"")
                .Append(i == 0 ? "start" : i == steps ? "end" : "middle").Append("\">")
                .Append(Escape(format.Money(stepCents * i))).Append("</text>\n");
        }

        var maxLetters = (int)(LabelWidth / (FontSize * AverageLetterWidth));
        var maxSmallLetters = (int)(LabelWidth / (SmallFontSize * AverageLetterWidth));
        // Grouped by what the marks share (size, fill, stroke), which each mark then leaves out: the
        // chart has up to fifty rows and its bytes count towards the page's (issue 18: ≤ 150 kB).
        float Top(int i) => PlotTop + (RowHeight * i);
        for (var i = 0; i < rows.Count; i++)
        {
            svg.Append("<text x=\"0\" y=\"").Append(N(Top(i) + 13)).Append("\">").Append(Escape(Shorten(rows[i].Agreement.Performer, maxLetters))).Append("</text>\n");
        }
        svg.Append("<g font-size=\"").Append(N(SmallFontSize)).Append("\">\n");
        for (var i = 0; i < rows.Count; i++)
        {
            var agreement = rows[i].Agreement;
            svg.Append("<text x=\"0\" y=\"").Append(N(Top(i) + 26)).Append("\">")
                .Append(Escape(Shorten($"{agreement.Region}, {agreement.PeriodStart.Year}–{agreement.PeriodEnd.Year}", maxSmallLetters))).Append("</text>\n");
        }
        foreach (var isActual in new[] { false, true })
        {
            for (var i = 0; i < rows.Count; i++)
            {
                Amount(svg, isActual ? rows[i].ActualCents : rows[i].PlannedCents, BarTop(Top(i), isActual), X, format);
            }
        }
        svg.Append("</g>\n");
        foreach (var isActual in new[] { false, true })
        {
            svg.Append("<g fill=\"").Append(ChartPalette.Fill(0, isActual))
                .Append("\" stroke=\"").Append(ChartPalette.Stroke(0)).Append("\" stroke-width=\"1\">\n");
            for (var i = 0; i < rows.Count; i++)
            {
                Bar(svg, rows[i], isActual, isActual ? rows[i].ActualCents : rows[i].PlannedCents, BarTop(Top(i), isActual), X, format, text);
            }
            svg.Append("</g>\n");
        }

        // The legend under the plot.
        var legendX = PlotLeft;
        foreach (var (isActual, label) in new[] { (false, text.Planned), (true, text.Actual) })
        {
            svg.Append("<rect x=\"").Append(N(legendX)).Append("\" y=\"").Append(N(legendTop)).Append("\" width=\"").Append(N(FontSize))
                .Append("\" height=\"").Append(N(FontSize)).Append("\" fill=\"").Append(ChartPalette.Fill(0, isActual))
                .Append("\" stroke=\"").Append(ChartPalette.Stroke(0)).Append("\" stroke-width=\"1\"/>\n");
            svg.Append("<text x=\"").Append(N(legendX + (FontSize * 1.5f))).Append("\" y=\"").Append(N(legendTop + (FontSize * 0.85f))).Append("\">")
                .Append(Escape(label)).Append("</text>\n");
            legendX += (FontSize * 1.5f) + (label.Length * FontSize * AverageLetterWidth) + (FontSize * 2f);
        }

        svg.Append("</g>\n</svg>");
        return svg.ToString();
    }

    /// <summary>The chart in words for screen readers: every agreement's planned and actual amount and its execution.</summary>
    internal static string Description(IReadOnlyList<DashboardRow> rows, ReportFormat format, ExecutionChartText text) =>
        string.Join(" ", rows.Select(r =>
            $"{r.Agreement.Performer}, {r.Agreement.Region}, {format.Period(r.Agreement.PeriodStart, r.Agreement.PeriodEnd)}: " +
            $"{text.Planned} {format.Euro(r.PlannedCents)}, {text.Actual} {format.Euro(r.ActualCents)} ({format.Percent(r.ExecutionPercent)})."));

    /// <summary>The planned bar of a row, then its actual bar under it.</summary>
    private static float BarTop(float rowTop, bool isActual) => rowTop + 5 + (isActual ? BarHeight + 2 : 0);

    /// <summary>A bar, in a group that gives its fill and stroke; its title names the agreement and the amount for a pointer.</summary>
    private static void Bar(StringBuilder svg, DashboardRow row, bool isActual, long cents, float y, Func<long, float> x, ReportFormat format, ExecutionChartText text)
    {
        var start = x(0);
        var end = x(cents);
        if (end > start)
        {
            svg.Append("<rect x=\"").Append(N(start)).Append("\" y=\"").Append(N(y)).Append("\" width=\"").Append(N(end - start))
                .Append("\" height=\"").Append(N(BarHeight)).Append("\"><title>")
                .Append(Escape($"{row.Agreement.Performer}: {(isActual ? text.Actual : text.Planned)} {format.Euro(cents)}"))
                .Append("</title></rect>\n");
        }
    }

    /// <summary>The amount after a bar's end, in a group that gives its size.</summary>
    private static void Amount(StringBuilder svg, long cents, float y, Func<long, float> x, ReportFormat format) =>
        svg.Append("<text x=\"").Append(N(x(cents) + 4)).Append("\" y=\"").Append(N(y + BarHeight - 1.5f)).Append("\">")
            .Append(Escape(format.Money(cents))).Append("</text>\n");

    private static string N(float value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Shorten(string value, int maxLetters) =>
        maxLetters > 1 && value.Length > maxLetters ? string.Concat(value.AsSpan(0, maxLetters - 1).TrimEnd(), "…") : value;

    /// <summary>XML escaping of text and attribute values (&amp; &lt; &gt; &quot; &apos;); Latvian letters stay as they are.</summary>
    private static string Escape(string value) => SecurityElement.Escape(value);
}
