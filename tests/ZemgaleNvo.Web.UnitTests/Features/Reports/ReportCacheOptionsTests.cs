using ZemgaleNvo.Web.Features.Reports;

namespace ZemgaleNvo.Web.UnitTests.Features.Reports;

/// <summary>The PDF memory bound of the report cache (issue 18): a value that cannot work stops start-up with the setting named.</summary>
public class ReportCacheOptionsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(64)]
    [InlineData(ReportCacheOptionsValidation.MaxMegabytes)]
    public void A_bound_from_one_megabyte_up_is_accepted(int megabytes) =>
        Assert.True(new ReportCacheOptionsValidation().Validate(null, new ReportCacheOptions { PdfMemoryMegabytes = megabytes }).Succeeded);

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(ReportCacheOptionsValidation.MaxMegabytes + 1)]
    public void No_bound_or_an_absurd_one_is_refused_naming_the_setting(int megabytes)
    {
        var result = new ReportCacheOptionsValidation().Validate(null, new ReportCacheOptions { PdfMemoryMegabytes = megabytes });

        Assert.True(result.Failed);
        Assert.StartsWith("ReportCache:PdfMemoryMegabytes", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_is_64_megabytes() => Assert.Equal(64, new ReportCacheOptions().PdfMemoryMegabytes);
}
