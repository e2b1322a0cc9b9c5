using System.Net;
using System.Text.RegularExpressions;
using ZemgaleNvo.Infrastructure.Seeding;

namespace ZemgaleNvo.IntegrationTests.Infrastructure;

/// <summary>What a browser does with forms: fetch the page, take its antiforgery token, post the fields.</summary>
public static partial class Browser
{
    public const string Reviewer = "recenzents@demo.zemgalenvo.lv";
    public const string Admin = "admin@demo.zemgalenvo.lv";
    public const string ZemgaleStaff = "darbinieks@demo.zemgalenvo.lv";
    public const string OtherStaff = "cits@demo.zemgalenvo.lv";
    public const string Password = DemoDataSeeder.DemoPassword;

    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string url)
    {
        var html = await client.GetStringAsync(url);
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, $"No antiforgery token on {url}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string formUrl, string postUrl, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await AntiforgeryTokenAsync(client, formUrl);
        return await client.PostAsync(postUrl, new FormUrlEncodedContent(fields));
    }

    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password = Password) =>
        PostFormAsync(client, "/account/login", "/account/login", new() { ["Email"] = email, ["Password"] = password });

    /// <summary>A client signed in as <paramref name="email"/>; fails the test when sign-in does not succeed.</summary>
    public static async Task<HttpClient> SignedInClientAsync(PortalFactory factory, string email)
    {
        var client = factory.CreateClient();
        var response = await SignInAsync(client, email);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Page text as a user reads it: tags stripped, entities decoded, no-break spaces as spaces.</summary>
    public static string Text(string html)
    {
        var text = WebUtility.HtmlDecode(TagPattern().Replace(html, " "));
        return WhitespacePattern().Replace(text.Replace('\u00A0', ' '), " ");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"[ \t\r\n]+")]
    private static partial Regex WhitespacePattern();
}
