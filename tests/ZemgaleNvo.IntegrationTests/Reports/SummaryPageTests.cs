using System.Net;
using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.Reports;

public class SummaryPageTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private async Task<int> AgreementIdAsync()
    {
        await portal.Factory.CreateClient().GetAsync("/account/login");
        await using var db = portal.Factory.OpenDatabase();
        return await db.Agreements.Select(a => a.Id).SingleAsync();
    }

    [Fact]
    public async Task The_summary_follows_the_official_template_with_every_seed_figure()
    {
        var client = await Browser.SignedInClientAsync(portal.Factory, Browser.Reviewer);

        var response = await client.GetAsync($"/agreements/{await AgreementIdAsync()}/summary");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Browser.Text(await response.Content.ReadAsStringAsync());
        string[] inTemplateOrder =
        [
            "Zemgales reģions",
            "Valsts pārvaldes uzdevums",
            "jomā Kurzemes reģionā",
            "Valsts pārvaldes uzdevuma veicējs",
            "Biedrība „Zemgales NVO centrs”",
            "2022. gada 15. jūlijs līdz 2025. gada 14. jūlijs",
            "I. ĪSTENOŠANAS GADS (2022. gada 15. jūlijs līdz 2023. gada 14. jūlijs)",
            "Zemgales reģiona mazākumtautību kapacitātes celšanai:",
            "II. ĪSTENOŠANAS GADS",
            "III. ĪSTENOŠANAS GADS",
            "Plānotais un faktiski izlietotais valsts budžeta finansējums sadalījumā pa gadiem",
            "Plānots 49 000,00 euro, t.sk.",
            "Faktiski 44 135,47 euro, t.sk.",
            "36 785,82 euro pilsoniskās sabiedrības attīstībai Zemgales reģionā",
            "Atlikums 4 864,53 euro apmērā pārcelts uz nākamo periodu (t.sk. 120,80 euro pilsoniskās sabiedrības attīstībai Zemgales reģionā un 4 743,73 euro mazākumtautību nevalstisko organizāciju attīstības un ilgtspējas veicināšanai)",
            "Neatbilstoši veiktie izdevumi Nav",
            "Neatgūto līdzekļu apmērs no neatbilstoši veiktajiem izdevumiem Nav",
            "Cita informācija Nav",
        ];
        var position = 0;
        foreach (var part in inTemplateOrder)
        {
            var found = text.IndexOf(part, position, StringComparison.Ordinal);
            Assert.True(found >= 0, $"\"{part}\" missing or out of order");
            position = found;
        }
        foreach (var figure in new[] { "30 000,00", "19 000,00", "7 349,65", "23 987,03", "25 012,97", "147 000,00", "90 000,00", "57 000,00", "142 135,47", "90 772,85", "51 362,62" })
        {
            Assert.Contains(figure, text);
        }
    }

    [Fact]
    public async Task The_summary_shows_every_result_line_numbered()
    {
        var client = await Browser.SignedInClientAsync(portal.Factory, Browser.Reviewer);
        var id = await AgreementIdAsync();
        await using var db = portal.Factory.OpenDatabase();
        var results = await db.Activities.Select(a => new { a.Ordinal, a.Text }).ToListAsync();

        var text = Browser.Text(await client.GetStringAsync($"/agreements/{id}/summary"));

        Assert.Equal(34, results.Count);
        // Each result with its number and the template's punctuation ("…;" inside a list).
        Assert.All(results, r => Assert.Contains($"{r.Ordinal}) {r.Text.TrimEnd('.')}", text, StringComparison.Ordinal));
        Assert.Contains("organizēts Bauskas NVO forums 28.01.2023.;", text);
        Assert.DoesNotContain(";;", text);
        Assert.DoesNotContain("..", text.Replace("u.c.", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reviewers_see_the_inconsistencies_the_portal_found_in_the_seed()
    {
        var client = await Browser.SignedInClientAsync(portal.Factory, Browser.Reviewer);

        var html = await client.GetStringAsync($"/agreements/{await AgreementIdAsync()}/summary");
        var text = Browser.Text(html);

        Assert.Contains("data-rule=\"task-region-mismatch\"", html);
        Assert.Contains("Kurzemes", text[text.IndexOf("Pielikums. Portāla konstatētās neatbilstības", StringComparison.Ordinal)..]);
        Assert.Contains("6 785,82", text);
        Assert.Contains("6 906,62", text);
        Assert.Contains("6 133,77", text);
        Assert.Contains("1 269,24", text);
    }

    [Fact]
    public async Task A_yearly_report_shows_the_years_results_budget_and_findings()
    {
        var client = await Browser.SignedInClientAsync(portal.Factory, Browser.ZemgaleStaff);

        var response = await client.GetAsync($"/agreements/{await AgreementIdAsync()}/years/2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Browser.Text(await response.Content.ReadAsStringAsync());
        Assert.Contains("II. īstenošanas gads", text);
        Assert.Contains("62 konsultācijas", text);
        Assert.Contains("-6 785,82", text);
        Assert.Contains("Atlikums 4 864,53 euro apmērā pārcelts uz nākamo periodu", text);
        Assert.DoesNotContain("Forums AUCĒ", text); // a year I result
    }

    [Theory]
    [InlineData("/agreements/999999/summary")]
    [InlineData("/agreements/999999/years/1")]
    [InlineData("/agreements/{id}/years/4")]
    [InlineData("/agreements/{id}/years/0")]
    public async Task Unknown_agreements_and_years_are_not_found(string url)
    {
        var client = await Browser.SignedInClientAsync(portal.Factory, Browser.Reviewer);

        var response = await client.GetAsync(url.Replace("{id}", (await AgreementIdAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/agreements/{id}/summary")]
    [InlineData("/agreements/{id}/years/1")]
    public async Task Staff_of_another_organisation_cannot_open_the_reports(string url)
    {
        var client = await Browser.SignedInClientAsync(portal.Factory, Browser.OtherStaff);

        var response = await client.GetAsync(url.Replace("{id}", (await AgreementIdAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Zemgales NVO centrs", await response.Content.ReadAsStringAsync());
    }
}
