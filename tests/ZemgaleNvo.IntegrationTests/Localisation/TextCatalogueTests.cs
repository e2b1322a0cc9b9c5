using System.Globalization;
using ZemgaleNvo.Web.Features.Reports;
using ZemgaleNvo.Web.Formatting;

namespace ZemgaleNvo.IntegrationTests.Localisation;

/// <summary>The wording catalogue the reports, exports and emails read in the language they are written in.</summary>
public class TextCatalogueTests
{
    [Fact]
    public void Reads_the_language_it_is_given_whatever_the_request_culture()
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            Assert.Equal("Kopsavilkums", new ReportText(ReportFormat.Latvian).SummaryTitle);

            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("lv-LV");
            Assert.Equal("Summary", new ReportText(ReportFormat.EnglishFormat).SummaryTitle);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void A_context_before_the_bar_chooses_the_English_and_is_not_shown_in_Latvian()
    {
        Assert.Equal("Neatbilstības", TextCatalogue.Latvian["izklājlapa|Neatbilstības"]);
        Assert.Equal("Non-compliance", TextCatalogue.English["izklājlapa|Neatbilstības"]);
        Assert.Equal("Inconsistencies", TextCatalogue.English["Neatbilstības"]);
    }

    [Fact]
    public void Fills_placeholders_after_translating_and_falls_back_to_Latvian()
    {
        Assert.Equal("Planned EUR 49,000.00, of which", TextCatalogue.English["Plānots {0}, t.sk.", ReportFormat.EnglishFormat.Euro(49_000_00)]);
        Assert.Equal("Plānots 49 000,00 euro, t.sk.", TextCatalogue.Latvian["Plānots {0}, t.sk.", ReportFormat.Latvian.Euro(49_000_00)].Replace('\u00A0', ' '));
        Assert.Equal("Teksts, kura vēl nav katalogā", TextCatalogue.English["Teksts, kura vēl nav katalogā"]);
    }

    [Fact]
    public void Every_output_writes_a_date_one_way_per_language()
    {
        var date = new DateOnly(2023, 7, 15);

        Assert.Equal("15.07.2023.", ReportFormat.Latvian.Date(date));
        Assert.Equal("15/07/2023", ReportFormat.EnglishFormat.Date(date));
        Assert.Equal("15.07.2023.–14.07.2024.", ReportFormat.Latvian.Period(date, new DateOnly(2024, 7, 14)));
        Assert.Equal("15/07/2023–14/07/2024", ReportFormat.EnglishFormat.Period(date, new DateOnly(2024, 7, 14)));
    }
}
