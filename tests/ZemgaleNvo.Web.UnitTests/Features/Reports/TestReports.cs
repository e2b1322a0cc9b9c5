using ZemgaleNvo.Domain.Organisations;
using ZemgaleNvo.UnitTests.Checks;
using ZemgaleNvo.Web.Features.Reports;

namespace ZemgaleNvo.Web.UnitTests.Features.Reports;

/// <summary>Report models of made-up agreements, built as the summary page builds them.</summary>
internal static class TestReports
{
    public static readonly Organisation Performer = new() { Id = 9, Name = "Biedrība „Latgales kultūra”", RegionId = AgreementBuilder.Latgale.Id };

    public static SummaryReport Build(AgreementBuilder builder)
    {
        builder.Agreement.Performer = Performer;
        builder.Agreement.PerformerId = Performer.Id;
        return SummaryReportBuilder.Build(builder.Agreement, AgreementBuilder.Regions);
    }
}
