using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Infrastructure.Seeding;
using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.Dashboard;

/// <summary>The reviewer dashboard on the demo data alone: who gets it, what it shows, in which language, and that no query string breaks it.</summary>
public class DashboardPageTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static readonly TimeZoneInfo Riga = TimeZoneInfo.FindSystemTimeZoneById("Europe/Riga");

    [Theory]
    [InlineData(Browser.Reviewer)]
    [InlineData(Browser.Admin)]
    public async Task Reviewers_and_admins_see_the_Zemgale_agreement_with_its_statuses_and_figures(string email)
    {
        var id = await DashboardHtml.ZemgaleAgreementIdAsync(portal.Factory);
        var client = await Browser.SignedInClientAsync(portal.Factory, email);

        var response = await client.GetAsync("/dashboard");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var row = DashboardHtml.Row(html, id);
        Assert.Equal(ZemgaleAgreementData.PerformerName, DashboardHtml.Figure(row, "performer"));
        Assert.Equal("Zemgales reģions", DashboardHtml.Figure(row, "region"));
        Assert.Equal("15.07.2022.–14.07.2025.", DashboardHtml.Figure(row, "period"));
        Assert.Contains(ZemgaleAgreementData.Title, row);

        // Each seeded year's status, as the badge states it.
        foreach (var year in ZemgaleAgreementData.Years)
        {
            Assert.Contains($"data-year=\"{year.Number}\" data-status=\"{year.Status.ToString().ToLowerInvariant()}\"", row);
        }
        Assert.Contains("I: Apstiprināts", Browser.Text(row));
        Assert.Contains("III: Melnraksts", Browser.Text(row));

        // Planned, actual and execution over the whole period, from the seed's own numbers.
        var planned = ZemgaleAgreementData.PlannedPerYearCents.Sum() * ZemgaleAgreementData.Years.Length;
        var actual = ZemgaleAgreementData.Years.Sum(y => y.ActualCents.Sum());
        Assert.Equal(DashboardHtml.Money(planned), DashboardHtml.Figure(row, "planned"));
        Assert.Equal(DashboardHtml.Money(actual), DashboardHtml.Figure(row, "actual"));
        Assert.Equal(DashboardHtml.Percent(actual, planned), DashboardHtml.Figure(row, "execution"));

        // Open findings: what the checker finds in the seed (its task text names Kurzeme: at least that error).
        var (errors, warnings) = await DashboardHtml.FindingsAsync(portal.Factory, id);
        Assert.True(errors >= 1);
        Assert.Equal(errors.ToString(CultureInfo.InvariantCulture), DashboardHtml.Figure(row, "errors"));
        Assert.Equal(warnings.ToString(CultureInfo.InvariantCulture), DashboardHtml.Figure(row, "warnings"));

        // The last change: the agreement's latest audit row (the seed's, then its approved years frozen as an
        // approval freezes them), a seal aside: a seal records content, it changes nothing. In Riga time.
        await using var db = portal.Factory.OpenDatabase();
        var key = id.ToString(CultureInfo.InvariantCulture);
        var latest = await db.AuditEntries.Where(e => e.AgreementId == id && e.Action != ZemgaleNvo.Domain.Audit.AuditAction.Sealed).MaxAsync(e => e.AtUtc);
        Assert.Equal(latest, DashboardHtml.ChangedAt(row), TimeSpan.FromMilliseconds(1));
        var riga = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(latest, DateTimeKind.Utc), Riga);
        Assert.Equal(riga.ToString("dd.MM.yyyy. HH:mm", CultureInfo.InvariantCulture), DashboardHtml.Figure(row, "changed"));
        Assert.Contains($"<a href=\"/agreements/{key}/audit\"><time", row);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/agreements/{key}/audit")).StatusCode);

        // The chart: an image with a name and every figure in words, no inline style or script anywhere.
        // Named by its title only and described by the figures, so a screen reader reads the long
        // description once (as the description), not twice (in the name and again as the description).
        Assert.Contains("role=\"img\" aria-labelledby=\"execution-chart-title\" aria-describedby=\"execution-chart-desc\"", html);
        var description = Browser.Text(html[html.IndexOf("<desc id=\"execution-chart-desc\">", StringComparison.Ordinal)..html.IndexOf("</desc>", StringComparison.Ordinal)]);
        Assert.Contains($"Plānots {DashboardHtml.Money(planned)} euro, Faktiski {DashboardHtml.Money(actual)} euro ({DashboardHtml.Percent(actual, planned)})", description);
        Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script>", html, StringComparison.OrdinalIgnoreCase);

        // The menu leads here.
        Assert.Contains("href=\"/dashboard\" aria-current=\"page\"", html);
    }

    [Theory]
    [InlineData(Browser.ZemgaleStaff)]
    [InlineData(Browser.OtherStaff)]
    public async Task NGO_staff_are_refused_and_not_offered_the_link(string email)
    {
        var client = await Browser.SignedInClientAsync(portal.Factory, email);

        var response = await client.GetAsync("/dashboard?region=zemgale&sort=execution");
        var home = await client.GetStringAsync("/");

        Assert.Equal(HttpStatusCode.Forbidden, DashboardHtml.Outcome(response));
        Assert.DoesNotContain("/dashboard", home);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        var response = await portal.Factory.CreateClient().GetAsync("/dashboard?status=submitted");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/account/login?ReturnUrl=%2Fdashboard", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_English_switch_turns_the_dashboard_English()
    {
        var id = await DashboardHtml.ZemgaleAgreementIdAsync(portal.Factory);
        var client = await Browser.SignedInClientAsync(portal.Factory, Browser.Reviewer);
        await Browser.PostFormAsync(client, "/dashboard", "/language", new() { ["culture"] = "en", ["returnUrl"] = "/dashboard?year=abc" });

        var html = await client.GetStringAsync("/dashboard?year=abc");

        var text = Browser.Text(html);
        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains("Agreements dashboard", text);
        Assert.Contains("Year \"abc\" is not valid", text);
        Assert.Contains("I: Approved", text);
        Assert.Contains("III: Draft", text);
        var row = DashboardHtml.Row(html, id);
        Assert.Equal("147,000.00", DashboardHtml.Figure(row, "planned"));
        Assert.Equal("142,135.47", DashboardHtml.Figure(row, "actual"));
        Assert.Equal("96.7 %", DashboardHtml.Figure(row, "execution"));
        Assert.Contains("lang=\"en\"", html[html.IndexOf("<svg", StringComparison.Ordinal)..]);
        Assert.DoesNotContain("Līgumu pārraudzība", text);
    }

    /// <summary>
    /// Whatever arrives in the query string, the page answers 200 with every agreement and says in
    /// Latvian what it ignored: one value of each kind here; which values are refused (numbers for a
    /// status, years out of range or not whole, codes with other characters) is
    /// Features/Dashboard/DashboardFilterTests in ZemgaleNvo.Web.UnitTests.
    /// </summary>
    [Theory]
    [InlineData("region=nekas", "Reģions „nekas” nav atrasts")]
    [InlineData("region=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "Reģions „<script>alert(1)</script>” nav atrasts")]
    [InlineData("status=gaida", "Gada statuss „gaida” nav zināms")]
    [InlineData("year=abc", "Gads „abc” neder")]
    [InlineData("sort=cena", "Kārtošana „cena” nav zināma")]
    [InlineData("sort=execution&dir=sideways", "Kārtošanas virziens „sideways” nav zināms")]
    [InlineData("region=&status=&year=&sort=&dir=", null)]
    [InlineData("region=ZEMGALE&status=Approved&year=2023&sort=Execution&dir=DESC", null)]
    [InlineData("region=zemgale&region=latgale&year=2023&year=2024", null)]
    [InlineData("unknown=1&%E2%80%9C=%E2%80%9D", null)]
    public async Task Bad_query_values_are_ignored_with_a_message_never_an_error(string query, string? message)
    {
        var id = await DashboardHtml.ZemgaleAgreementIdAsync(portal.Factory);
        var client = await Browser.SignedInClientAsync(portal.Factory, Browser.Reviewer);

        var response = await client.GetAsync($"/dashboard?{query}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(new[] { id }, DashboardHtml.RowOrder(html));
        Assert.DoesNotContain("<script>alert", html);
        if (message is null)
        {
            Assert.DoesNotContain("data-testid=\"rejected-filters\"", html);
        }
        else
        {
            Assert.Contains(message, Browser.Text(html));
        }
    }

    [Fact]
    public async Task A_very_long_value_is_refused_without_being_echoed_in_full()
    {
        var client = await Browser.SignedInClientAsync(portal.Factory, Browser.Reviewer);
        var value = new string('x', 4000);

        var response = await client.GetAsync($"/dashboard?region={value}&status={value}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var start = html.IndexOf("data-testid=\"rejected-filters\"", StringComparison.Ordinal);
        var messages = Browser.Text(html[start..html.IndexOf("</div>", start, StringComparison.Ordinal)]);
        Assert.Contains($"Reģions „{new string('x', 40)}…” nav atrasts", messages);
        Assert.Contains($"Gada statuss „{new string('x', 40)}…” nav zināms", messages);
        Assert.DoesNotContain(new string('x', 41), messages);
    }
}
