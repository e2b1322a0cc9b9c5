using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using ZemgaleNvo.BrowserTests.DataEntry;
using ZemgaleNvo.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ZemgaleNvo.BrowserTests.Review;

/// <summary>
/// Issue 13 at two browsers: the staff cover year III's overspend, write the evaluation and explain the
/// deviation on the year page itself (no separate forms), and submit; the reviewer reads the explanation,
/// accepts it and approves, with no confirmation asked once every deviation is accepted.
/// Its own portal (<see cref="ExplainApproveTestGroup"/>): year III ends approved and frozen.
/// </summary>
[Collection(ExplainApproveTestGroup.Name)]
public sealed partial class ExplainAcceptApproveTests(PortalFixture portal, ITestOutputHelper output) : JourneyTest(portal, output)
{
    private const int Year = DemoAgreement.DraftYear;

    private const string Explanation = "Pārceltais atlikums netika izlietots, jo divi pasākumi notika tiešsaistē; to atmaksāsim valsts budžetā.";

    [Fact]
    public Task Staff_explain_the_deviation_in_place_and_submit_reviewer_accepts_it_and_approves() => JourneyAsync(async staff =>
    {
        var workspacePath = await Portal.WorkspacePathAsync(Year);
        var lines = await Portal.LinesAsync();
        await using var reviewer = await BrowserSession.OpenAsync(Portal, staff.TestName + ".recenzents", Output);
        try
        {
            await staff.SignInDirectlyAsync(DemoAgreement.StaffEmail);
            await reviewer.SignInDirectlyAsync(DemoAgreement.ReviewerEmail);
            await StaffExplainAndSubmitAsync(staff, workspacePath, lines);
            await ReviewerAcceptsAndApprovesAsync(reviewer, workspacePath);
        }
        catch
        {
            await reviewer.TrySaveFailureScreenshotAsync();
            throw;
        }
        reviewer.AssertEveryPageChecked();
    });

    private static async Task StaffExplainAndSubmitAsync(BrowserSession session, string workspacePath, IReadOnlyList<DemoLine> lines)
    {
        var page = session.Page;
        var workspace = new YearWorkspace(page);
        var (from, to) = (lines[0], lines[1]);
        await session.GotoAsync(workspacePath);
        await session.CheckAccessibilityAsync();
        await Expect(workspace.Status).ToHaveTextAsync("Melnraksts");
        await Expect(workspace.SubmitButton).ToBeDisabledAsync();

        // The overspent line is an error, not a deviation: covered by a reallocation from the other line.
        var overspent = -await YearWorkspace.CentsAsync(await workspace.RemainingAsync(to.Id));
        Assert.True(overspent > 0);
        await workspace.Reallocations.GetByRole(AriaRole.Link, new() { Name = "Pievienot pārdali" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.EndsWith($"/years/{Year}/reallocations/new", StringComparison.Ordinal));
        await session.CheckAccessibilityAsync();
        await page.GetByLabel("No pozīcijas").SelectOptionAsync(new SelectOptionValue { Label = from.Name });
        await page.GetByLabel("Uz pozīciju").SelectOptionAsync(new SelectOptionValue { Label = to.Name });
        await page.GetByLabel("Summa, euro").FillAsync(LatvianMoney.Typed(overspent));
        await page.GetByLabel("Pamatojums").FillAsync("Pārsnieguma segšana no pilsoniskās sabiedrības pozīcijas atlikuma.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Saglabāt" }).ClickAsync();
        await page.WaitForURLAsync(WorkspaceUrl());
        await session.CheckAccessibilityAsync();
        await Expect(workspace.Checklist.Locator("[data-code^='finding:line-overspent']")).ToHaveCountAsync(0);

        // The evaluation, written on the year page itself.
        const string evaluation = "Plānotie semināri un konsultācijas notika; mazākumtautību pasākumu pārtēriņu sedza pārdale.";
        await workspace.Evaluation.GetByLabel("Rezultātu apraksts un novērtējums").FillAsync(evaluation);
        await workspace.Evaluation.GetByRole(AriaRole.Button, new() { Name = "Saglabāt aprakstu" }).ClickAsync();
        await page.WaitForURLAsync(WorkspaceUrl());
        await session.CheckAccessibilityAsync();
        await Expect(workspace.Flash).ToContainTextAsync("Rezultātu apraksts saglabāts.");
        await Expect(workspace.Evaluation.GetByLabel("Rezultātu apraksts un novērtējums")).ToHaveValueAsync(evaluation);

        // The deviation(s): each explained in place.
        var deviations = workspace.Explanations.Locator("li.deviation");
        var count = await deviations.CountAsync();
        Assert.True(count > 0, "Year III of the demo should have at least one deviation to explain.");
        for (var i = 0; i < count; i++)
        {
            var deviation = deviations.Nth(i);
            await deviation.GetByLabel("Paskaidrojums").FillAsync(Explanation);
            await deviation.GetByRole(AriaRole.Button, new() { Name = "Saglabāt paskaidrojumu" }).ClickAsync();
            await page.WaitForURLAsync(WorkspaceUrl());
            await session.CheckAccessibilityAsync();
            await Expect(workspace.Flash).ToContainTextAsync("Paskaidrojums saglabāts.");
            await Expect(deviations.Nth(i).GetByTestId("explanation-state")).ToHaveTextAsync("Paskaidrots");
        }
        await Expect(workspace.Checklist.Locator(".checklist-missing")).ToHaveCountAsync(0);
        await session.ScreenshotAsync("1-explained");

        await workspace.SubmitButton.ClickAsync();
        await Expect(workspace.Flash).ToContainTextAsync("Gads iesniegts izskatīšanai.");
        await session.CheckAccessibilityAsync();
        await Expect(workspace.Status).ToHaveTextAsync("Iesniegts");
    }

