using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Checks;
using ZemgaleNvo.Domain.Reviews;
using ZemgaleNvo.Web.Features.Dashboard;
using ZemgaleNvo.Web.Features.Reports;

namespace ZemgaleNvo.Web.UnitTests.Features.Dashboard;

/// <summary>
/// The order of the dashboard's rows for each column and direction, on rows made up in memory.
/// The integration tests keep one request per kind of sort to show the page uses this order.
/// </summary>
public class DashboardSortTests
{
    /// <summary>Like the demo's Zemgale agreement: 2022, 96,7 % spent, the most errors, changed first.</summary>
    private static readonly DashboardRow Zemgale = Row(1, "Zemgales reģions", "Biedrība „Zemgales NVO centrs”", new(2022, 7, 15), 98_000_00, 94_766_00, errors: 3, warnings: 1, lastAuditId: 10);

    /// <summary>Like the second agreement the dashboard tests add: Latgale, 2024, 45,0 % spent, no errors, changed later.</summary>
    private static readonly DashboardRow Latgale = Row(2, "Latgales reģions", "Biedrība „Piemēra NVO”", new(2024, 1, 1), 20_000_00, 9_000_00, errors: 0, warnings: 2, lastAuditId: 20);

    private static DashboardRow Row(int id, string region, string performer, DateOnly start, long plannedCents, long actualCents,
        int errors = 0, int warnings = 0, long? lastAuditId = null)
    {
        var agreement = new ReportAgreement(id, id, AgreementType.Delegation, null, null, null, "Līgums", "Uzdevums", region, "kods",
            performer, start, start.AddYears(2).AddDays(-1), ReviewStatus.Draft, null);
        var findings = Enumerable.Range(0, errors).Select(_ => Finding(FindingSeverity.Error))
            .Concat(Enumerable.Range(0, warnings).Select(_ => Finding(FindingSeverity.Warning)))
            .ToList();
        var report = new SummaryReport(agreement, [], [], [], new ReportTotals(plannedCents, actualCents, 0, 0), [], findings);
        return new DashboardRow(report, lastAuditId is { } audit ? new LastChange(audit, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(audit), "lietotajs") : null);
    }

    private static ConsistencyFinding Finding(FindingSeverity severity) => new("rule", severity, null, null, null, "Ziņa", "Message");

    /// <summary>The rows in the order the query string asks for.</summary>
    private static IEnumerable<int> Order(string? sort, string? dir, params DashboardRow[] rows)
    {
        var filter = DashboardFilter.Parse(new DashboardRequest(null, null, null, sort, dir));
        return DashboardQuery.Sort(rows, filter.Sort, filter.Descending).Select(r => r.Agreement.Id);
    }

    [Theory]
    [InlineData(null, null, "L,Z")] // by region: Latgales before Zemgales
    [InlineData("region", "desc", "Z,L")]
    [InlineData("performer", null, "L,Z")] // „Piemēra NVO” before „Zemgales NVO centrs”
    [InlineData("performer", "desc", "Z,L")]
    [InlineData("start", null, "Z,L")] // 2022 before 2024
    [InlineData("start", "desc", "L,Z")]
    [InlineData("execution", null, "L,Z")] // 45,0 % before 96,7 %
    [InlineData("execution", "desc", "Z,L")]
    [InlineData("changed", null, "L,Z")] // the most recent change first
    [InlineData("changed", "asc", "Z,L")]
    [InlineData("findings", null, "Z,L")] // the most errors first
    [InlineData("findings", "asc", "L,Z")]
    public void Each_column_sorts_both_ways(string? sort, string? dir, string expected)
    {
        var ids = expected.Split(',').Select(n => n == "Z" ? Zemgale.Agreement.Id : Latgale.Agreement.Id);

        Assert.Equal(ids, Order(sort, dir, Zemgale, Latgale));
        Assert.Equal(ids, Order(sort, dir, Latgale, Zemgale));
    }

    [Fact]
    public void Findings_sort_by_errors_then_by_warnings()
    {
        var fewWarnings = Row(1, "Rīgas reģions", "A", new(2022, 1, 1), 1_00, 1_00, errors: 1, warnings: 5);
        var moreErrors = Row(2, "Rīgas reģions", "B", new(2022, 1, 1), 1_00, 1_00, errors: 2, warnings: 0);
        var moreWarnings = Row(3, "Rīgas reģions", "C", new(2022, 1, 1), 1_00, 1_00, errors: 1, warnings: 7);

        int[] mostFirst = [2, 3, 1];
        Assert.Equal(mostFirst, Order("findings", null, fewWarnings, moreErrors, moreWarnings));
        int[] fewestFirst = [1, 3, 2];
        Assert.Equal(fewestFirst, Order("findings", "asc", fewWarnings, moreErrors, moreWarnings));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("asc")]
    [InlineData("desc")]
    public void Rows_without_a_figure_go_last_in_either_direction(string? dir)
    {
        var nothingPlanned = Row(1, "Rīgas reģions", "A", new(2022, 1, 1), 0, 0);
        var low = Row(2, "Rīgas reģions", "B", new(2022, 1, 1), 100_00, 10_00, lastAuditId: 5);
        var high = Row(3, "Rīgas reģions", "C", new(2022, 1, 1), 100_00, 90_00, lastAuditId: 6);

        Assert.Equal(1, Order("execution", dir, nothingPlanned, low, high).Last());
        Assert.Equal(1, Order("changed", dir, nothingPlanned, low, high).Last());
    }

    [Fact]
    public void Ties_fall_back_to_region_performer_start_and_id()
    {
        var rows = new[]
        {
            Row(4, "Vidzemes reģions", "A", new(2022, 1, 1), 100_00, 50_00),
            Row(3, "Kurzemes reģions", "B", new(2023, 1, 1), 100_00, 50_00),
            Row(2, "Kurzemes reģions", "B", new(2022, 1, 1), 100_00, 50_00),
            Row(5, "Kurzemes reģions", "B", new(2022, 1, 1), 100_00, 50_00),
            Row(1, "Kurzemes reģions", "A", new(2024, 1, 1), 100_00, 50_00),
        };

        int[] byRegionPerformerStartAndId = [1, 2, 5, 3, 4];
        Assert.Equal(byRegionPerformerStartAndId, Order("execution", null, rows));
        Assert.Equal(byRegionPerformerStartAndId, Order("execution", "desc", rows));
    }

    [Fact]
    public void Names_sort_in_the_Latvian_alphabet_whatever_their_case()
    {
        // In Latvian Č is a letter after C: „Cēsu …” comes before „Čaklie …”, which the invariant order would swap.
        var cesis = Row(1, "Vidzemes reģions", "biedrība „Cēsu talkas”", new(2022, 1, 1), 1_00, 1_00);
        var caklie = Row(2, "Vidzemes reģions", "Biedrība „Čaklie”", new(2022, 1, 1), 1_00, 1_00);
        var zemgale = Row(3, "Vidzemes reģions", "BIEDRĪBA „Zemgale”", new(2022, 1, 1), 1_00, 1_00);

        int[] latvianOrder = [1, 2, 3];
        Assert.Equal(latvianOrder, Order("performer", null, zemgale, caklie, cesis));
    }
}
