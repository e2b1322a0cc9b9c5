using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using ZemgaleNvo.BrowserTests.Infrastructure;
using ZemgaleNvo.BrowserTests.Journeys;
using static Microsoft.Playwright.Assertions;

namespace ZemgaleNvo.BrowserTests.DataEntry;

/// <summary>
/// The performer's whole path through a draft year: a result, a receipt, the reallocation that covers
/// the overspent line, the evaluation, and submitting. Its own portal (<see cref="SubmitTestGroup"/>):
/// once submitted, year III cannot be edited again.
/// </summary>
[Collection(SubmitTestGroup.Name)]
public sealed partial class StaffSubmitsYearTests(PortalFixture portal, ITestOutputHelper output) : JourneyTest(portal, output)
{
    /// <summary>The workspace's links to the forms; none may be left on a submitted year.</summary>
    private static readonly string[] EditLinks =
        ["Pievienot rezultātu", "Pievienot izdevumu", "Norādīt kopsummu", "Pievienot pārdali", "Labot kopā ar norādīto gada kopsummu", "Norādīt visu pozīciju kopsummas vienā formā", "Labot citu informāciju"];

    [Fact]
    public Task Staff_enter_a_result_a_receipt_a_reallocation_and_the_evaluation_then_submit_year_III() => JourneyAsync(async session =>
    {
        var page = session.Page;
        var workspace = new YearWorkspace(page);
        var lines = await Portal.LinesAsync();
        var (civil, minority) = (lines[0], lines[1]);
        var agreementPath = await Portal.ZemgaleAgreementPathAsync();

        // Signed in (the login form is the sign-in journeys' subject), the agreement from the list, year III through
        // "Ievadīt datus" (the only year still open).
        await session.OpenSignedInAsync(DemoAgreement.StaffEmail);
        await session.CheckAccessibilityAsync();
        await page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link, new() { Name = ReviewerJourneyTests.TitleStart }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == agreementPath);
        await session.CheckAccessibilityAsync();
        var enterData = page.GetByRole(AriaRole.Link, new() { Name = "Ievadīt datus" });
        await Expect(enterData).ToHaveCountAsync(1);
        await Expect(enterData).ToHaveAccessibleNameAsync(YearLinkName("Ievadīt datus"));
        await enterData.ClickAsync();
        await page.WaitForURLAsync(WorkspaceUrl());
        await session.CheckAccessibilityAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("III. īstenošanas gads");
        await Expect(workspace.Status).ToHaveTextAsync("Melnraksts");
        // The demo's minority line is overspent, and no evaluation is written: the year cannot go yet.
        await Expect(workspace.SubmitButton).ToBeDisabledAsync();
        var overspendFinding = workspace.Checklist.Locator("[data-code^='finding:line-overspent']");
        await Expect(overspendFinding).ToHaveCountAsync(1);
        await Expect(workspace.Checklist.Locator("[data-code=evaluation]")).ToHaveClassAsync(new Regex("checklist-missing"));
        await session.ScreenshotAsync("1-draft");

        // A result with an indicator, on the civil-society strand.
        var resultsBefore = await workspace.Results(civil.Id).CountAsync();
        await workspace.Strand(civil.Id).GetByRole(AriaRole.Link, new() { Name = "Pievienot rezultātu" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.EndsWith("/years/3/results/new", StringComparison.Ordinal));
        await session.CheckAccessibilityAsync();
        await Expect(page.GetByLabel("Virziens")).ToHaveValueAsync(civil.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        const string resultText = "Noorganizētas 3 darbnīcas jauniešu NVO līderiem Jelgavā un Dobelē";
        await page.GetByLabel("Rezultāts", new() { Exact = true }).FillAsync(resultText);
        await page.GetByLabel("Precizējums 1").SelectOptionAsync(new SelectOptionValue { Label = "vismaz" });
        await page.GetByLabel("Skaits 1").FillAsync("3");
        await page.GetByLabel("Mērvienība 1").FillAsync("darbnīcas");
        await page.GetByRole(AriaRole.Button, new() { Name = "Saglabāt" }).ClickAsync();
        await page.WaitForURLAsync(WorkspaceUrl());
        await session.CheckAccessibilityAsync();
        await Expect(workspace.Flash).ToContainTextAsync("Rezultāts pievienots.");
        await Expect(workspace.Results(civil.Id)).ToHaveCountAsync(resultsBefore + 1);
        var added = workspace.Results(civil.Id).Last;
        await Expect(added).ToContainTextAsync(resultText);
        await Expect(added).ToContainTextAsync("Rādītāji: vismaz 3 darbnīcas");

        // A receipt on the civil-society line. The demo states that line's spending as one total, with
        // no itemised entries; once an entry exists the entries count instead of the stated total.
        var totalBefore = await YearWorkspace.CentsAsync(workspace.ActualTotal);
        var civilBefore = await YearWorkspace.CentsAsync(workspace.Actual(civil.Id));
        await Expect(workspace.SpendingEntries(civil.Id)).ToHaveCountAsync(0);
        await Expect(workspace.Spending(civil.Id)).ToContainTextAsync("Izdevumi kopā (bez detalizācijas)");
        await workspace.Spending(civil.Id).GetByRole(AriaRole.Link, new() { Name = "Pievienot izdevumu" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.EndsWith("/years/3/spending/new", StringComparison.Ordinal));
        await session.CheckAccessibilityAsync();
        await Expect(page.GetByLabel("Budžeta pozīcija")).ToHaveValueAsync(civil.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var date = page.GetByLabel("Datums");
        // 20.11.2024: inside year III (15.07.2024–14.07.2025), as the field's own limits say.
        await Expect(date).ToHaveAttributeAsync("min", "2024-07-15");
        await Expect(date).ToHaveAttributeAsync("max", "2025-07-14");
        await date.FillAsync("2024-11-20");
        const string typedAmount = "1 234,56";
        await page.GetByLabel("Summa, euro").FillAsync(typedAmount);
        await page.GetByLabel("Dokumenta Nr.").FillAsync("ZNC-2024/118");
        await page.GetByLabel("Apraksts").FillAsync("Telpu noma darbnīcām jauniešu NVO līderiem");
        await page.GetByLabel("Piegādātājs").FillAsync("SIA „Zemgales telpas”");
        await page.GetByRole(AriaRole.Button, new() { Name = "Saglabāt" }).ClickAsync();
        await page.WaitForURLAsync(WorkspaceUrl());
        await session.CheckAccessibilityAsync();
        await Expect(workspace.Flash).ToContainTextAsync("Izdevums pievienots.");
        var entry = workspace.SpendingEntries(civil.Id);
        await Expect(entry).ToHaveCountAsync(1);
        await Expect(entry).ToContainTextAsync("20.11.2024.");
        await Expect(entry).ToContainTextAsync("Telpu noma darbnīcām jauniešu NVO līderiem");
        await Expect(workspace.Spending(civil.Id)).ToContainTextAsync("netiek ņemta vērā, jo ir detalizēti izdevumi");

        // The year budget follows: the line's actual is now its one entry, and the year's total moves by
        // the difference between that entry and the stated total it replaced.
        var typedCents = LatvianMoney.Cents(typedAmount);
        var expectedTotal = totalBefore - civilBefore + typedCents;
        Output.WriteLine($"actual total {LatvianMoney.Typed(totalBefore)} - stated line total {LatvianMoney.Typed(civilBefore)} + entry {typedAmount} = {LatvianMoney.Typed(expectedTotal)}");
        await Expect(workspace.Actual(civil.Id)).ToHaveTextAsync(Shown(typedCents));
        await Expect(workspace.ActualTotal).ToHaveTextAsync(Shown(expectedTotal));
        Assert.Equal(expectedTotal, await YearWorkspace.CentsAsync(workspace.ActualTotal));
        await session.ScreenshotAsync("2-receipt");

        // The minority line is still overspent by what its remainder says; move that much over from the civil-society line.
        var minorityRemaining = await workspace.RemainingAsync(minority.Id);
        var overspent = -await YearWorkspace.CentsAsync(minorityRemaining);
        Assert.True(overspent > 0, $"The demo's minority line should be overspent in year III (remainder {LatvianMoney.Typed(-overspent)}).");
        await Expect(overspendFinding).ToContainTextAsync($"pārsniegums {Shown(overspent)} euro");
        await workspace.Reallocations.GetByRole(AriaRole.Link, new() { Name = "Pievienot pārdali" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.EndsWith("/years/3/reallocations/new", StringComparison.Ordinal));
        await session.CheckAccessibilityAsync();
        await page.GetByLabel("No pozīcijas").SelectOptionAsync(new SelectOptionValue { Label = civil.Name });
        await page.GetByLabel("Uz pozīciju").SelectOptionAsync(new SelectOptionValue { Label = minority.Name });
        await page.GetByLabel("Summa, euro").FillAsync(LatvianMoney.Typed(overspent));
        await page.GetByLabel("Pamatojums").FillAsync("Mazākumtautību kultūras pasākumu izmaksas pārsniedza plānoto; atlikums pilsoniskās sabiedrības pozīcijā to sedz.");
        await page.GetByLabel("Atsauce").FillAsync("Ministrijas vēstule Nr. 1-2/345, 10.03.2025.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Saglabāt" }).ClickAsync();
        await page.WaitForURLAsync(WorkspaceUrl());
        await session.CheckAccessibilityAsync();
        await Expect(workspace.Flash).ToContainTextAsync("Pārdale pievienota.");
        await Expect(workspace.Reallocations.Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(workspace.Reallocations.Locator("tbody tr")).ToContainTextAsync(Shown(overspent));
        await Expect(minorityRemaining).ToHaveTextAsync(Shown(0));
        await Expect(overspendFinding).ToHaveCountAsync(0);
        // Missing now: the evaluation; the stated year total, which no longer matches the lines since the
        // receipt replaced the line total (an error, fixed on the evaluation form); and the explanation of
        // the money carried in and not spent (a deviation).
        await Expect(workspace.SubmitButton).ToBeDisabledAsync();
        await Expect(workspace.Checklist.Locator(".checklist-missing")).ToHaveCountAsync(3);
        await Expect(workspace.Checklist.Locator("[data-code^='finding:reported-total-mismatch']")).ToHaveClassAsync(new Regex("checklist-missing"));
        await Expect(workspace.Checklist.Locator("[data-code=evaluation]")).ToHaveClassAsync(new Regex("checklist-missing"));

        // The evaluation text.
        await workspace.Evaluation.GetByRole(AriaRole.Link, new() { Name = "Labot kopā ar norādīto gada kopsummu" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.EndsWith("/years/3/evaluation", StringComparison.Ordinal));
        await session.CheckAccessibilityAsync();
        const string evaluation = "Gada plānotie rezultāti sasniegti: semināri, konsultācijas un pasākumi notika, kā paredzēts; mazākumtautību pasākumiem vajadzēja vairāk līdzekļu, ko sedza pārdale.";
        await page.GetByLabel("Rezultātu apraksts un novērtējums").FillAsync(evaluation);
        await page.GetByLabel("Faktiskie izdevumi kopā, kā norādīts pārskatā").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Saglabāt" }).ClickAsync();
        await page.WaitForURLAsync(WorkspaceUrl());
        await session.CheckAccessibilityAsync();
        await Expect(workspace.Flash).ToContainTextAsync("Rezultātu apraksts saglabāts.");
        await Expect(workspace.Evaluation).ToContainTextAsync(evaluation);
        await Expect(workspace.Checklist.Locator(".checklist-missing")).ToHaveCountAsync(1);

        // The deviation left: money carried into the last year and not spent. Explained in place, no JavaScript needed.
        var remainder = workspace.Deviation("final-remainder-not-returned");
        await Expect(remainder).ToContainTextAsync("Jāpaskaidro");
        const string explanation = "Neizlietotais atlikums 4 864,53 euro tiks atmaksāts valsts budžetā līdz 31.08.2025.";
        await remainder.GetByLabel("Paskaidrojums").FillAsync(explanation);
        await remainder.GetByRole(AriaRole.Button, new() { Name = "Saglabāt paskaidrojumu" }).ClickAsync();
        await page.WaitForURLAsync(WorkspaceUrl());
        await session.CheckAccessibilityAsync();
        await Expect(workspace.Flash).ToContainTextAsync("Paskaidrojums saglabāts.");
        await Expect(remainder).ToContainTextAsync("Paskaidrots");
        await Expect(workspace.Checklist.Locator(".checklist-missing")).ToHaveCountAsync(0);
        await session.ScreenshotAsync("2b-explained");

        // Submit.
        await Expect(workspace.SubmitButton).ToBeEnabledAsync();
        await workspace.SubmitButton.ClickAsync();
        await Expect(workspace.Flash).ToContainTextAsync("Gads iesniegts izskatīšanai.");
        await session.CheckAccessibilityAsync();
        Assert.Matches(WorkspaceUrl(), page.Url);
        await Expect(workspace.Status).ToHaveTextAsync("Iesniegts");
        await Expect(page.GetByText("Iesniegtu vai apstiprinātu gadu labot nevar.")).ToBeVisibleAsync();
        // Everything entered is still there, and no way to change it is offered.
        await Expect(workspace.Results(civil.Id).Last).ToContainTextAsync(resultText);
        await Expect(workspace.SpendingEntries(civil.Id)).ToHaveCountAsync(1);
        await Expect(workspace.Evaluation).ToContainTextAsync(evaluation);
        await Expect(workspace.SubmitButton).ToHaveCountAsync(0);
        var main = page.Locator("main");
        foreach (var edit in EditLinks)
        {
            await Expect(main.GetByRole(AriaRole.Link, new() { Name = edit })).ToHaveCountAsync(0);
        }
        await Expect(main.GetByRole(AriaRole.Link, new() { Name = "Labot" })).ToHaveCountAsync(0);
        // No delete, move, restore or submit button: the one button is the review section's comment form.
        await Expect(main.GetByRole(AriaRole.Button)).ToHaveTextAsync(["Pievienot komentāru"]);
        await session.ScreenshotAsync("3-submitted");

        // Not just hidden: the forms themselves now refuse, and the agreement page offers only the year page.
        var locked = await session.GotoAsync($"{agreementPath}/years/3/results/new?line={civil.Id}");
        await session.CheckAccessibilityAsync();
        Assert.Equal(409, locked.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Gadu labot nevar");
        await session.GotoAsync(agreementPath);
        await session.CheckAccessibilityAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Ievadīt datus" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = YearLinkName("Gada lapa") })).ToBeVisibleAsync();
    });

    /// <summary>An amount as the page prints it: no-break space between thousands.</summary>
    private static string Shown(long cents) => LatvianMoney.Typed(cents).Replace(' ', '\u00A0');

    /// <summary>"Ievadīt datus: III. īstenošanas gads" (the year is visually hidden, so the browser may put a space before the colon).</summary>
    private static Regex YearLinkName(string action) => new($"^{Regex.Escape(action)}\\s?: III\\. īstenošanas gads$");

    [GeneratedRegex(@"/agreements/\d+/years/3/entry(#.*)?$")]
    private static partial Regex WorkspaceUrl();
}
