using Microsoft.Playwright;
using Xunit.Abstractions;
using ZemgaleNvo.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ZemgaleNvo.BrowserTests.Journeys;

public sealed class LanguageTests(PortalFixture portal, ITestOutputHelper output) : JourneyTest(portal, output)
{
    [Fact]
    public Task English_button_switches_the_page_language_to_en_and_back() => JourneyAsync(async session =>
    {
        var page = session.Page;
        var html = page.Locator("html");
        await session.GotoAsync("/account/login");
        await session.CheckAccessibilityAsync();
        var heading = page.GetByRole(AriaRole.Heading, new() { Level = 1 });
        await Expect(html).ToHaveAttributeAsync("lang", "lv");
        await Expect(heading).ToHaveTextAsync("Pieslēgties portālam");

        await page.GetByRole(AriaRole.Button, new() { Name = "English", Exact = true }).ClickAsync();
        await Expect(html).ToHaveAttributeAsync("lang", "en");
        await session.CheckAccessibilityAsync();
        await Expect(heading).ToHaveTextAsync("Sign in to the portal");
        // Back on the page the switch was pressed on, now offering the way back.
        Assert.Equal("/account/login", new Uri(page.Url).AbsolutePath);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Latviešu", Exact = true })).ToBeVisibleAsync();

        // The choice is remembered for the next page.
        await page.ReloadAsync();
        await session.CheckAccessibilityAsync();
        await Expect(html).ToHaveAttributeAsync("lang", "en");

        await page.GetByRole(AriaRole.Button, new() { Name = "Latviešu", Exact = true }).ClickAsync();
        await Expect(html).ToHaveAttributeAsync("lang", "lv");
        await session.CheckAccessibilityAsync();
        await Expect(heading).ToHaveTextAsync("Pieslēgties portālam");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "English", Exact = true })).ToBeVisibleAsync();
    });
}
