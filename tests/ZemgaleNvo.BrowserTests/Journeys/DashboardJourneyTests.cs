using Microsoft.Playwright;
using Xunit.Abstractions;
using ZemgaleNvo.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ZemgaleNvo.BrowserTests.Journeys;

/// <summary>The reviewer dashboard in a real browser, on the demo data only (nothing is changed).</summary>
public sealed class DashboardJourneyTests(PortalFixture portal, ITestOutputHelper output) : JourneyTest(portal, output)
{
    [Fact]
    public Task Reviewer_opens_the_dashboard_sorts_and_filters_without_JavaScript_state() => JourneyAsync(async session =>
    {
        var page = session.Page;
        await session.OpenSignedInAsync("recenzents@demo.zemgalenvo.lv");
        await session.CheckAccessibilityAsync();

        // From the menu.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Galvenā navigācija" }).GetByRole(AriaRole.Link, new() { Name = "Pārraudzība" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/dashboard");
        await session.CheckAccessibilityAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Līgumu pārraudzība", Level = 1 })).ToBeVisibleAsync();
        var row = page.Locator("tbody tr");
        await Expect(row).ToHaveCountAsync(1);
        Assert.Equal("147 000,00", Normalise(await row.Locator("[data-figure=planned]").TextContentAsync()));
        Assert.Equal("96,7 %", Normalise(await row.Locator("[data-figure=execution]").TextContentAsync()));
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Plānotais un faktiskais finansējums pa līgumiem visā periodā" })).ToBeVisibleAsync();
        var screenshot = await session.ScreenshotAsync("dashboard");
        Assert.True(new FileInfo(screenshot).Length > 10_000, $"Screenshot {screenshot} looks empty.");

        // Sorting is a link: the URL says what is shown, so it can be bookmarked.
        await page.GetByRole(AriaRole.Link, new() { Name = "Izpilde" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).Query == "?sort=execution&dir=asc");
        await session.CheckAccessibilityAsync();
        await Expect(page.Locator("th[aria-sort=ascending]")).ToContainTextAsync("Izpilde");

        // Filtering is a GET form; the demo has no year waiting for review.
        await page.GetByLabel("Īstenošanas gadu statuss").SelectOptionAsync("submitted");
        await page.GetByRole(AriaRole.Button, new() { Name = "Atlasīt" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).Query.Contains("status=submitted", StringComparison.Ordinal));
        await session.CheckAccessibilityAsync();
        await Expect(page.GetByText("Neviens līgums neatbilst atlasei.")).ToBeVisibleAsync();
        Assert.Contains("sort=execution", new Uri(page.Url).Query, StringComparison.Ordinal);
    });
}
