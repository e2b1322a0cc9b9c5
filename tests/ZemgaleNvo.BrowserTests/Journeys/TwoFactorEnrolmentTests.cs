using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using ZemgaleNvo.BrowserTests.Infrastructure;
using ZemgaleNvo.Domain.Users;
using ZemgaleNvo.Infrastructure.Identity;
using static Microsoft.Playwright.Assertions;

namespace ZemgaleNvo.BrowserTests.Journeys;

public sealed class TwoFactorEnrolmentTests(PortalFixture portal, ITestOutputHelper output) : JourneyTest(portal, output)
{
    [Fact]
    public Task A_new_reviewer_enrols_an_authenticator_then_signs_in_with_a_code() => JourneyAsync(async session =>
    {
        const string email = "jana.enrolment@ministrija.lv";
        const string password = "rudens lapas pie lielupes";
        using (var scope = Portal.App.Services.CreateScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<UserAdministration>().AddAsync(email, Roles.Reviewer, password, null, "Jana Bērziņa");
            Assert.True(created.Succeeded, string.Join("; ", created.Errors));
        }
        var page = session.Page;

        // The password alone leads to enrolment, whatever page was asked for.
        await session.SignInAsync(email, password);
        Assert.Equal("/account/two-factor/setup", new Uri(page.Url).AbsolutePath);
        await session.CheckAccessibilityAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "QR kods ar autentifikatora atslēgu" })).ToBeVisibleAsync();
        await session.ScreenshotAsync("enrolment");
        var key = (await page.GetByTestId("totp-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);

        // The phone's part, done by the test: the code of that key now.
        await page.GetByLabel("Kods no lietotnes").FillAsync(await AuthenticatorCodes.NextForKeyAsync(Portal.BaseUrl.ToString(), email, key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Apstiprināt" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Rezerves kodi" })).ToBeVisibleAsync();
        await session.CheckAccessibilityAsync();
        await Expect(page.GetByTestId("recovery-codes").Locator("li")).ToHaveCountAsync(10);
        await session.ScreenshotAsync("recovery-codes");
        await page.GetByRole(AriaRole.Link, new() { Name = "Esmu kodus saglabājis, turpināt" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Līgumi");
        await session.CheckAccessibilityAsync();

        // Next time: password, then a code from the app.
        await session.SignOutButton.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account/login");
        await session.CheckAccessibilityAsync();
        await page.GetByLabel("E-pasts").FillAsync(email);
        await page.GetByLabel("Parole").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Pieslēgties", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account/login/two-factor");
        await session.CheckAccessibilityAsync();
        await session.ScreenshotAsync("code");
        await page.GetByLabel("Kods no lietotnes").FillAsync(await AuthenticatorCodes.NextForKeyAsync(Portal.BaseUrl.ToString(), email, key));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Līgumi");
        await session.CheckAccessibilityAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Pārraudzība" })).ToBeVisibleAsync();
    });
}
