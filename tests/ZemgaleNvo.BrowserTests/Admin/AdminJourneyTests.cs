using Microsoft.Playwright;
using Xunit.Abstractions;
using ZemgaleNvo.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ZemgaleNvo.BrowserTests.Admin;

/// <summary>
/// The admin screens create users and agreements, so they get a portal of their own (the shared
/// group's tests expect the demo data untouched).
/// </summary>
[CollectionDefinition(Name)]
public sealed class AdminTestGroup : ICollectionFixture<PortalFixture>
{
    public const string Name = "Admin";
}

/// <summary>An admin invites a staff member and sets up an agreement with a budget line; every page passes axe.</summary>
[Collection(AdminTestGroup.Name)]
public sealed class AdminJourneyTests(PortalFixture portal, ITestOutputHelper output) : JourneyTest(portal, output)
{
    private const string AdminEmail = "admin@demo.zemgalenvo.lv";

    [Fact]
    public Task An_admin_invites_a_staff_member_who_sets_a_password_through_the_link_and_signs_in() => JourneyAsync(async session =>
    {
        var page = session.Page;
        await session.OpenSignedInAsync(AdminEmail);
        await session.CheckAccessibilityAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Administrēšana" }).ClickAsync();
        await session.CheckAccessibilityAsync();
        await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Lietotāji" }).First.ClickAsync();
        await session.CheckAccessibilityAsync();
        await Expect(page.GetByTestId("user-list")).ToContainTextAsync(AdminEmail);
        await session.ScreenshotAsync("users");

        await page.GetByRole(AriaRole.Link, new() { Name = "Jauns lietotājs" }).ClickAsync();
        await session.CheckAccessibilityAsync();
        await page.GetByLabel("E-pasts").FillAsync("ilze@ngo.test");
        await page.GetByLabel("Vārds, uzvārds").FillAsync("Ilze Kalniņa");
        await page.GetByLabel("Loma").SelectOptionAsync("NgoStaff");
        await page.GetByRole(AriaRole.Button, new() { Name = "Izveidot un nosūtīt saiti" }).ClickAsync();
        await session.CheckAccessibilityAsync();
        await Expect(page.GetByTestId("error-summary")).ToContainTextAsync("NVO darbiniekam jāizvēlas organizācija.");
        await Expect(page.GetByLabel("Organizācija")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByLabel("E-pasts")).ToHaveValueAsync("ilze@ngo.test");
        await session.ScreenshotAsync("refused");

        await page.GetByLabel("Organizācija").SelectOptionAsync(new SelectOptionValue { Label = "Biedrība „Zemgales NVO centrs”" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Izveidot un nosūtīt saiti" }).ClickAsync();
        await session.CheckAccessibilityAsync();
        await Expect(page.GetByTestId("set-password-link")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("/account/set-password\\?user="));
        await session.ScreenshotAsync("invited");

        var link = await page.GetByTestId("set-password-link").InputValueAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Uz lietotāja lapu" }).ClickAsync();
        await session.CheckAccessibilityAsync();
        await Expect(page.GetByTestId("user-status")).ToHaveTextAsync("aktīvs");
        await session.ScreenshotAsync("user");

        // Ilze, in her own browser, follows the link, chooses a password and signs in.
        await using var ilze = await BrowserSession.OpenAsync(Portal, session.TestName + "-ilze", Output);
        var her = ilze.Page;
        await ilze.GotoAsync(new Uri(link).PathAndQuery);
        await ilze.CheckAccessibilityAsync();
        await her.GetByLabel("Jaunā parole").FillAsync("ceļš uz bausku pa lauku");
        await her.GetByLabel("Parole vēlreiz").FillAsync("ceļš uz bausku pa lauku");
        await her.GetByRole(AriaRole.Button, new() { Name = "Iestatīt paroli" }).ClickAsync();
        await her.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account/login");
        await ilze.CheckAccessibilityAsync();
        await Expect(her.GetByTestId("flash")).ToContainTextAsync("Parole iestatīta.");
        await ilze.SignInAsync("ilze@ngo.test", "ceļš uz bausku pa lauku");
        await ilze.CheckAccessibilityAsync();
        await Expect(her.GetByRole(AriaRole.Link, new() { Name = "Biedrība „Zemgales NVO centrs”" }).Or(her.GetByText("Biedrība „Zemgales NVO centrs”")).First).ToBeVisibleAsync();
        await ilze.ScreenshotAsync("signed-in");
        ilze.AssertEveryPageChecked();

        // The link was for one use.
        await ilze.GotoAsync(new Uri(link).PathAndQuery);
        await ilze.CheckAccessibilityAsync();
        await Expect(her.GetByRole(AriaRole.Heading, new() { Level = 1 })).Not.ToHaveTextAsync("Paroles iestatīšana");
    });

    [Fact]
    public Task An_admin_sets_up_an_agreement_with_a_budget_line() => JourneyAsync(async session =>
    {
        var page = session.Page;
        await session.OpenSignedInAsync(AdminEmail);
        await session.CheckAccessibilityAsync();
        await session.GotoAsync("/admin/organisations");
        await session.CheckAccessibilityAsync();
        await session.GotoAsync("/admin/regions");
        await session.CheckAccessibilityAsync();
        await session.GotoAsync("/admin/agreements");
        await session.CheckAccessibilityAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Jauns līgums" }).ClickAsync();
        await session.CheckAccessibilityAsync();
        await page.GetByLabel("Līguma veids").SelectOptionAsync("Delegation");
        await page.GetByLabel("Līguma numurs").FillAsync("D-2026/1");
        await page.GetByLabel("Nosaukums").FillAsync("Jauniešu iniciatīvu atbalsts Kurzemē");
        await page.GetByLabel("Uzdevums").FillAsync("Atbalstīt jauniešu iniciatīvas Kurzemes reģionā.");
        await page.GetByLabel("Izpildītājs").SelectOptionAsync(new SelectOptionValue { Label = "Biedrība „Zemgales NVO centrs”" });
        await page.GetByLabel("Reģions").SelectOptionAsync(new SelectOptionValue { Label = "Kurzemes reģions" });
        await page.GetByLabel("Perioda sākums").FillAsync("2026-01-01");
        await page.GetByLabel("Perioda beigas").FillAsync("2027-12-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Izveidot līgumu" }).ClickAsync();
        await session.CheckAccessibilityAsync();
        await Expect(page.GetByTestId("years")).ToContainTextAsync("01.01.2027.–31.12.2027.");

        await page.GetByRole(AriaRole.Link, new() { Name = "Pievienot budžeta pozīciju" }).ClickAsync();
        await session.CheckAccessibilityAsync();
        await page.GetByLabel("Budžeta pozīcija").FillAsync("Jauniešu iniciatīvu granti");
        await page.Locator("#Form_Amounts_0__Amount").FillAsync("15 000,00");
        await page.Locator("#Form_Amounts_1__Amount").FillAsync("17 500");
        await session.ScreenshotAsync("line");
        await page.GetByRole(AriaRole.Button, new() { Name = "Saglabāt" }).ClickAsync();
        await session.CheckAccessibilityAsync();
        await Expect(page.GetByTestId("budget-lines")).ToContainTextAsync("32 500,00");
        await session.ScreenshotAsync("agreement");
    });
}
