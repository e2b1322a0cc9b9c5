using Microsoft.Playwright;
using Xunit.Abstractions;
using ZemgaleNvo.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ZemgaleNvo.BrowserTests.Journeys;

public sealed class KeyboardTests(PortalFixture portal, ITestOutputHelper output) : JourneyTest(portal, output)
{
    private const int MaxTabs = 30;

    [Fact]
    public Task Signs_in_and_out_with_the_keyboard_only() => JourneyAsync(async session =>
    {
        var page = session.Page;
        await session.GotoAsync("/account/login");
        await session.CheckAccessibilityAsync();

        // The login form puts the cursor in the e-mail field.
        await Expect(page.GetByLabel("E-pasts")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("recenzents@demo.zemgalenvo.lv");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByLabel("Parole")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(BrowserSession.DemoPassword);
        await page.Keyboard.PressAsync("Enter");

        // A reviewer's second step: the code field has the cursor, Enter sends it.
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account/login/two-factor");
        await session.CheckAccessibilityAsync();
        await Expect(page.GetByLabel("Kods no lietotnes")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(await AuthenticatorCodes.NextAsync(Portal.BaseUrl.ToString(), "recenzents@demo.zemgalenvo.lv"));
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync(new Uri(Portal.BaseUrl, "/").ToString());
        await session.CheckAccessibilityAsync();
        await Expect(page.GetByTestId("current-user")).ToHaveTextAsync("Demo recenzents");

        // A page without autofocus: the first Tab reaches the skip link, and Tab goes on to "Iziet".
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Pāriet uz saturu" })).ToBeFocusedAsync();
        await TabToAsync(page, session.SignOutButton);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account/login");
        await session.CheckAccessibilityAsync();
        await Expect(session.SignOutButton).ToHaveCountAsync(0);

        // Really signed out: the agreements list sends the browser back to the login page.
        await session.GotoAsync("/");
        Assert.Equal("/account/login", new Uri(page.Url).AbsolutePath);
        await session.CheckAccessibilityAsync();
    });

    /// <summary>Presses Tab until <paramref name="target"/> has the focus; fails if it is not reachable.</summary>
    private static async Task TabToAsync(IPage page, ILocator target)
    {
        for (var presses = 0; presses < MaxTabs; presses++)
        {
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                return;
            }
            await page.Keyboard.PressAsync("Tab");
        }
        await Expect(target).ToBeFocusedAsync(new() { Timeout = 1 });
    }
}