    private static async Task ReviewerAcceptsAndApprovesAsync(BrowserSession session, string workspacePath)
    {
        var page = session.Page;
        var workspace = new YearWorkspace(page);
        var review = new ReviewSection(page);
        await session.GotoAsync(workspacePath);
        await session.CheckAccessibilityAsync();
        await Expect(workspace.Status).ToHaveTextAsync("Iesniegts");

        var deviations = workspace.Explanations.Locator("li.deviation");
        var count = await deviations.CountAsync();
        for (var i = 0; i < count; i++)
        {
            await Expect(deviations.Nth(i)).ToContainTextAsync(Explanation);
            await deviations.Nth(i).GetByRole(AriaRole.Button, new() { Name = "Pieņemt paskaidrojumu" }).ClickAsync();
            await Expect(workspace.Flash).ToContainTextAsync("Paskaidrojums pieņemts.");
            await session.CheckAccessibilityAsync();
            await Expect(deviations.Nth(i).GetByTestId("explanation-state")).ToHaveTextAsync("Pieņemts");
        }
        await session.ScreenshotAsync("2-accepted");

        // Every deviation accepted: approving asks no confirmation.
        await review.ApproveButton.ClickAsync();
        await Expect(workspace.Flash).ToContainTextAsync("Gads apstiprināts. Pārskats iesaldēts.");
        await session.CheckAccessibilityAsync();
        await Expect(workspace.Status).ToHaveTextAsync("Apstiprināts");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Apstiprināt gadu ar nepieņemtām novirzēm?" })).ToHaveCountAsync(0);
        await session.ScreenshotAsync("3-approved");
    }

    [GeneratedRegex(@"/agreements/\d+/years/3/entry(#.*)?$")]
    private static partial Regex WorkspaceUrl();
}

/// <summary>The explain-accept-approve journey freezes year III: its own portal.</summary>
[CollectionDefinition(Name)]
public sealed class ExplainApproveTestGroup : ICollectionFixture<PortalFixture>
{
    public const string Name = "ExplainApprove";
}
