using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.Admin;

/// <summary>What the admin tests do through the browser: sign in as the admin, invite a user, follow the emailed link.</summary>
public static partial class AdminBrowser
{
    /// <summary>
    /// The one place the admin tests sign in as an admin: when signing in needs more (two-factor
    /// enrolment for admins), only this changes.
    /// </summary>
    public static Task<HttpClient> AdminClientAsync(PortalFactory factory) => Browser.SignedInClientAsync(factory, Browser.Admin);

    /// <summary>A refused page is a redirect to the "access denied" page for browsers (which answers 403); count that as 403.</summary>
    public static HttpStatusCode Outcome(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/account/denied", StringComparison.Ordinal) == true
            ? HttpStatusCode.Forbidden
            : response.StatusCode;
    }

    public static Dictionary<string, string> NewUser(string email, string role, int? organisationId = null, string fullName = "Anna Bērziņa") => new()
    {
        ["Form.Email"] = email,
        ["Form.FullName"] = fullName,
        ["Form.Role"] = role,
        ["Form.OrganisationId"] = organisationId?.Text() ?? "",
    };

    /// <summary>Creates a user through the admin form; returns the confirmation page's response and the new user's id.</summary>
    public static async Task<(HttpResponseMessage Response, string Html, string? UserId)> InviteAsync(
        PortalFactory factory, HttpClient admin, string email, string role, int? organisationId = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var response = await Browser.PostFormAsync(admin, "/admin/users/new", "/admin/users/new", NewUser(email, role, organisationId));
        var html = await response.Content.ReadAsStringAsync();
        await using var db = factory.OpenDatabase();
        var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleOrDefaultAsync();
        return (response, html, id);
    }

    public static async Task<int> OrganisationIdAsync(PortalFactory factory, string name = "Biedrība „Zemgales NVO centrs”")
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var db = factory.OpenDatabase();
        return await db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
    }

    /// <summary>The set-password link in the newest email to <paramref name="email"/>.</summary>
    public static Uri LinkFromMail(PortalFactory factory, string email)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var message = Directory.GetFiles(factory.MailFolder, "*.eml")
            .Select(f => (File: f, Message: MimeKit.MimeMessage.Load(f)))
            .Where(m => m.Message.To.Mailboxes.Any(a => a.Address == email))
            .OrderBy(m => File.GetLastWriteTimeUtc(m.File)).ThenBy(m => m.File, StringComparer.Ordinal)
            .Select(m => m.Message)
            .Last();
        var match = LinkPattern().Match(message.TextBody ?? "");
        Assert.True(match.Success, "No set-password link in the email");
        return new Uri(match.Value);
    }

    /// <summary>The link as the confirmation page shows it to the admin.</summary>
    public static Uri LinkFromPage(string html)
    {
        var match = LinkPattern().Match(WebUtility.HtmlDecode(html));
        Assert.True(match.Success, "No set-password link on the page");
        return new Uri(match.Value);
    }

    /// <summary>Opens the link in a fresh browser (nobody signed in) and sets the password.</summary>
    public static async Task<HttpResponseMessage> SetPasswordAsync(PortalFactory factory, Uri link, string password, string? confirm = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(link);
        var client = factory.CreateClient();
        var query = QueryHelpers.ParseQuery(link.Query);
        // The token comes from the sign-in page: a used link's page has no form to take it from.
        return await Browser.PostFormAsync(client, "/account/login", "/account/set-password", new()
        {
            ["Form.User"] = query["user"].ToString(),
            ["Form.Token"] = query["token"].ToString(),
            ["Form.Password"] = password,
            ["Form.ConfirmPassword"] = confirm ?? password,
        });
    }

    [GeneratedRegex(@"https://localhost/account/set-password\?user=[^\s""<>]+")]
    private static partial Regex LinkPattern();
}
