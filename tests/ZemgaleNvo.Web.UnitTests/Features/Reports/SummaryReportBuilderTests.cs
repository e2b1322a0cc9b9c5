using ZemgaleNvo.Domain.Checks;
using ZemgaleNvo.UnitTests.Checks;
using ZemgaleNvo.Web.Features.Reports;

namespace ZemgaleNvo.Web.UnitTests.Features.Reports;

/// <summary>
/// The report model every output reads (page, PDF, CSV, XLSX, dashboard), built from an agreement
/// in memory. The outputs themselves are checked through the portal in the integration tests.
/// </summary>
public class SummaryReportBuilderTests
{
    [Fact]
    public void The_agreement_its_lines_and_its_years_come_in_their_order()
    {
        var report = TestReports.Build(AgreementBuilder.Balanced(years: 3));

        Assert.Equal("Kultūras mantojums Latgalē", report.Agreement.Title);
        Assert.Equal("Latgales reģions", report.Agreement.Region);
        Assert.Equal(TestReports.Performer.Name, report.Agreement.Performer);
        string[] lineNames = ["muzeju programmām", "novada festivāliem"];
        Assert.Equal(lineNames, report.Lines.Select(l => l.Name));
        int[] ordinals = [1, 2];
        Assert.Equal(ordinals, report.Lines.Select(l => l.Ordinal));
        int[] yearNumbers = [1, 2, 3];
        Assert.Equal(yearNumbers, report.Years.Select(y => y.Number));
        Assert.Equal(AgreementBuilder.Start, report.Years[0].Start);
        Assert.Equal("kopsavilkums-latgale-2021-2024", report.FileStem);
    }

    [Fact]
    public void Each_year_lists_its_results_per_strand_numbered()
    {
        var builder = AgreementBuilder.Balanced(years: 2);
        builder.Result(2, builder.Museums, (12, "ekskursijas"));

        var year = TestReports.Build(builder).Year(2)!;

        Assert.Equal(3, year.ResultCount);
        var museums = year.Strands.Single(s => s.Line.Name == "muzeju programmām");
        int[] ordinals = [1, 2];
        Assert.Equal(ordinals, museums.Results.Select(r => r.Ordinal));
        var indicator = Assert.Single(museums.Results[1].Indicators);
        Assert.Equal((12, "ekskursijas"), (indicator.Count, indicator.Unit));
    }

    [Fact]
    public void Budget_figures_follow_planned_reallocated_spent_and_carried()
    {
        var builder = AgreementBuilder.Balanced(years: 2);
        builder.Reallocated(1, builder.Museums, builder.Festivals, 1_000_00)
            .Spent(1, builder.Museums, 8_000_00)
            .Carried(1, builder.Museums, 1_000_00)
            .Spent(2, builder.Museums, 11_000_00);

        var report = TestReports.Build(builder);

        var museums1 = report.Year(1)!.Budget.Single(b => b.Line.Id == builder.Museums.Id);
        Assert.Equal(10_000_00, museums1.PlannedCents);
        Assert.Equal(1_000_00, museums1.ReallocatedOutCents);
        Assert.Equal(9_000_00, museums1.AvailableCents);
        Assert.Equal(8_000_00, museums1.ActualCents);
        Assert.Equal(1_000_00, museums1.RemainingCents);
        Assert.Equal(1_000_00, museums1.CarriedOutCents);
        var festivals1 = report.Year(1)!.Budget.Single(b => b.Line.Id == builder.Festivals.Id);
        Assert.Equal(1_000_00, festivals1.ReallocatedInCents);
        Assert.Equal(6_000_00, festivals1.AvailableCents);
        var museums2 = report.Year(2)!.Budget.Single(b => b.Line.Id == builder.Museums.Id);
        Assert.Equal(1_000_00, museums2.CarriedInCents);
        Assert.Equal(11_000_00, museums2.AvailableCents);

        var move = Assert.Single(report.Year(1)!.Reallocations);
        Assert.Equal((builder.Museums.Id, builder.Festivals.Id, 1_000_00L), (move.From.Id, move.To.Id, move.AmountCents));
        Assert.Equal(30_000_00, report.Totals.PlannedCents);
        Assert.Equal(report.Years.Sum(y => y.ActualCents), report.Totals.ActualCents);
    }

    [Fact]
    public void Itemised_spending_is_listed_by_date()
    {
        var builder = AgreementBuilder.Balanced(years: 2);
        builder.Itemised(1, builder.Festivals, 300_00).Itemised(1, builder.Museums, 200_00);
        builder.Year(1).SpendingEntries[0].Date = AgreementBuilder.Start.AddDays(20);

        var spending = TestReports.Build(builder).Year(1)!.Spending;

        long[] byDate = [200_00L, 300_00L];
        Assert.Equal(byDate, spending.Select(s => s.AmountCents));
        Assert.Equal("muzeju programmām", spending[0].Line.Name);
    }

    [Fact]
    public void Non_compliant_spending_counts_what_is_still_to_recover()
    {
        var builder = AgreementBuilder.Balanced(years: 2);
        builder.NonCompliant(1, builder.Museums, 500_00, 200_00, AgreementBuilder.Start.AddMonths(3));
        builder.NonCompliant(2, builder.Festivals, 100_00, 0);

        var report = TestReports.Build(builder);

        int[] years = [1, 2];
        Assert.Equal(years, report.NonCompliance.Select(n => n.YearNumber));
        Assert.Equal(300_00, report.NonCompliance[0].UnrecoveredCents);
        Assert.Equal(600_00, report.NonCompliantCents);
        Assert.Equal(400_00, report.UnrecoveredCents);
    }

    [Fact]
    public void The_findings_are_the_consistency_checks_of_the_same_agreement()
    {
        var builder = AgreementBuilder.Balanced(years: 2);
        builder.Spent(1, builder.Museums, 12_000_00);

        var report = TestReports.Build(builder);

        Assert.NotEmpty(report.Findings);
        Assert.Equal(builder.AllFindings().Select(f => f.RuleCode), report.Findings.Select(f => f.RuleCode));
        Assert.Contains(report.Findings, f => f.Severity == FindingSeverity.Error);
    }

    [Fact]
    public void Blank_other_information_is_none()
    {
        var builder = AgreementBuilder.Balanced();
        builder.Agreement.OtherInformation = "  ";

        Assert.Null(TestReports.Build(builder).Agreement.OtherInformation);
    }
}
