using Microsoft.Playwright;
using Xunit.Abstractions;
using ZemgaleNvo.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ZemgaleNvo.BrowserTests.Journeys;

/// <summary>NGO staff see only their own organisation's agreements, in the list and by direct address.</summary>
public sealed class OrganisationAccessTests(PortalFixture portal, ITestOutputHelper output) : JourneyTest(portal, output)
{
    [Fact]
    public Task Staff_of_another_organisation_see_no_agreement_and_cannot_open_it() => JourneyAsync(async session =>
    {
        var page = session.Page;
        var agreementPath = await Portal.ZemgaleAgreementPathAsync();
        await session.OpenSignedInAsync("cits@demo.zemgalenvo.lv");
        await session.CheckAccessibilityAsync();

        await Expect(page.GetByTestId("current-user")).ToHaveTextAsync("Citas NVO darbinieks");
        await Expect(page.GetByText("Jums pagaidām nav pieejamu līgumu.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = ReviewerJourneyTests.TitleStart })).ToHaveCountAsync(0);

        var response = await session.GotoAsync(agreementPath);
        await session.CheckAccessibilityAsync();
        Assert.True(response.Status is 403 or 404, $"Expected 403 or 404 for another organisation's agreement, got {response.Status}.");
        var heading = Normalise(await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).TextContentAsync());
        Assert.True(heading is "Piekļuve liegta" or "Lapa nav atrasta", $"Unexpected heading \"{heading}\" on the refusal page.");
        await Expect(page.Locator("[data-figure]")).ToHaveCountAsync(0);
        await Expect(page.GetByText("147")).ToHaveCountAsync(0);
        await session.ScreenshotAsync();
    });

    [Fact]
    public Task Staff_of_the_performing_organisation_see_and_open_their_agreement() => JourneyAsync(async session =>
    {
        var page = session.Page;
        var agreementPath = await Portal.ZemgaleAgreementPathAsync();
        await session.OpenSignedInAsync("darbinieks@demo.zemgalenvo.lv");
        await session.CheckAccessibilityAsync();

        var link = page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link, new() { Name = ReviewerJourneyTests.TitleStart });
        await Expect(link).ToHaveCountAsync(1);
        await Expect(link).ToHaveAttributeAsync("href", agreementPath);

        var response = await session.GotoAsync(agreementPath);
        await session.CheckAccessibilityAsync();
        Assert.Equal(200, response.Status);
        Assert.Equal("147 000,00", Normalise(await page.Locator("[data-figure=planned]").TextContentAsync()));
    });
}
