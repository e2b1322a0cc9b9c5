using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Reviews;
using ZemgaleNvo.Web.Formatting;

namespace ZemgaleNvo.Web.UnitTests.Formatting;

/// <summary>How pages write figures, dates and names in the user's language (Latvian unless they chose English).</summary>
public class DisplayTests
{
    private const string Nbsp = "\u00A0";

    [Theory]
    [InlineData("lv-LV", 49_000_00, "49" + Nbsp + "000,00")]
    [InlineData("en", 49_000_00, "49,000.00")]
    [InlineData("lv-LV", 5, "0,05")]
    [InlineData("en", 1_234_567_89, "1,234,567.89")]
    [InlineData("lv-LV", 1_234_567_89, "1" + Nbsp + "234" + Nbsp + "567,89")]
    public void Money_is_euros_and_cents_grouped_by_thousands(string culture, long cents, string expected)
    {
        Assert.Equal(expected, UiCulture.Read(culture, () => Display.Money(cents)));
    }

    [Theory]
    [InlineData("lv-LV", "96.66", "96,7 %")]
    [InlineData("en", "96.66", "96.7 %")]
    [InlineData("lv-LV", "100", "100,0 %")]
    [InlineData("lv-LV", null, "–")]
    [InlineData("en", null, "–")]
    public void Percent_has_one_decimal_and_a_dash_when_there_is_none(string culture, string? percent, string expected)
    {
        decimal? value = percent is null ? null : decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(expected, UiCulture.Read(culture, () => Display.Percent(value)));
    }

    [Fact]
    public void Dates_and_periods_are_written_the_Latvian_way_or_the_British_way()
    {
        var start = new DateOnly(2022, 7, 15);
        var end = new DateOnly(2025, 7, 14);

        Assert.Equal("15.07.2022.", UiCulture.Read("lv-LV", () => Display.Date(start)));
        Assert.Equal("15/07/2022", UiCulture.Read("en", () => Display.Date(start)));
        Assert.Equal("15.07.2022.–14.07.2025.", UiCulture.Read("lv-LV", () => Display.Period(start, end)));
        Assert.Equal("15/07/2022–14/07/2025", UiCulture.Read("en", () => Display.Period(start, end)));
        Assert.Equal("–", UiCulture.Read("lv-LV", () => Display.Date((DateOnly?)null)));
        Assert.Equal("15.07.2022.", UiCulture.Read("lv-LV", () => Display.Date((DateOnly?)start)));
    }

    [Theory]
    [InlineData("lv-LV", ReviewStatus.Draft, "Melnraksts")]
    [InlineData("lv-LV", ReviewStatus.Submitted, "Iesniegts")]
    [InlineData("lv-LV", ReviewStatus.Returned, "Atgriezts labošanai")]
    [InlineData("lv-LV", ReviewStatus.Approved, "Apstiprināts")]
    [InlineData("en", ReviewStatus.Draft, "Draft")]
    [InlineData("en", ReviewStatus.Submitted, "Submitted")]
    [InlineData("en", ReviewStatus.Returned, "Returned for correction")]
    [InlineData("en", ReviewStatus.Approved, "Approved")]
    public void Every_status_has_a_name_in_both_languages(string culture, ReviewStatus status, string expected)
    {
        Assert.Equal(expected, UiCulture.Read(culture, () => Display.Status(status)));
    }

    [Theory]
    [InlineData("lv-LV", AgreementType.Delegation, "Deleģēšanas līgums")]
    [InlineData("lv-LV", AgreementType.Participation, "Līdzdarbības līgums")]
    [InlineData("en", AgreementType.Delegation, "Delegation agreement")]
    [InlineData("en", AgreementType.Participation, "Participation agreement")]
    public void Agreement_types_are_named_in_both_languages(string culture, AgreementType type, string expected)
    {
        Assert.Equal(expected, UiCulture.Read(culture, () => Display.AgreementType(type)));
    }

    [Theory]
    [InlineData("lv-LV", IndicatorQualifier.MoreThan, "vairāk kā 60 konsultācijas")]
    [InlineData("lv-LV", IndicatorQualifier.AtLeast, "vismaz 60 konsultācijas")]
    [InlineData("lv-LV", IndicatorQualifier.Exactly, "60 konsultācijas")]
    [InlineData("en", IndicatorQualifier.MoreThan, "more than 60 konsultācijas")]
    [InlineData("en", IndicatorQualifier.AtLeast, "at least 60 konsultācijas")]
    [InlineData("en", IndicatorQualifier.Exactly, "60 konsultācijas")]
    public void Indicators_keep_the_performers_own_unit(string culture, IndicatorQualifier qualifier, string expected)
    {
        Assert.Equal(expected, UiCulture.Read(culture, () => Display.Indicator(60, "konsultācijas", qualifier)));
    }

    [Theory]
    [InlineData(1, "I")]
    [InlineData(3, "III")]
    [InlineData(4, "IV")]
    [InlineData(9, "IX")]
    public void Years_are_numbered_in_Roman_numerals(int number, string roman)
    {
        Assert.Equal(roman, Display.Roman(number));
        Assert.Equal($"{roman}. īstenošanas gads", UiCulture.Read("lv-LV", () => Display.YearName(number)));
        Assert.Equal($"Implementation year {roman}", UiCulture.Read("en", () => Display.YearName(number)));
    }

    [Theory]
    [InlineData("2026-11-24T12:05:00", "24.11.2026. 14:05")] // winter: UTC+2
    [InlineData("2026-07-01T11:05:00", "01.07.2026. 14:05")] // summer: UTC+3
    [InlineData("2026-12-31T22:30:00", "01.01.2027. 00:30")] // already the next day in Riga
    public void Moments_are_shown_in_Riga_time(string utc, string expected)
    {
        var moment = DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal);

        Assert.Equal(expected, UiCulture.Read("lv-LV", () => Display.Timestamp(moment)));
    }

    [Theory]
    [InlineData("lv-LV", "49" + Nbsp + "000,00")]
    [InlineData("lv", "49" + Nbsp + "000,00")]
    [InlineData("", "49" + Nbsp + "000,00")] // the invariant culture counts as Latvian
    [InlineData("en-GB", "49,000.00")]
    [InlineData("de-DE", "49,000.00")] // any other language falls back to English
    public void Latvian_is_the_default_and_every_other_language_reads_English(string culture, string expected)
    {
        Assert.Equal(expected, UiCulture.Read(culture, () => Display.Money(49_000_00)));
    }

    [Theory]
    [InlineData(ReviewStatus.Approved, "text-bg-success")]
    [InlineData(ReviewStatus.Submitted, "text-bg-primary")]
    [InlineData(ReviewStatus.Returned, "text-bg-warning")]
    [InlineData(ReviewStatus.Draft, "text-bg-secondary")]
    public void Status_badges_have_a_colour_per_status(ReviewStatus status, string cssClass)
    {
        Assert.Equal(cssClass, Labels.StatusBadgeClass(status));
    }
}
