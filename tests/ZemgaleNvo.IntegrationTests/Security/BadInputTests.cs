using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.Security;

/// <summary>
/// The malformed requests of the probe sweep (issue 17, point 4), each of which answered 500 before:
/// unreadable bodies, a return address Kestrel cannot put in a Location header, dates at the
/// calendar's ends. Each now gets a Latvian page or message, and nothing is saved.
/// </summary>
public sealed class BadInputTests : IDisposable
{
    private readonly PortalFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("/error/404", 404)]
    [InlineData("/account/login", 400)]
    public async Task A_body_with_a_null_character_gets_the_latvian_error_page(string url, int expected)
    {
        var client = _factory.CreateClient();

        using var response = await client.PostAsync(url, new StringContent("a=%00", Encoding.ASCII, "application/x-www-form-urlencoded"));

        Assert.Equal(expected, (int)response.StatusCode);
        Assert.Contains(expected == 404 ? "Lapa nav atrasta" : "Nederīgs pieprasījums", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task More_than_1024_fields_get_the_latvian_400_page()
    {
        var client = _factory.CreateClient();
        var token = await Browser.AntiforgeryTokenAsync(client, "/account/login");
        var body = "__RequestVerificationToken=" + Uri.EscapeDataString(token) + string.Concat(Enumerable.Range(0, 1100).Select(i => $"&f{i}=1"));

        using var response = await client.PostAsync("/account/login", new StringContent(body, Encoding.ASCII, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Nederīgs pieprasījums", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_20_MB_form_gets_a_latvian_page_not_a_server_error()
    {
        var client = _factory.CreateClient();
        var token = await Browser.AntiforgeryTokenAsync(client, "/account/login");
        var body = "__RequestVerificationToken=" + Uri.EscapeDataString(token) + "&Email=" + new string('a', 20_000_000);

        using var response = await client.PostAsync("/account/login", new StringContent(body, Encoding.ASCII, "application/x-www-form-urlencoded"));

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, $"answered {(int)response.StatusCode}");
        Assert.Contains("<h1", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/ārā")]
    [InlineData("/ｅｖｉｌ")]
    [InlineData("/\u202Eevil")]
    public async Task A_return_address_with_characters_a_header_cannot_carry_goes_to_the_start_page(string returnUrl)
    {
        var client = _factory.CreateClient();

        using var response = await Browser.PostFormAsync(client, "/account/login", "/language", new() { ["culture"] = "en", ["returnUrl"] = returnUrl });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_sign_in_with_a_non_ascii_return_address_lands_on_the_start_page()
    {
        var client = _factory.CreateClient();

        using var response = await Browser.PostFormAsync(client, "/account/login", "/account/login?returnUrl=%2F%EF%BD%85%EF%BD%96",
            new() { ["Email"] = Browser.ZemgaleStaff, ["Password"] = Browser.Password, ["ReturnUrl"] = "/ｅｖ" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("To=9999-12-31")]
    [InlineData("From=0001-01-01")]
    [InlineData("From=9999-12-31&To=9999-12-31")]
    public async Task Audit_filter_dates_at_the_calendars_ends_are_ignored(string query)
    {
        var reviewer = await Browser.SignedInClientAsync(_factory, Browser.Reviewer);
        var demo = await DemoAgreement.LoadAsync(_factory);

        using var response = await reviewer.GetAsync($"/agreements/{demo.Id}/audit?{query}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_agreement_period_reaching_the_year_9999_is_refused_with_a_message()
    {
        var admin = await Browser.SignedInClientAsync(_factory, Browser.Admin);
        await using var db = _factory.OpenDatabase();
        var before = await db.Agreements.CountAsync();
        var fields = new Dictionary<string, string>
        {
            ["Form.Type"] = "Delegation",
            ["Form.Title"] = "Uz mūžiem",
            ["Form.TaskText"] = "Uzdevums.",
            ["Form.PerformerId"] = (await db.Organisations.Select(o => o.Id).FirstAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.RegionId"] = (await db.Regions.Select(r => r.Id).FirstAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.PeriodStart"] = "9999-01-01",
            ["Form.PeriodEnd"] = "9999-12-31",
            ["Form.Version"] = "0",
        };

        using var response = await Browser.PostFormAsync(admin, "/admin/agreements/new", "/admin/agreements/new", fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Datumam jābūt starp 1900. un 2999. gadu.", Browser.Text(await response.Content.ReadAsStringAsync()));
        Assert.Equal(before, await db.Agreements.CountAsync());
    }
}
