using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.Localisation;

/// <summary>
/// Language of parts (WCAG 3.1.2, issue 19): in the English UI, what was typed in Latvian (titles,
/// line names, the task, results, evaluations) is marked <c>lang="lv"</c> on the summary report and
/// the summary's review page, so a screen reader reads it with Latvian pronunciation.
/// </summary>
public sealed partial class LanguageOfPartsTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Latvian_content_on_the_summary_and_its_review_page_is_marked_in_the_English_UI()
    {
        var demo = await DemoAgreement.LoadAsync(portal.Factory);
        string title, region, firstLine;
        await using (var db = portal.Factory.OpenDatabase())
        {
            var agreement = await db.Agreements.Include(a => a.Region).Include(a => a.BudgetLines).SingleAsync(a => a.Id == demo.Id);
            (title, region, firstLine) = (agreement.Title, agreement.Region!.Name, agreement.BudgetLines.Single(l => l.Id == demo.FirstLineId).Name);
        }
        var client = await Browser.SignedInClientAsync(portal.Factory, Browser.Reviewer);
        Assert.Equal(HttpStatusCode.Redirect, (await Browser.PostFormAsync(client, "/", "/language", new() { ["culture"] = "en", ["returnUrl"] = "/" })).StatusCode);

        var summary = await client.GetStringAsync($"/agreements/{demo.Id}/summary");
        Assert.Contains("<html lang=\"en\">", summary);
        var marked = MarkedLatvian(summary);
        Assert.Contains(marked, t => t.Contains(title, StringComparison.Ordinal));
        Assert.Contains(marked, t => t == region);
        Assert.Contains(marked, t => t == firstLine);
        Assert.Matches("<td data-field=\"task\" lang=\"lv\">", summary);
        Assert.Matches("<td data-field=\"performer\" lang=\"lv\">", summary);

        var review = await client.GetStringAsync($"/agreements/{demo.Id}/summary/review");
        Assert.Contains(MarkedLatvian(review), t => t == title);

        // In the Latvian UI the whole page is Latvian: nothing is marked twice.
        Assert.Equal(HttpStatusCode.Redirect, (await Browser.PostFormAsync(client, "/", "/language", new() { ["culture"] = "lv", ["returnUrl"] = "/" })).StatusCode);
        Assert.DoesNotContain(" lang=\"lv\">", (await client.GetStringAsync($"/agreements/{demo.Id}/summary")).Replace("<html lang=\"lv\">", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    private static List<string> MarkedLatvian(string html) =>
        MarkedElement().Matches(html).Select(m => Browser.Text(m.Groups["text"].Value).Trim()).ToList();

    [GeneratedRegex("<(?<tag>[a-z0-9]+)\\b[^>]*\\blang=\"lv\"[^>]*>(?<text>.*?)</\\k<tag>>", RegexOptions.Singleline)]
    private static partial Regex MarkedElement();
}
