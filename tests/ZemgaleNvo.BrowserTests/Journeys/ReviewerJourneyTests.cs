using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using ZemgaleNvo.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ZemgaleNvo.BrowserTests.Journeys;

public sealed partial class ReviewerJourneyTests(PortalFixture portal, ITestOutputHelper output) : JourneyTest(portal, output)
{
    public const string TitleStart = "Par atsevišķu valsts pārvaldes uzdevumu veikšanu";

    [Fact]
    public Task Reviewer_signs_in_opens_the_Zemgale_agreement_and_sees_its_totals() => JourneyAsync(async session =>
    {
        var page = session.Page;
        await session.SignInAsync("recenzents@demo.zemgalenvo.lv");

        // The list of agreements
        await Expect(page).ToHaveURLAsync(new Uri(Portal.BaseUrl, "/").ToString());
        await session.CheckAccessibilityAsync();
        await Expect(page.GetByTestId("current-user")).ToHaveTextAsync("Demo recenzents");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Līgumi", Level = 1 })).ToBeVisibleAsync();
        var link = page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link, new() { Name = TitleStart });
        await Expect(link).ToHaveCountAsync(1);
        var title = Normalise(await link.TextContentAsync());
        Assert.StartsWith(TitleStart, title, StringComparison.Ordinal);

        // The agreement
        await link.ClickAsync();
        await page.WaitForURLAsync(AgreementUrl());
        await session.CheckAccessibilityAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        Assert.Equal("147 000,00", Normalise(await page.Locator("[data-figure=planned]").TextContentAsync()));
        Assert.Equal("142 135,47", Normalise(await page.Locator("[data-figure=actual]").TextContentAsync()));
        // Issue 13: the period's carry-overs are no period figure; the money to return is (year III's civil line, not netted against the other's overspend).
        Assert.Equal("6 133,77", Normalise(await page.Locator("[data-figure=to-return]").TextContentAsync()));
        // The thousands separator is a no-break space, so an amount never wraps across two lines.
        Assert.Equal("147\u00A0000,00", (await page.Locator("[data-figure=planned]").TextContentAsync())?.Trim());

        var years = page.GetByRole(AriaRole.Region, new() { Name = "Īstenošanas gadi" }).Locator("tbody tr");
        Assert.True(await years.CountAsync() > 0, "The agreement page lists no implementation years.");

        var screenshot = await session.ScreenshotAsync();
        Assert.True(new FileInfo(screenshot).Length > 10_000, $"Screenshot {screenshot} looks empty.");
    });

    [GeneratedRegex(@"/agreements/\d+$")]
    private static partial Regex AgreementUrl();
}
