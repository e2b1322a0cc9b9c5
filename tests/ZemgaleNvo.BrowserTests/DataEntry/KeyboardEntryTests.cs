using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using ZemgaleNvo.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ZemgaleNvo.BrowserTests.DataEntry;

/// <summary>A result added from the workspace with the keyboard alone: Tab, Enter, arrow keys and typing.</summary>
[Collection(DataEntryTestGroup.Name)]
public sealed partial class KeyboardEntryTests(PortalFixture portal, ITestOutputHelper output) : JourneyTest(portal, output)
{
    private const int MaxTabs = 60;

    [Fact]
    public Task Staff_add_a_result_with_an_indicator_using_only_the_keyboard() => JourneyAsync(async session =>
    {
        var page = session.Page;
        var keyboard = page.Keyboard;
        var workspace = new YearWorkspace(page);
        var minority = (await Portal.LinesAsync())[1];
        await session.SignInDirectlyAsync(DemoAgreement.StaffEmail);
        await session.GotoAsync(await Portal.WorkspacePathAsync());
        await session.CheckAccessibilityAsync();
        var resultsBefore = await workspace.ResultTextsAsync(minority.Id);

        // The checklist links to each strand: Enter on it moves the focus there, and the strand's own
        // "Pievienot rezultātu" is a few Tabs away.
        var toStrand = workspace.Checklist.GetByRole(AriaRole.Link, new() { Name = $"Virzienam „{minority.ResultsHeading}”" });
        await TabToAsync(page, toStrand);
        await keyboard.PressAsync("Enter");
        await Expect(workspace.Strand(minority.Id)).ToBeFocusedAsync();
        var add = workspace.Strand(minority.Id).GetByRole(AriaRole.Link, new() { Name = "Pievienot rezultātu" });
        await TabToAsync(page, add);
        await keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.EndsWith("/results/new", StringComparison.Ordinal));
        await session.CheckAccessibilityAsync();
        await Expect(page.GetByLabel("Virziens")).ToHaveValueAsync(minority.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        const string text = "Rīkotas tikšanās ar mazākumtautību biedrību vadītājiem Jelgavā";
        await TabToAsync(page, page.GetByLabel("Rezultāts", new() { Exact = true }));
        await keyboard.TypeAsync(text);
        var qualifier = page.GetByLabel("Precizējums 1");
        await TabToAsync(page, qualifier);
        // tieši → vismaz → vairāk kā
        await keyboard.PressAsync("ArrowDown");
        await keyboard.PressAsync("ArrowDown");
        await Expect(qualifier).ToHaveValueAsync("MoreThan");
        await keyboard.PressAsync("Tab");
        await Expect(page.GetByLabel("Skaits 1")).ToBeFocusedAsync();
        await keyboard.TypeAsync("5");
        await keyboard.PressAsync("Tab");
        await Expect(page.GetByLabel("Mērvienība 1")).ToBeFocusedAsync();
        await keyboard.TypeAsync("tikšanās");
        // Enter in a field saves the form, as it does in every other form.
        await keyboard.PressAsync("Enter");

        await page.WaitForURLAsync(WorkspaceUrl());
        await session.CheckAccessibilityAsync();
        await Expect(workspace.Flash).ToContainTextAsync("Rezultāts pievienots.");
        await Expect(workspace.Results(minority.Id)).ToHaveCountAsync(resultsBefore.Count + 1);
        var added = workspace.Results(minority.Id).Last;
        await Expect(added).ToContainTextAsync(text);
        await Expect(added).ToContainTextAsync("Rādītāji: vairāk kā 5 tikšanās");
        Assert.Equal([.. resultsBefore, text], await workspace.ResultTextsAsync(minority.Id));
        await session.ScreenshotAsync();
    });

    /// <summary>Presses Tab until <paramref name="target"/> has the focus; fails if it is not reachable.</summary>
    private static async Task TabToAsync(IPage page, ILocator target)
    {
        await Expect(target).ToHaveCountAsync(1);
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

    [GeneratedRegex(@"/agreements/\d+/years/3/entry(#.*)?$")]
    private static partial Regex WorkspaceUrl();
}
