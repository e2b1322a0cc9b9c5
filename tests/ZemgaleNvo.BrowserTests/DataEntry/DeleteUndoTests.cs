using Microsoft.Playwright;
using Xunit.Abstractions;
using ZemgaleNvo.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ZemgaleNvo.BrowserTests.DataEntry;

/// <summary>A deleted result is one click away from coming back, to the place it had.</summary>
[Collection(DataEntryTestGroup.Name)]
public sealed class DeleteUndoTests(PortalFixture portal, ITestOutputHelper output) : JourneyTest(portal, output)
{
    [Fact]
    public Task A_deleted_result_comes_back_at_its_position_with_Atsaukt() => JourneyAsync(async session =>
    {
        var page = session.Page;
        var workspace = new YearWorkspace(page);
        var civil = (await Portal.LinesAsync())[0];
        await session.SignInDirectlyAsync(DemoAgreement.StaffEmail);
        await session.GotoAsync(await Portal.WorkspacePathAsync());
        await session.CheckAccessibilityAsync();

        var before = await workspace.ResultTextsAsync(civil.Id);
        Assert.True(before.Count >= 3, $"The demo strand should have results above and below the one deleted; it has {before.Count}.");
        // The second result: one above it and at least one below, so "back at its position" means something.
        const int position = 2;
        var deleted = before[position - 1];
        await workspace.Strand(civil.Id).GetByRole(AriaRole.Button, new() { Name = $"Dzēst rezultātu {position} virzienā „{civil.Name}”", Exact = true }).ClickAsync();

        await Expect(workspace.Flash).ToContainTextAsync("Rezultāts izdzēsts.");
        await session.CheckAccessibilityAsync();
        // The page returns to the strand; the message and its undo are there, in view and focused, not far above (4.1.3).
        await Expect(workspace.Flash).ToBeInViewportAsync();
        await Expect(workspace.Flash).ToBeFocusedAsync();
        await Expect(workspace.Strand(civil.Id).GetByTestId("flash")).ToHaveCountAsync(1);
        await Expect(workspace.Results(civil.Id)).ToHaveCountAsync(before.Count - 1);
        Assert.Equal(before.Where((_, i) => i != position - 1), await workspace.ResultTextsAsync(civil.Id));
        await Expect(page.GetByTestId("deleted-result").Filter(new() { HasText = deleted })).ToHaveCountAsync(1);
        await session.ScreenshotAsync("deleted");

        var undo = workspace.Flash.GetByRole(AriaRole.Button, new() { Name = "Atsaukt" });
        await Expect(undo).ToBeVisibleAsync();
        await undo.ClickAsync();

        await Expect(workspace.Flash).ToContainTextAsync("Rezultāts atjaunots.");
        await Expect(workspace.Flash).ToBeInViewportAsync();
        await session.CheckAccessibilityAsync();
        await Expect(workspace.Results(civil.Id)).ToHaveCountAsync(before.Count);
        Assert.Equal(before, await workspace.ResultTextsAsync(civil.Id));
        await Expect(workspace.Results(civil.Id).Nth(position - 1)).ToContainTextAsync(deleted);
        await Expect(page.GetByTestId("deleted-result").Filter(new() { HasText = deleted })).ToHaveCountAsync(0);
        // The undo is spent: the flash no longer offers it.
        await Expect(workspace.Flash.GetByRole(AriaRole.Button, new() { Name = "Atsaukt" })).ToHaveCountAsync(0);
        await session.ScreenshotAsync("restored");
    });
}
