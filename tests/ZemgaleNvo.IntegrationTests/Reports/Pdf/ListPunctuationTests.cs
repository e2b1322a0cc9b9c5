using ZemgaleNvo.Web.Features.Reports;
using ZemgaleNvo.Web.Features.Reports.Pdf;

namespace ZemgaleNvo.IntegrationTests.Reports.Pdf;

public class ListPunctuationTests
{
    [Theory]
    [InlineData("Organizētas tiešsaistes apmācības", false, "Organizētas tiešsaistes apmācības;")]
    [InlineData("Organizētas tiešsaistes apmācības", true, "Organizētas tiešsaistes apmācības.")]
    [InlineData("Forums AUCĒ 10.05.2023.", false, "Forums AUCĒ 10.05.2023.;")]
    [InlineData("kataloga maketēšana.", true, "kataloga maketēšana.")]
    [InlineData("apmācības; ", false, "apmācības;")]
    [InlineData("apmācības;", true, "apmācības.")]
    public void Items_end_with_a_semicolon_and_the_last_with_one_full_stop(string text, bool last, string expected) =>
        Assert.Equal(expected, ReportText.ListItem(text, last));
}
