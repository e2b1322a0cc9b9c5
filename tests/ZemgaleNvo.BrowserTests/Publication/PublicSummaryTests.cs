using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using ZemgaleNvo.BrowserTests.Infrastructure;
using ZemgaleNvo.Domain.Reviews;
using ZemgaleNvo.Infrastructure.Data;
using static Microsoft.Playwright.Assertions;

namespace ZemgaleNvo.BrowserTests.Publication;

/// <summary>The published summary is its own portal's business: approving the demo summary would change what the other journeys see.</summary>
[CollectionDefinition(Name)]
public sealed class PublicationTestGroup : ICollectionFixture<PortalFixture>
{
    public const string Name = "Publication";
}

/// <summary>
/// A reviewer publishes the approved summary; a visitor without an account finds it in the index,
/// reads it (without the portal's menu and without the reviewers' findings, every page passing axe)
/// and, after the reviewer withdraws it, finds it gone.
/// </summary>
[Collection(PublicationTestGroup.Name)]
public sealed class PublicSummaryTests(PortalFixture portal, ITestOutputHelper output) : JourneyTest(portal, output)
{
    [Fact]
    public Task Reviewer_publishes_the_approved_summary_a_visitor_reads_it_without_an_account_and_it_is_gone_once_withdrawn() => JourneyAsync(async reviewer =>
    {
        var agreementPath = await Portal.ZemgaleAgreementPathAsync();
        await ApproveSummaryAsync();
        await using var visitor = await BrowserSession.OpenAsync(Portal, reviewer.TestName + ".apmeklētājs", Output);
        try
        {
            // The reviewer publishes from the summary page.
            await reviewer.SignInDirectlyAsync("recenzents@demo.zemgalenvo.lv");
            await reviewer.GotoAsync(agreementPath + "/summary");
            await reviewer.CheckAccessibilityAsync();
            await reviewer.Page.GetByRole(AriaRole.Button, new() { Name = "Publicēt", Exact = true }).ClickAsync();
            await Expect(reviewer.Page.GetByTestId("flash")).ToContainTextAsync("Kopsavilkums publicēts");
            await reviewer.CheckAccessibilityAsync();
            var publicLink = reviewer.Page.GetByTestId("publication-state").GetByRole(AriaRole.Link);
            var publicPath = await publicLink.GetAttributeAsync("href");
            Assert.Equal("/public/" + agreementPath.Split('/')[^1], publicPath);

            // A visitor: the index, then the summary, keyboard first.
            var page = visitor.Page;
            await visitor.GotoAsync("/public");
            await visitor.CheckAccessibilityAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Publicētie kopsavilkumi", Level = 1 })).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Kopsavilkums –" }).First.ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kopsavilkums", Level = 1 })).ToBeVisibleAsync();
            await visitor.CheckAccessibilityAsync();
            Assert.Equal(publicPath, new Uri(page.Url).AbsolutePath);
            await Expect(page.Locator("[data-field=performer]")).ToContainTextAsync("Zemgales NVO centrs");
            await Expect(page.Locator("#findings-title")).ToHaveCountAsync(0);
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Iziet" })).ToHaveCountAsync(0);
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Līgumi" })).ToHaveCountAsync(0);
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Apstiprinātais kopsavilkums (PDF)" })).ToHaveAttributeAsync("href", publicPath + ".pdf");
            await visitor.ScreenshotAsync("public-summary");

            // The reviewer withdraws; the visitor's next visit finds nothing.
            await reviewer.Page.GetByRole(AriaRole.Button, new() { Name = "Atsaukt publicēšanu" }).ClickAsync();
            await Expect(reviewer.Page.GetByTestId("flash")).ToContainTextAsync("Publicēšana atsaukta");
            await reviewer.CheckAccessibilityAsync();
            var gone = await visitor.GotoAsync(publicPath!);
            Assert.Equal(404, gone.Status);
            await visitor.CheckAccessibilityAsync();
        }
        catch
        {
            await visitor.TrySaveFailureScreenshotAsync();
            throw;
        }
        visitor.AssertEveryPageChecked();
    });

    /// <summary>The summary approved as the review would leave it (its own steps are the review journeys' subject).</summary>
    private async Task ApproveSummaryAsync()
    {
        await using var scope = Portal.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var agreement = await db.Agreements.IgnoreQueryFilters().SingleAsync(a => a.Performer!.Name == "Biedrība „Zemgales NVO centrs”");
        agreement.SummaryStatus = ReviewStatus.Approved;
        await db.SaveChangesAsync();
    }
}
