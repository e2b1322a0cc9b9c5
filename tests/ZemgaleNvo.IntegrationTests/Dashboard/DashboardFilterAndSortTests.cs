using System.Net;
using ZemgaleNvo.Infrastructure.Seeding;
using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.Dashboard;

/// <summary>The demo portal with a second agreement (Latgale, 2024–2025, a submitted year), so filters and sorting have something to choose between.</summary>
public sealed class TwoAgreementsFixture : IAsyncLifetime
{
    public PortalFactory Factory { get; } = new();

    public int Zemgale { get; private set; }

    public int Latgale { get; private set; }

    public async Task InitializeAsync()
    {
        Zemgale = await DashboardHtml.ZemgaleAgreementIdAsync(Factory);
        Latgale = await DashboardHtml.AddLatgaleAgreementAsync(Factory);
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }
}

public class DashboardFilterAndSortTests(TwoAgreementsFixture portal) : IClassFixture<TwoAgreementsFixture>
{
    private async Task<(IReadOnlyList<int> Rows, string Html)> ListAsync(string query)
    {
        var client = await Browser.SignedInClientAsync(portal.Factory, Browser.Reviewer);
        var response = await client.GetAsync("/dashboard" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        return (DashboardHtml.RowOrder(html), html);
    }

    private int[] Ids(string names) => names.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(n => n switch
    {
        "Z" => portal.Zemgale,
        "L" => portal.Latgale,
        _ => throw new ArgumentOutOfRangeException(nameof(names), n, "Z or L"),
    }).ToArray();

    [Fact]
    public async Task Both_agreements_are_listed_with_their_own_figures()
    {
        var (rows, html) = await ListAsync("");

        Assert.Equal(2, rows.Count);
        var latgale = DashboardHtml.Row(html, portal.Latgale);
        Assert.Equal(DemoDataSeeder.SecondOrganisationName, DashboardHtml.Figure(latgale, "performer"));
        Assert.Equal("Latgales reģions", DashboardHtml.Figure(latgale, "region"));
        Assert.Equal("01.01.2024.–31.12.2025.", DashboardHtml.Figure(latgale, "period"));
        var planned = DashboardHtml.LatgalePlannedPerYearCents * 2;
        Assert.Equal(DashboardHtml.Money(planned), DashboardHtml.Figure(latgale, "planned"));
        Assert.Equal(DashboardHtml.Money(DashboardHtml.LatgaleActualCents), DashboardHtml.Figure(latgale, "actual"));
        Assert.Equal(DashboardHtml.Percent(DashboardHtml.LatgaleActualCents, planned), DashboardHtml.Figure(latgale, "execution"));
        Assert.Contains("data-year=\"1\" data-status=\"submitted\"", latgale);
        Assert.Contains("I: Iesniegts", Browser.Text(latgale));
        var (errors, warnings) = await DashboardHtml.FindingsAsync(portal.Factory, portal.Latgale);
        Assert.Equal(errors.ToString(System.Globalization.CultureInfo.InvariantCulture), DashboardHtml.Figure(latgale, "errors"));
        Assert.Equal(warnings.ToString(System.Globalization.CultureInfo.InvariantCulture), DashboardHtml.Figure(latgale, "warnings"));
        Assert.Contains("Parādīti līgumi: 2 no 2.", Browser.Text(html));
        // One pair of bars per agreement in the chart, with the figures in its description.
        Assert.Contains($"{DemoDataSeeder.SecondOrganisationName}, Latgales reģions, 01.01.2024.–31.12.2025.: Plānots {DashboardHtml.Money(planned)} euro", Browser.Text(html));
    }

    [Theory]
    [InlineData("?region=latgale", "L")]
    [InlineData("?region=zemgale", "Z")]
    [InlineData("?region=kurzeme", "")]
    [InlineData("?status=submitted", "L")]
    [InlineData("?status=approved", "Z")]
    [InlineData("?status=draft", "L,Z")]
    [InlineData("?status=returned", "")]
    [InlineData("?year=2022", "Z")]
    [InlineData("?year=2024", "L,Z")]
    [InlineData("?year=2025", "L,Z")]
    [InlineData("?year=2026", "")]
    [InlineData("?region=latgale&status=approved", "")]
    [InlineData("?region=zemgale&status=draft&year=2023", "Z")]
    [InlineData("?status=submitted&region=latgale&year=2025&sort=execution&dir=desc", "L")]
    public async Task Filters_narrow_the_list(string query, string expected)
    {
        var (rows, html) = await ListAsync(query);

        Assert.Equal(Ids(expected), rows);
        Assert.Contains($"Parādīti līgumi: {rows.Count} no 2.", Browser.Text(html));
        if (rows.Count == 0)
        {
            Assert.Contains("Neviens līgums neatbilst atlasei.", Browser.Text(html));
            Assert.DoesNotContain("<svg", html);
        }
    }

    [Fact]
    public async Task The_filter_form_shows_the_choices_made_and_keeps_the_sort_order()
    {
        var (_, html) = await ListAsync("?region=latgale&status=submitted&year=2025&sort=execution&dir=desc");

        Assert.Contains("<option value=\"latgale\" selected=\"selected\">", html);
        Assert.Contains("<option value=\"submitted\" selected=\"selected\">", html);
        Assert.Contains("<option value=\"2025\" selected=\"selected\">", html);
        Assert.Contains("<input type=\"hidden\" name=\"sort\" value=\"execution\" />", html);
        Assert.Contains("<input type=\"hidden\" name=\"dir\" value=\"desc\" />", html);
        // The years offered span every agreement's period.
        foreach (var year in Enumerable.Range(2022, 4))
        {
            Assert.Contains($"<option value=\"{year}\"", html);
        }
        // Sort links keep the filters and flip the current column's direction.
        Assert.Contains("href=\"/dashboard?region=latgale&amp;status=submitted&amp;year=2025&amp;sort=execution&amp;dir=asc\"", html);
        Assert.Contains("aria-sort=\"descending\" data-sort=\"execution\"", html);
    }

    /// <summary>
    /// The page lists its rows in the order the query string asks for, with figures read from the
    /// database (execution, last change). Every column in both directions, ties and rows without a
    /// figure are Features/Dashboard/DashboardSortTests in ZemgaleNvo.Web.UnitTests.
    /// </summary>
    [Theory]
    [InlineData("", "L,Z")] // by region: Latgales before Zemgales
    [InlineData("?sort=execution&dir=desc", "Z,L")] // 96,7 % before 45,0 %
    [InlineData("?sort=changed", "L,Z")] // most recent first: the Latgale agreement was added after the seed
    public async Task Sorting_orders_the_rows(string query, string expected)
    {
        var (rows, _) = await ListAsync(query);

        Assert.Equal(Ids(expected), rows);
    }

    [Fact]
    public async Task Sorting_by_findings_puts_the_most_errors_first()
    {
        var zemgale = await DashboardHtml.FindingsAsync(portal.Factory, portal.Zemgale);
        var latgale = await DashboardHtml.FindingsAsync(portal.Factory, portal.Latgale);
        Assert.True(zemgale.Errors > latgale.Errors, $"The test needs different error counts: Zemgale {zemgale.Errors}, Latgale {latgale.Errors}");

        var (descending, _) = await ListAsync("?sort=findings");
        var (ascending, _) = await ListAsync("?sort=findings&dir=asc");

        Assert.Equal(Ids("Z,L"), descending);
        Assert.Equal(Ids("L,Z"), ascending);
    }
}
