using Microsoft.Playwright;
using Xunit.Abstractions;
using ZemgaleNvo.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ZemgaleNvo.BrowserTests.Journeys;

public sealed class SignInTests(PortalFixture portal, ITestOutputHelper output) : JourneyTest(portal, output)
{
    [Fact]
    public Task Wrong_password_shows_the_Latvian_error_and_keeps_the_email() => JourneyAsync(async session =>
    {
        var page = session.Page;
        const string email = "admin@demo.zemgalenvo.lv";
        await session.GotoAsync("/account/login");
        await session.CheckAccessibilityAsync();

        await page.GetByLabel("E-pasts").FillAsync(email);
        await page.GetByLabel("Parole").FillAsync("nepareiza-parole-123");
        await page.GetByRole(AriaRole.Button, new() { Name = "Pieslēgties", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Nepareizs e-pasts vai parole.");
        await session.CheckAccessibilityAsync();
        Assert.Equal("/account/login", new Uri(page.Url).AbsolutePath);
        await Expect(page.GetByLabel("E-pasts")).ToHaveValueAsync(email);
        await Expect(page.GetByLabel("Parole")).ToHaveValueAsync("");
        await Expect(session.SignOutButton).ToHaveCountAsync(0);
        await session.ScreenshotAsync();
    });
}
