using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.Localisation;

public partial class LanguageTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Pages_are_Latvian_by_default_whatever_the_browser_asks_for()
    {
        var client = portal.Factory.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB,en;q=0.9");

        var html = await client.GetStringAsync("/account/login");

        Assert.Contains("<html lang=\"lv\">", html);
        Assert.Contains("Pieslēgties portālam", html);
    }

    [Fact]
    public async Task The_language_switch_turns_the_pages_English_and_is_remembered()
    {
        var client = portal.Factory.CreateClient();

        var switched = await Browser.PostFormAsync(client, "/account/login", "/language", new() { ["culture"] = "en", ["returnUrl"] = "/account/login" });
        var html = await client.GetStringAsync("/account/login");

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains("Sign in to the portal", html);
        var signIn = await Browser.SignInAsync(client, Browser.Reviewer, "wrong password here");
        Assert.Contains("Wrong email or password.", await signIn.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task English_pages_show_amounts_in_English_form()
    {
        var client = await Browser.SignedInClientAsync(portal.Factory, Browser.Reviewer);
        await Browser.PostFormAsync(client, "/", "/language", new() { ["culture"] = "en", ["returnUrl"] = "/" });

        var text = Browser.Text(await client.GetStringAsync("/agreements/1"));

        Assert.Contains("147,000.00", text);
        Assert.Contains("Implementation year III", text);
    }

    /// <summary>Every Latvian text the code passes to the localizer has an English translation.</summary>
    [Fact]
    public void Every_localised_text_has_an_English_translation()
    {
        var web = Path.Combine(RepositoryRoot(), "src", "ZemgaleNvo.Web");
        var english = XDocument.Load(Path.Combine(web, "Resources", "SharedResource.en.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);

        var keys = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => LocalisedText().Matches(File.ReadAllText(f)).Select(m => m.Groups["key"].Value))
            .ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(keys);
        Assert.Empty(keys.Where(k => !english.Contains(k)).Order());
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ZemgaleNvo.sln")))
        {
            folder = folder.Parent;
        }
        return folder?.FullName ?? throw new InvalidOperationException("ZemgaleNvo.sln not found above the test folder");
    }

    // L["…"], localizer["…"] (the text may start on the next line), ErrorMessage = "…" and
    // Display(Name = "…") with any text; the label tables' `=> "…",` entries only when Latvian
    // (non-ASCII), which leaves CSS class names out.
    [GeneratedRegex(@"(?:\b(?:L|localizer)\[\s*|ErrorMessage = |Display\(Name = )""(?<key>[^""]+)""|=> ""(?<key>[^""]*[^\x00-\x7F][^""]*)"",")]
    private static partial Regex LocalisedText();
}
