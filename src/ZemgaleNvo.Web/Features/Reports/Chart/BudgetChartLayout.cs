using System.Globalization;
using ZemgaleNvo.Web.Formatting;

namespace ZemgaleNvo.Web.Features.Reports.Chart;

/// <summary>One bar: the planned or the actual amount of one budget line in one year. Coordinates are in the chart's own units, y down.</summary>
public sealed record ChartBar(ReportYear Year, ReportLineBudget Budget, int LineIndex, bool IsActual, long Cents, float X, float Y, float Width, float Height);

/// <summary>A gridline of the amount axis and its label (<c>20 000,00</c>).</summary>
public sealed record ChartTick(long Cents, float Y, string Label);

/// <summary>The bars of one implementation year and the label under them (<c>I</c>, <c>II</c>, …).</summary>
public sealed record ChartGroup(ReportYear Year, string Label, float CentreX);

/// <summary>A legend entry: a swatch at (<see cref="X"/>, <see cref="Y"/>) and its text after it.</summary>
public sealed record ChartLegendItem(int LineIndex, bool IsActual, string Text, float X, float Y);

/// <summary>
/// Colours of the chart, one hue per budget line: actual bars solid in the dark shade, planned bars
/// in a light tint outlined in the dark shade. Every dark shade has at least 6:1 contrast with
/// white, so each bar's edge stands out (WCAG 1.4.11 asks 3:1), and planned and actual differ in
/// lightness, not only in hue.
/// </summary>
public static class ChartPalette
{
    private static readonly string[] Dark = ["#1F4E79", "#9A4300", "#2E6B30", "#6A3D9A", "#7A5C00", "#A1121B"];
    private static readonly string[] Light = ["#BDD7EE", "#F8CBA0", "#C5E0B4", "#D9C8EC", "#EBDB9E", "#F4C2C5"];

    /// <summary>Axis labels and text: near-black.</summary>
    public const string Text = "#1A1A1A";

    /// <summary>The axes.</summary>
    public const string Axis = "#404040";

    /// <summary>Gridlines: decoration only, light on purpose.</summary>
    public const string Grid = "#D0D0D0";

    /// <summary>Outline and fill of actual bars; outline of planned bars.</summary>
    public static string Stroke(int lineIndex) => Dark[lineIndex % Dark.Length];

    public static string Fill(int lineIndex, bool isActual) => isActual ? Dark[lineIndex % Dark.Length] : Light[lineIndex % Light.Length];
}

/// <summary>
/// Where everything of the budget chart goes: grouped bars of planned against actual funding per
/// implementation year and budget line, an amount axis with round steps, year labels and a
/// legend. Computed once from the report model and drawn by both the PDF
/// (<see cref="Pdf.BudgetChartPdf"/>) and the SVG for the HTML page (<see cref="BudgetChartSvg"/>),
/// so the two charts agree. Units are the caller's (points in the PDF, viewBox units in the SVG).
/// </summary>
public sealed class BudgetChartLayout
{
    private BudgetChartLayout(float width, float height, float fontSize)
    {
        Width = width;
        Height = height;
        FontSize = fontSize;
    }

    public float Width { get; }

    /// <summary>The whole chart: plot, year labels and legend.</summary>
    public float Height { get; private set; }

    public float FontSize { get; }

    public float PlotLeft { get; private set; }

    public float PlotTop { get; private set; }

    public float PlotRight { get; private set; }

    public float PlotBottom { get; private set; }

    /// <summary>Baseline of the year labels under the bars.</summary>
    public float YearLabelBaseline { get; private set; }

    /// <summary>Baseline of the unit ("euro") over the amount axis.</summary>
    public float UnitBaseline { get; private set; }

    public string Unit { get; private set; } = string.Empty;

    /// <summary>The width and height of a legend swatch.</summary>
    public float SwatchSize { get; private set; }

    public IReadOnlyList<ChartTick> Ticks { get; private set; } = [];

    public IReadOnlyList<ChartGroup> Groups { get; private set; } = [];

    public IReadOnlyList<ChartBar> Bars { get; private set; } = [];

    public IReadOnlyList<ChartLegendItem> Legend { get; private set; } = [];

