using System.Net;
using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.Forms;

/// <summary>
/// Amounts typed in the English UI: a point before the cents, commas only between thousands in
/// groups of three. Refusals come with English messages that show the English way of writing.
/// </summary>
public sealed class EnglishAmountTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private async Task<(HttpClient Client, DemoAgreement Demo)> EnglishStaffAsync()
    {
        var demo = await DemoAgreement.LoadAsync(portal.Factory);
        var client = await Browser.SignedInClientAsync(portal.Factory, Browser.ZemgaleStaff);
        await Browser.PostFormAsync(client, "/", "/language", new() { ["culture"] = "en", ["returnUrl"] = "/" });
        return (client, demo);
    }

    private static Dictionary<string, string> Entry(int lineId, string amount, string description) => new()
    {
        ["Form.BudgetLineId"] = lineId.Text(),
        ["Form.Date"] = "2024-10-01",
        ["Form.Description"] = description,
        ["Form.Amount"] = amount,
        ["Form.Version"] = "0",
    };

    [Theory]
    [InlineData("1,234.56", 123456)]
    [InlineData("1234.56", 123456)]
    [InlineData("1,234", 123400)]
    [InlineData("EUR 1,234,567.8", 123_456_780)]
    [InlineData("10,000,000.00", 1_000_000_000)]
    public async Task Amounts_typed_the_English_way_are_saved_in_cents(string typed, long cents)
    {
        var (client, demo) = await EnglishStaffAsync();
        var description = $"English amount {typed}";

        var response = await Browser.PostFormAsync(client, $"{demo.Year(3)}/spending/new", $"{demo.Year(3)}/spending/new", Entry(demo.FirstLineId, typed, description));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = portal.Factory.OpenDatabase();
        Assert.Equal(cents, await db.SpendingEntries.Where(e => e.Description == description).Select(e => e.AmountCents).SingleAsync());
    }

    [Theory]
    [InlineData("1234,56", "Enter the amount as 1,234.56: euros, a point, cents.")]
    [InlineData("1,23", "Enter the amount as 1,234.56: euros, a point, cents.")]
    [InlineData("12,34.00", "Enter the amount as 1,234.56: euros, a point, cents.")]
    [InlineData("12.345", "The amount can have at most two decimals.")]
    [InlineData("10,000,000.01", "The amount cannot exceed EUR 10,000,000.00.")]
    public async Task Amounts_not_written_the_English_way_are_refused_with_an_English_message(string typed, string message)
    {
        var (client, demo) = await EnglishStaffAsync();
        var description = $"Refused English amount {typed}";

        var response = await Browser.PostFormAsync(client, $"{demo.Year(3)}/spending/new", $"{demo.Year(3)}/spending/new", Entry(demo.FirstLineId, typed, description));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, Browser.Text(html));
        Assert.Contains($"value=\"{WebUtility.HtmlEncode(typed)}\"", html);
        await using var db = portal.Factory.OpenDatabase();
        Assert.False(await db.SpendingEntries.AnyAsync(e => e.Description == description));
    }

    [Fact]
    public async Task The_money_hint_states_the_English_rules_the_limit_and_tells_the_browser_checks_both()
    {
        var (client, demo) = await EnglishStaffAsync();

        var html = await client.GetStringAsync($"{demo.Year(3)}/spending/new");

        Assert.Contains("Enter amounts as 1,234.56", Browser.Text(html));
        Assert.Contains("at most 10,000,000.00.", Browser.Text(html));
        Assert.Contains("data-money-language=\"en\"", html);
        Assert.Contains("data-money-max=\"1000000000\"", html);
    }

    [Fact]
    public async Task The_money_hint_in_Latvian_states_the_limit_the_Latvian_way()
    {
        var demo = await DemoAgreement.LoadAsync(portal.Factory);
        var client = await Browser.SignedInClientAsync(portal.Factory, Browser.ZemgaleStaff);

        var html = await client.GetStringAsync($"{demo.Year(3)}/spending/new");

        Assert.Contains("ne vairāk kā 10 000 000,00.", Browser.Text(html));
        Assert.Contains("data-money-language=\"lv\"", html);
    }
}
