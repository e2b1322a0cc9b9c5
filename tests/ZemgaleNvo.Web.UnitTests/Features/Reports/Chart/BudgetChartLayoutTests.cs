using ZemgaleNvo.UnitTests.Checks;
using ZemgaleNvo.Web.Features.Reports;
using ZemgaleNvo.Web.Formatting;
using ZemgaleNvo.Web.Features.Reports.Chart;

namespace ZemgaleNvo.Web.UnitTests.Features.Reports.Chart;

/// <summary>
/// Where the budget chart puts its bars, gridlines, year labels and legend: computed once and drawn
/// by the PDF and the SVG alike, so both follow these rules.
/// </summary>
public class BudgetChartLayoutTests
{
    private const float Width = 480;
    private const float PlotHeight = 200;
    private const float FontSize = 8;

    private static BudgetChartLayout Layout(AgreementBuilder builder, ReportFormat? format = null) =>
        BudgetChartLayout.Compute(TestReports.Build(builder), format ?? ReportFormat.Latvian, Width, PlotHeight, FontSize);

    [Theory]
    [InlineData(0L, 1_000_00L)] // nothing to show: one step of 1 000 euro
    [InlineData(1L, 1_00L)] // never below 1 euro
    [InlineData(49_000_00L, 20_000_00L)]
    [InlineData(30_000_00L, 10_000_00L)]
    [InlineData(10_000_00L, 2_500_00L)]
    [InlineData(8_000_00L, 2_000_00L)]
    [InlineData(18_000_00L, 5_000_00L)]
    public void Gridlines_step_by_round_amounts(long largestCents, long stepCents)
    {
        Assert.Equal(stepCents, BudgetChartLayout.NiceStepCents(largestCents, targetSteps: 4));
    }

    [Fact]
    public void Every_year_has_a_planned_and_an_actual_bar_per_line_side_by_side()
    {
        var layout = Layout(AgreementBuilder.Balanced(years: 3));

        Assert.Equal(3 * 2 * 2, layout.Bars.Count);
        string[] romanYears = ["I", "II", "III"];
        Assert.Equal(romanYears, layout.Groups.Select(g => g.Label));
        Assert.True(layout.Groups.Zip(layout.Groups.Skip(1)).All(p => p.First.CentreX < p.Second.CentreX), "Years go left to right");
        foreach (var year in layout.Bars.GroupBy(b => b.Year.Number))
        {
            var bars = year.ToList();
            Assert.Equal(new[] { (0, false), (0, true), (1, false), (1, true) }, bars.Select(b => (b.LineIndex, b.IsActual)));
            Assert.True(bars.Zip(bars.Skip(1)).All(p => p.First.X + p.First.Width <= p.Second.X + 0.001f), "Bars do not overlap");
        }
    }

    [Fact]
    public void Bars_stand_on_the_axis_inside_the_plot_with_heights_in_proportion()
    {
        var builder = AgreementBuilder.Balanced(years: 2);
        builder.Spent(2, builder.Museums, 5_000_00).Spent(2, builder.Festivals, 0);

        var layout = Layout(builder);

        foreach (var bar in layout.Bars)
        {
            Assert.Equal(layout.PlotBottom, bar.Y + bar.Height, precision: 3);
            Assert.InRange(bar.X, layout.PlotLeft, layout.PlotRight);
            Assert.InRange(bar.X + bar.Width, layout.PlotLeft, layout.PlotRight);
            Assert.InRange(bar.Y, layout.PlotTop, layout.PlotBottom);
        }
        var plannedMuseums = layout.Bars.First(b => b.Year.Number == 2 && b.LineIndex == 0 && !b.IsActual);
        var actualMuseums = layout.Bars.First(b => b.Year.Number == 2 && b.LineIndex == 0 && b.IsActual);
        Assert.Equal(plannedMuseums.Height / 2, actualMuseums.Height, precision: 3);
        Assert.Equal(0, layout.Bars.First(b => b.Year.Number == 2 && b.LineIndex == 1 && b.IsActual).Height);
    }

    [Fact]
    public void The_amount_axis_starts_at_zero_and_reaches_past_the_largest_bar()
    {
        var layout = Layout(AgreementBuilder.Balanced(years: 2));

        Assert.Equal(0, layout.Ticks[0].Cents);
        Assert.Equal(layout.PlotBottom, layout.Ticks[0].Y);
        Assert.Equal(layout.PlotTop, layout.Ticks[^1].Y, precision: 3);
        Assert.True(layout.Ticks[^1].Cents >= 10_000_00);
        Assert.Equal("10\u00A0000,00", layout.Ticks.Single(t => t.Cents == 10_000_00).Label);
        Assert.Equal("euro", layout.Unit);
    }

    [Fact]
    public void The_legend_names_each_line_twice_in_the_report_language_below_the_year_labels()
    {
        var latvian = Layout(AgreementBuilder.Balanced());
        var english = Layout(AgreementBuilder.Balanced(), ReportFormat.EnglishFormat);

        string[] entries = ["Plānots: muzeju programmām", "Faktiski: muzeju programmām", "Plānots: novada festivāliem", "Faktiski: novada festivāliem"];
        Assert.Equal(entries, latvian.Legend.Select(l => l.Text));
        Assert.Equal("Planned: muzeju programmām", english.Legend[0].Text);
        Assert.Equal("EUR", english.Unit);
        Assert.Equal("10,000.00", english.Ticks.Single(t => t.Cents == 10_000_00).Label);
        Assert.True(latvian.Legend.All(l => l.Y > latvian.YearLabelBaseline), "The legend is under the year labels");
        Assert.True(latvian.Height > latvian.Legend[^1].Y, "The chart is tall enough for its legend");
    }

    [Fact]
    public void Sizes_that_cannot_be_drawn_are_refused()
    {
        var report = TestReports.Build(AgreementBuilder.Balanced());

        Assert.Throws<ArgumentOutOfRangeException>(() => BudgetChartLayout.Compute(report, ReportFormat.Latvian, 0, PlotHeight, FontSize));
        Assert.Throws<ArgumentOutOfRangeException>(() => BudgetChartLayout.Compute(report, ReportFormat.Latvian, Width, -1, FontSize));
        Assert.Throws<ArgumentOutOfRangeException>(() => BudgetChartLayout.Compute(report, ReportFormat.Latvian, Width, PlotHeight, 0));
    }

    [Theory]
    [InlineData(12.5f, "12.5")]
    [InlineData(3f, "3")]
    [InlineData(1.23456f, "1.23")]
    public void Svg_numbers_are_invariant_with_at_most_two_decimals(float value, string text)
    {
        Assert.Equal(text, BudgetChartLayout.Number(value));
    }
}
