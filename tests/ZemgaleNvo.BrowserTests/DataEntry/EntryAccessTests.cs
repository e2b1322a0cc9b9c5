using Microsoft.Playwright;
using Xunit.Abstractions;
using ZemgaleNvo.BrowserTests.Infrastructure;
using ZemgaleNvo.BrowserTests.Journeys;
using static Microsoft.Playwright.Assertions;

namespace ZemgaleNvo.BrowserTests.DataEntry;

/// <summary>The data-entry addresses by hand: another organisation's staff get "not found", a reviewer may look but not edit.</summary>
[Collection(DataEntryTestGroup.Name)]
public sealed class EntryAccessTests(PortalFixture portal, ITestOutputHelper output) : JourneyTest(portal, output)
{
    [Fact]
    public Task Staff_of_another_organisation_get_not_found_for_the_Zemgale_workspace_and_result_addresses() => JourneyAsync(async session =>
    {
        var page = session.Page;
        var lines = await Portal.LinesAsync();
        var (resultId, resultText) = await Portal.FirstResultAsync(lines[0].Id);
        var agreementPath = await Portal.ZemgaleAgreementPathAsync();
        await session.SignInDirectlyAsync(DemoAgreement.OtherStaffEmail);

        string[] paths =
        [
            await Portal.WorkspacePathAsync(),
            $"{agreementPath}/years/{DemoAgreement.DraftYear}/results/{resultId}",
            $"{agreementPath}/years/{DemoAgreement.DraftYear}/results/new?line={lines[0].Id}",
            $"{agreementPath}/years/{DemoAgreement.DraftYear}/spending/new?line={lines[0].Id}",
        ];
        foreach (var path in paths)
        {
            var response = await session.GotoAsync(path);
            await session.CheckAccessibilityAsync();
            Assert.True(response.Status == 404, $"{path}: expected 404 for another organisation's data, got {response.Status}.");
            // Signed in (not sent to the login page), and still refused.
            await Expect(page.GetByTestId("current-user")).ToHaveTextAsync("Citas NVO darbinieks");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Lapa nav atrasta");
            // Nothing of the agreement leaks into the refusal: no title, performer, lines, result or figures.
            var main = page.Locator("main");
            await Expect(main.GetByText(ReviewerJourneyTests.TitleStart)).ToHaveCountAsync(0);
            await Expect(main.GetByText("Zemgales NVO centrs")).ToHaveCountAsync(0);
            await Expect(main.GetByText(lines[0].Name)).ToHaveCountAsync(0);
            await Expect(main.GetByText(lines[1].Name)).ToHaveCountAsync(0);
            await Expect(main.GetByText(resultText)).ToHaveCountAsync(0);
            await Expect(main.Locator("form, input, textarea, select, [data-figure], [data-testid=checklist]")).ToHaveCountAsync(0);
        }
        await session.ScreenshotAsync();

        // Not only the pages: a well-formed delete (with this user's own antiforgery token) is refused the same way.
        var token = await page.Locator("input[name=__RequestVerificationToken]").First.GetAttributeAsync("value");
        Assert.False(string.IsNullOrEmpty(token), "The page has no antiforgery token to send.");
        var form = page.APIRequest.CreateFormData();
        form.Set("__RequestVerificationToken", token!);
        var delete = await page.APIRequest.PostAsync($"{agreementPath}/years/{DemoAgreement.DraftYear}/results/{resultId}/delete",
            new() { Form = form, MaxRedirects = 0 });
        Assert.Equal(404, delete.Status);
        Assert.True(await Portal.ResultIsListedAsync(resultId), "Another organisation's staff deleted a Zemgale result.");
    });

    [Fact]
    public Task A_reviewer_sees_the_draft_year_read_only_and_is_refused_its_forms() => JourneyAsync(async session =>
    {
        var page = session.Page;
        var workspace = new YearWorkspace(page);
        var lines = await Portal.LinesAsync();
        var (resultId, resultText) = await Portal.FirstResultAsync(lines[0].Id);
        await session.SignInDirectlyAsync(DemoAgreement.ReviewerEmail);

        var response = await session.GotoAsync(await Portal.WorkspacePathAsync());
        await session.CheckAccessibilityAsync();
        Assert.Equal(200, response.Status);
        await Expect(workspace.Status).ToHaveTextAsync("Melnraksts");
        await Expect(page.GetByText("Jūs varat šo gadu skatīt, bet ne labot.")).ToBeVisibleAsync();
        await Expect(workspace.Results(lines[0].Id).First).ToContainTextAsync(resultText);
        // No button to change the year; the one button is the review section's comment form (reviewers comment in any status).
        await Expect(page.Locator("main").GetByRole(AriaRole.Button)).ToHaveTextAsync(["Pievienot komentāru"]);
        await Expect(page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Labot" })).ToHaveCountAsync(0);
        await Expect(page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Pievienot rezultātu" })).ToHaveCountAsync(0);

        var form = await session.GotoAsync($"{await Portal.ZemgaleAgreementPathAsync()}/years/{DemoAgreement.DraftYear}/results/{resultId}");
        await session.CheckAccessibilityAsync();
        Assert.Equal(403, form.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Piekļuve liegta");
        await Expect(page.Locator("main form")).ToHaveCountAsync(0);
    });
}