    /// <param name="report">The report; its years' budgets give the bars.</param>
    /// <param name="format">Formats the axis amounts (<c>20 000,00</c> / <c>20,000.00</c>).</param>
    /// <param name="width">The chart's width.</param>
    /// <param name="plotHeight">The height of the bar area alone; the legend and labels add to it.</param>
    /// <param name="fontSize">The size of all the chart's text.</param>
    public static BudgetChartLayout Compute(SummaryReport report, ReportFormat format, float width, float plotHeight, float fontSize)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(format);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(plotHeight);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fontSize);

        var text = new ReportText(format);
        var layout = new BudgetChartLayout(width, 0, fontSize)
        {
            Unit = text.EuroUnit,
            SwatchSize = fontSize,
        };

        // The amount axis: round steps (1, 2, 2,5 or 5 times a power of ten euro) up to the largest bar.
        var largest = report.Years.SelectMany(y => y.Budget).Select(b => Math.Max(b.PlannedCents, b.ActualCents)).DefaultIfEmpty(0).Max();
        var stepCents = NiceStepCents(largest, targetSteps: 4);
        var steps = Math.Max(1, (int)Math.Ceiling(largest / (double)stepCents));
        var topCents = stepCents * steps;
        var tickLabels = Enumerable.Range(0, steps + 1).Select(i => format.Money(stepCents * i)).ToList();

        // Text is not measured here (the SVG cannot measure it): estimate from the character count,
        // generously, with the width of a DejaVu Sans digit.
        var labelWidth = tickLabels.Max(l => l.Length) * fontSize * 0.64f;
        layout.PlotLeft = labelWidth + (fontSize * 0.8f);
        layout.PlotRight = width - (fontSize * 0.5f);
        layout.UnitBaseline = fontSize;
        layout.PlotTop = fontSize * 2f;
        layout.PlotBottom = layout.PlotTop + plotHeight;
        layout.YearLabelBaseline = layout.PlotBottom + (fontSize * 1.5f);

        layout.Ticks = tickLabels
            .Select((label, i) => new ChartTick(stepCents * i, layout.PlotBottom - (plotHeight * i / steps), label))
            .ToList();

        // The bars: per year, per line a planned and an actual bar side by side, a small gap between lines.
        var lineCount = Math.Max(1, report.Lines.Count);
        var yearCount = Math.Max(1, report.Years.Count);
        var groupWidth = (layout.PlotRight - layout.PlotLeft) / yearCount;
        const float lineGap = 0.35f; // in bar widths
        var slots = (2 * lineCount) + ((lineCount - 1) * lineGap);
        var barWidth = Math.Min(groupWidth * 0.8f / slots, fontSize * 5f);
        var groupContent = barWidth * slots;

        var groups = new List<ChartGroup>(report.Years.Count);
        var bars = new List<ChartBar>(report.Years.Count * lineCount * 2);
        for (var y = 0; y < report.Years.Count; y++)
        {
            var year = report.Years[y];
            var centre = layout.PlotLeft + (groupWidth * (y + 0.5f));
            groups.Add(new ChartGroup(year, ReportFormat.Roman(year.Number), centre));
            var x = centre - (groupContent / 2f);
            foreach (var budget in year.Budget)
            {
                var lineIndex = LineIndex(report, budget.Line);
                var slot = x + (lineIndex * barWidth * (2 + lineGap));
                bars.Add(Bar(layout, year, budget, lineIndex, isActual: false, budget.PlannedCents, slot, barWidth, topCents, plotHeight));
                bars.Add(Bar(layout, year, budget, lineIndex, isActual: true, budget.ActualCents, slot + barWidth, barWidth, topCents, plotHeight));
            }
        }

        layout.Groups = groups;
        layout.Bars = bars;

        // The legend: one row per line and kind, in the bars' order.
        var legend = new List<ChartLegendItem>(report.Lines.Count * 2);
        var rowHeight = fontSize * 1.45f;
        var legendTop = layout.YearLabelBaseline + (fontSize * 1.2f);
        for (var i = 0; i < report.Lines.Count; i++)
        {
            var line = report.Lines[i];
            legend.Add(new ChartLegendItem(i, false, $"{text.Planned}: {line.Name}", layout.PlotLeft, legendTop + (rowHeight * 2 * i)));
            legend.Add(new ChartLegendItem(i, true, $"{text.Actual}: {line.Name}", layout.PlotLeft, legendTop + (rowHeight * ((2 * i) + 1))));
        }

        layout.Legend = legend;
        layout.Height = legendTop + (rowHeight * legend.Count) + (fontSize * 0.2f);
        return layout;
    }

    /// <summary>A round step for about <paramref name="targetSteps"/> gridlines: 1, 2, 2,5 or 5 times a power of ten euro, at least 1 euro.</summary>
    internal static long NiceStepCents(long largestCents, int targetSteps)
    {
        if (largestCents <= 0)
        {
            return 1_000_00;
        }

        var raw = (double)Domain.Money.Cents.ToEuros(largestCents) / targetSteps;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var normalised = raw / magnitude;
        var nice = normalised <= 1 ? 1 : normalised <= 2 ? 2 : normalised <= 2.5 ? 2.5 : normalised <= 5 ? 5 : 10;
        return Math.Max(100, (long)Math.Round(nice * magnitude * 100, MidpointRounding.AwayFromZero));
    }

    /// <summary>Numbers for SVG attributes: invariant, at most two decimals.</summary>
    internal static string Number(float value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static int LineIndex(SummaryReport report, ReportLine line)
    {
        for (var i = 0; i < report.Lines.Count; i++)
        {
            if (report.Lines[i].Id == line.Id)
            {
                return i;
            }
        }

        return 0;
    }

    private static ChartBar Bar(BudgetChartLayout layout, ReportYear year, ReportLineBudget budget, int lineIndex, bool isActual, long cents, float x, float width, long topCents, float plotHeight)
    {
        var height = cents <= 0 ? 0f : (float)(plotHeight * (cents / (double)topCents));
        return new ChartBar(year, budget, lineIndex, isActual, cents, x, layout.PlotBottom - height, width, height);
    }
}
