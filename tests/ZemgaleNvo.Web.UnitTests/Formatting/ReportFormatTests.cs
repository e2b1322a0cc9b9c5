using System.Globalization;
using ZemgaleNvo.Web.Features.Reports;
using ZemgaleNvo.Web.Formatting;

namespace ZemgaleNvo.Web.UnitTests.Formatting;

/// <summary>The report-only forms (long dates, amounts with their currency, year titles) that pages do not use.</summary>
public class ReportFormatTests
{
    private const string Nbsp = "\u00A0";

    [Theory]
    [InlineData("lv-LV", true)]
    [InlineData("lv", true)]
    [InlineData("", true)]
    [InlineData("en", false)]
    [InlineData("en-US", false)]
    [InlineData("ru-RU", false)]
    public void The_report_language_follows_the_culture(string culture, bool latvian)
    {
        var format = ReportFormat.For(CultureInfo.GetCultureInfo(culture));

        Assert.Equal(latvian, format.IsLatvian);
        Assert.Equal(latvian ? "lv" : "en", format.LanguageTag);
    }

    [Fact]
    public void Amounts_carry_the_currency_as_each_language_writes_it()
    {
        Assert.Equal("49" + Nbsp + "000,00 euro", ReportFormat.Latvian.Euro(49_000_00));
        Assert.Equal("EUR 49,000.00", ReportFormat.EnglishFormat.Euro(49_000_00));
    }

    [Fact]
    public void Long_dates_and_periods_follow_the_official_template()
    {
        var start = new DateOnly(2022, 7, 15);
        var end = new DateOnly(2025, 7, 14);

        Assert.Equal("2022. gada 15. jūlijs", ReportFormat.Latvian.LongDate(start));
        Assert.Equal("2022. gada 15. jūlijs līdz 2025. gada 14. jūlijs", ReportFormat.Latvian.LongPeriod(start, end));
        Assert.Equal("15 July 2022 to 14 July 2025", ReportFormat.EnglishFormat.LongPeriod(start, end));
    }

    [Theory]
    [InlineData(1, "janvāris")]
    [InlineData(2, "februāris")]
    [InlineData(6, "jūnijs")]
    [InlineData(12, "decembris")]
    public void Every_month_has_its_Latvian_name(int month, string name)
    {
        Assert.Equal($"2024. gada 1. {name}", ReportFormat.Latvian.LongDate(new DateOnly(2024, month, 1)));
    }

    [Fact]
    public void Year_titles_and_the_empty_answer_in_both_languages()
    {
        Assert.Equal("II. ĪSTENOŠANAS GADS", ReportFormat.Latvian.YearTitle(2));
        Assert.Equal("IMPLEMENTATION YEAR II", ReportFormat.EnglishFormat.YearTitle(2));
        Assert.Equal("Nav", ReportFormat.Latvian.None);
        Assert.Equal("None", ReportFormat.EnglishFormat.None);
    }
}
