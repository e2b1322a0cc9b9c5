using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Checks;
using ZemgaleNvo.Domain.Reviews;
using ZemgaleNvo.IntegrationTests.Infrastructure;
using ZemgaleNvo.Web.Features.Reports;

namespace ZemgaleNvo.IntegrationTests.Reports.Export;

/// <summary>The report model of the demo agreement, and small made-up models for what the demo data does not show.</summary>
internal static class ExportTestData
{
    public const string CivilLine = "pilsoniskās sabiedrības attīstībai Zemgales reģionā";
    public const string MinorityLine = "mazākumtautību nevalstisko organizāciju attīstības un ilgtspējas veicināšanai";

    public static async Task<SummaryReport> DemoReportAsync(PortalFactory factory)
    {
        await factory.CreateClient().GetAsync(new Uri("/account/login", UriKind.Relative)); // start the app: migrate and seed
        await using var db = factory.OpenDatabase();
        var id = await db.Agreements.Select(a => a.Id).SingleAsync();
        var report = await new SummaryReportQuery(db, new SummaryReportCache()).RunAsync(id, CancellationToken.None);
        Assert.NotNull(report);
        return report;
    }

    /// <summary>One year, one line named <paramref name="lineName"/>, spending 123,45 of 1 000,00; a reallocation and a non-compliant item.</summary>
    public static SummaryReport MadeUp(string lineName)
    {
        var line = new ReportLine(7, 1, lineName, null);
        var other = new ReportLine(8, 2, "otrā pozīcija", null);
        var budget = new[]
        {
            new ReportLineBudget(line, 1_000_00, 0, 50_00, 0, 1_050_00, 123_45, 926_55, 0, 11.8m),
            new ReportLineBudget(other, 500_00, 0, 0, 50_00, 450_00, 450_00, 0, 0, 100.0m),
        };
        var result = new ReportResult(70, 1, "Rezultāts ar \"pēdiņām\"; un semikolu", [new ReportIndicator(3, "semināri", IndicatorQualifier.AtLeast)],
            new DateOnly(2024, 2, 29), null, "Jelgava");
        var year = new ReportYear(1, 1, new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), ReviewStatus.Draft, null, null,
            [new ReportStrand(line, [result]), new ReportStrand(other, [])],
            budget,
            [new ReportSpending(line, new DateOnly(2024, 3, 1), "Telpu īre", "SIA \"Telpas\"", "R-1", 123_45)],
            [new ReportReallocation(other, line, 50_00, "Vajadzība mainījās", null)]);
        return new SummaryReport(
            new ReportAgreement(1, 2, AgreementType.Participation, "Nr. 1", null, null, "Līgums", "Uzdevums", "Rīgas reģions", "riga", "Biedrība",
                new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), ReviewStatus.Draft, "Cita; informācija"),
            [year],
            [line, other],
            [new ReportLineTotal(line, 1_000_00, 123_45, 0), new ReportLineTotal(other, 500_00, 450_00, 0)],
            new ReportTotals(1_500_00, 573_45, 0, 926_55),
            [new ReportNonCompliance(1, line, 10_00, "Nav attaisnots", 4_00, new DateOnly(2024, 11, 30))],
            [new ConsistencyFinding("made-up-rule", FindingSeverity.Warning, 1, 7, 70, "Latviski.", "In English.")]);
    }
}
