using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using UglyToad.PdfPig;
using Xunit.Abstractions;
using ZemgaleNvo.BrowserTests.DataEntry;
using ZemgaleNvo.BrowserTests.Infrastructure;
using ZemgaleNvo.Domain.Reviews;
using static Microsoft.Playwright.Assertions;

namespace ZemgaleNvo.BrowserTests.Review;

/// <summary>
/// Year III of the demo through the whole review, by two people at two browsers: the NGO's staff
/// complete and submit it, the ministry's reviewer returns it with a reason (an empty reason is
/// refused, in the browser and by the server), the staff read the reason, fix a result and resubmit,
/// the reviewer approves, and the approved report is frozen: the PDF downloaded is the document whose
/// SHA-256 the page shows. Its own portal (<see cref="ReviewTestGroup"/>): an approved year stays frozen.
/// </summary>
[Collection(ReviewTestGroup.Name)]
public sealed partial class ReturnAndApproveYearTests(PortalFixture portal, ITestOutputHelper output) : JourneyTest(portal, output)
{
    private const int Year = DemoAgreement.DraftYear;

    private const string NoReasonMessage = "Ierakstiet iemeslu: to redzēs biedrības darbinieki.";

    private const string RemainderExplanation = "Pārceltais atlikums netika izlietots; to atmaksāsim valsts budžetā.";

    /// <summary>The workspace's links to the forms; none may be left once the year is submitted or approved.</summary>
    private static readonly string[] EditLinks =
        ["Pievienot rezultātu", "Pievienot izdevumu", "Norādīt kopsummu", "Pievienot pārdali", "Labot kopā ar norādīto gada kopsummu", "Norādīt visu pozīciju kopsummas vienā formā", "Labot citu informāciju", "Labot"];

    [Fact]
    public Task Reviewer_returns_year_III_with_a_reason_staff_fix_and_resubmit_reviewer_approves_and_the_frozen_PDF_is_what_the_page_vouches_for() => JourneyAsync(async staff =>
    {
        var workspacePath = await Portal.WorkspacePathAsync(Year);
        var lines = await Portal.LinesAsync();
        await using var reviewer = await BrowserSession.OpenAsync(Portal, staff.TestName + ".recenzents", Output);
        try
        {
            await staff.SignInDirectlyAsync(DemoAgreement.StaffEmail);
            await reviewer.SignInDirectlyAsync(DemoAgreement.ReviewerEmail);

            // 1. The staff finish the draft (it is blocked by the overspent line and the missing evaluation) and submit it.
            await StaffCompleteAndSubmitAsync(staff, workspacePath, lines);
            var staffName = Normalise(await staff.Page.GetByTestId("current-user").TextContentAsync());

            // 2. The reviewer: "Atgriezt labošanai" without a reason is refused and changes nothing; with one, the year goes back.
            const string reason = "Precizējiet 1. rezultātu: cik semināru notika un kurās pašvaldībās.";
            var reviewerName = await ReviewerReturnsAsync(reviewer, workspacePath, reason);

            // 3. The staff read the reason at the top of the review section, fix the result it names and submit again.
            await StaffFixAndResubmitAsync(staff, workspacePath, lines[0], reason, reviewerName);

            // 4. The reviewer approves; the page vouches for the frozen report, and the download is that report.
            var sha256 = await ReviewerApprovesAndDownloadsAsync(reviewer, workspacePath, reviewerName);

            // 5. The staff see the year approved and read-only, the same frozen document, and the whole history.
            await StaffSeeTheApprovedYearAsync(staff, workspacePath, sha256, reason, staffName, reviewerName);

            // 6. The audit trail has every step as a status change of the year, with the sign-in of whoever took it.
            await ReviewerReadsTheStepsInTheAuditTrailAsync(reviewer, await Portal.ZemgaleAgreementPathAsync());

            var record = await YearReviewRecord.ReadAsync(Portal, Year);
            Assert.Equal(ReviewStatus.Approved, record.Status);
            Assert.Equal([ReviewNoteKind.Submitted, ReviewNoteKind.Returned, ReviewNoteKind.Submitted, ReviewNoteKind.Approved], record.Notes);
            Assert.Equal(1, record.FrozenReports);
        }
        catch
        {
            await reviewer.TrySaveFailureScreenshotAsync();
            throw;
        }
        reviewer.AssertEveryPageChecked();
    });

    /// <summary>As in <see cref="StaffSubmitsYearTests"/>, briefly: the overspend is read off the page and moved over from the first line.</summary>
    private static async Task StaffCompleteAndSubmitAsync(BrowserSession session, string workspacePath, IReadOnlyList<DemoLine> lines)
    {
        var page = session.Page;
        var workspace = new YearWorkspace(page);
        var (from, to) = (lines[0], lines[1]);

        await session.GotoAsync(workspacePath);
        await session.CheckAccessibilityAsync();
        await Expect(workspace.Status).ToHaveTextAsync("Melnraksts");
        await Expect(new ReviewSection(page).Region.GetByText("Vēl nav ne komentāru, ne lēmumu.")).ToBeVisibleAsync();
        // Blocked: an overspent line without a reallocation, and no evaluation.
        await Expect(workspace.SubmitButton).ToBeDisabledAsync();
        var overspendFinding = workspace.Checklist.Locator("[data-code^='finding:line-overspent']");
        await Expect(overspendFinding).ToHaveCountAsync(1);
        // Blocked too: the money carried in and not spent, a deviation to explain.
        await Expect(workspace.Checklist.Locator(".checklist-missing")).ToHaveCountAsync(3);
        await Expect(workspace.Checklist.Locator("[data-code=evaluation]")).ToHaveClassAsync(new Regex("checklist-missing"));

        var overspent = -await YearWorkspace.CentsAsync(await workspace.RemainingAsync(to.Id));
        Assert.True(overspent > 0, $"The demo's second line should be overspent in year {Year} (remainder {LatvianMoney.Typed(-overspent)}).");
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
        await Expect(workspace.Flash).ToContainTextAsync("Pārdale pievienota.");
        await Expect(overspendFinding).ToHaveCountAsync(0);
        await Expect(workspace.SubmitButton).ToBeDisabledAsync();

        await workspace.Evaluation.GetByRole(AriaRole.Link, new() { Name = "Labot kopā ar norādīto gada kopsummu" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.EndsWith($"/years/{Year}/evaluation", StringComparison.Ordinal));
        await session.CheckAccessibilityAsync();
        await page.GetByLabel("Rezultātu apraksts un novērtējums").FillAsync("Plānotie semināri, konsultācijas un pasākumi notika; mazākumtautību pasākumu pārtēriņu sedza pārdale.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Saglabāt" }).ClickAsync();
        await page.WaitForURLAsync(WorkspaceUrl());
        await session.CheckAccessibilityAsync();
        await Expect(workspace.Flash).ToContainTextAsync("Rezultātu apraksts saglabāts.");
        await Expect(workspace.Checklist.Locator(".checklist-missing")).ToHaveCountAsync(1);

        var remainder = workspace.Deviation("final-remainder-not-returned");
        await remainder.GetByLabel("Paskaidrojums").FillAsync(RemainderExplanation);
        await remainder.GetByRole(AriaRole.Button, new() { Name = "Saglabāt paskaidrojumu" }).ClickAsync();
        await page.WaitForURLAsync(WorkspaceUrl());
        await session.CheckAccessibilityAsync();
        await Expect(workspace.Flash).ToContainTextAsync("Paskaidrojums saglabāts.");
        await Expect(workspace.Checklist.Locator(".checklist-missing")).ToHaveCountAsync(0);

        await Expect(workspace.SubmitButton).ToBeEnabledAsync();
        await workspace.SubmitButton.ClickAsync();
        await Expect(workspace.Flash).ToContainTextAsync("Gads iesniegts izskatīšanai.");
        await session.CheckAccessibilityAsync();
        await Expect(workspace.Status).ToHaveTextAsync("Iesniegts");
        await Expect(new ReviewSection(page).Notes).ToHaveCountAsync(1);
    }

    /// <returns>The reviewer's name as the portal shows it.</returns>
    private async Task<string> ReviewerReturnsAsync(BrowserSession session, string workspacePath, string reason)
    {
        var page = session.Page;
        var workspace = new YearWorkspace(page);
        var review = new ReviewSection(page);
        var posts = 0;
        page.Request += (_, request) =>
        {
            if (request.Method == "POST")
            {
                Interlocked.Increment(ref posts);
            }
        };

        await session.GotoAsync(workspacePath);
        await session.CheckAccessibilityAsync();
        var reviewerName = Normalise(await page.GetByTestId("current-user").TextContentAsync());
        await Expect(workspace.Status).ToHaveTextAsync("Iesniegts");
        await Expect(review.Notes).ToHaveCountAsync(1);
        await Expect(review.Notes).ToContainTextAsync("Iesniegts izskatīšanai");
        await Expect(review.ApproveButton).ToBeVisibleAsync();
        await Expect(review.ReasonField).ToBeEmptyAsync();
        await session.ScreenshotAsync("1-submitted-reviewer");

        // In the browser: the form is not sent; the message sits by the field, which takes the focus and is described by it.
        await review.ReturnButton.ClickAsync();
        await Expect(review.Region.GetByText(NoReasonMessage)).ToBeVisibleAsync();
        await Expect(review.ReasonField).ToBeFocusedAsync();
        await Expect(review.ReasonField).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(review.ReasonField).ToHaveAccessibleDescriptionAsync(NoReasonMessage);
        Assert.Equal(0, Volatile.Read(ref posts));
        Assert.Matches(WorkspaceUrl(), page.Url);
        await Expect(workspace.Status).ToHaveTextAsync("Iesniegts");
        await session.ScreenshotAsync("2-no-reason-browser");

        // By the server, as a browser without JavaScript sends it (the portal's script blocked): a reason of
        // spaces only is refused with 422, the year page comes back with the message, and nothing changed.
        static bool FormsScript(string url) => new Uri(url).AbsolutePath == "/js/forms.js";
        await page.RouteAsync(FormsScript, route => route.AbortAsync());
        await session.GotoAsync(workspacePath);
        await session.CheckAccessibilityAsync();
        await review.ReasonField.FillAsync("   ");
        var refused = await page.RunAndWaitForResponseAsync(() => review.ReturnButton.ClickAsync(),
            response => response.Request.Method == "POST" && new Uri(response.Url).AbsolutePath.EndsWith($"/years/{Year}/return", StringComparison.Ordinal));
        Assert.Equal(422, refused.Status);
        await Expect(page.GetByTestId("error-summary")).ToContainTextAsync(NoReasonMessage);
        await session.CheckAccessibilityAsync();
        await Expect(review.Region.Locator("[data-valmsg-for='Decision.Text']")).ToHaveTextAsync(NoReasonMessage);
        await Expect(review.Region.Locator("[data-valmsg-for='Decision.Text']")).ToBeVisibleAsync();
        await Expect(workspace.Status).ToHaveTextAsync("Iesniegts");
        await Expect(review.Notes).ToHaveCountAsync(1);
        await Expect(review.ReturnReason).ToHaveCountAsync(0);
        var unchanged = await YearReviewRecord.ReadAsync(Portal, Year);
        Assert.Equal(ReviewStatus.Submitted, unchanged.Status);
        Assert.Equal([ReviewNoteKind.Submitted], unchanged.Notes);
        await session.ScreenshotAsync("3-no-reason-server");
        await page.UnrouteAsync(FormsScript);

        // With a reason, from the page the server sent back: the year goes back to the staff.
        await review.ReasonField.FillAsync(reason);
        await review.ReturnButton.ClickAsync();
        await Expect(workspace.Flash).ToContainTextAsync("Gads atgriezts biedrībai labošanai.");
        await session.CheckAccessibilityAsync();
        Assert.Matches(WorkspaceUrl(), page.Url);
        await Expect(workspace.Status).ToHaveTextAsync("Atgriezts labošanai");
        await Expect(review.ReturnReason).ToContainTextAsync(reason);
        await Expect(review.ReturnButton).ToHaveCountAsync(0);
        await Expect(review.ApproveButton).ToHaveCountAsync(0);
        await Expect(review.Notes).ToHaveCountAsync(2);
        return reviewerName;
    }

    private static async Task StaffFixAndResubmitAsync(BrowserSession session, string workspacePath, DemoLine line, string reason, string reviewerName)
    {
        var page = session.Page;
        var workspace = new YearWorkspace(page);
        var review = new ReviewSection(page);

        await session.GotoAsync(workspacePath);
        await session.CheckAccessibilityAsync();
        await Expect(workspace.Status).ToHaveTextAsync("Atgriezts labošanai");
        // The reason opens the review section, right under its heading, with who returned the year.
        var atTop = review.Region.Locator(":scope > h2 + [data-testid=return-reason]");
        await Expect(atTop).ToHaveCountAsync(1);
        await Expect(atTop).ToContainTextAsync($"Atgriezts labošanai: {reason}");
        await Expect(atTop).ToContainTextAsync(reviewerName);
        await Expect(workspace.SubmitButton).ToBeEnabledAsync();
        await session.ScreenshotAsync("4-returned-staff");

        // Fix what the reviewer asked for: result 1 of the first strand.
        var before = (await workspace.ResultTextsAsync(line.Id))[0];
        var fixedText = $"{before} Precizēts: 11 semināri Jelgavā, Bauskā un Dobelē.";
        await workspace.Strand(line.Id).GetByRole(AriaRole.Link, new() { Name = $"Labot rezultātu 1 virzienā „{line.Name}”", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => Regex.IsMatch(new Uri(url).AbsolutePath, $@"/years/{Year}/results/\d+$"));
        await session.CheckAccessibilityAsync();
        var text = page.GetByLabel("Rezultāts", new() { Exact = true });
        await Expect(text).ToHaveValueAsync(before);
        await text.FillAsync(fixedText);
        await page.GetByRole(AriaRole.Button, new() { Name = "Saglabāt" }).ClickAsync();
        await page.WaitForURLAsync(WorkspaceUrl());
        await session.CheckAccessibilityAsync();
        await Expect(workspace.Flash).ToContainTextAsync("Rezultāts saglabāts.");
        await Expect(workspace.Results(line.Id).First.Locator(".entry-text")).ToHaveTextAsync(fixedText);
        // Still returned until submitted again; the reason stays in view.
        await Expect(review.ReturnReason).ToContainTextAsync(reason);

        await workspace.SubmitButton.ClickAsync();
        await Expect(workspace.Flash).ToContainTextAsync("Gads iesniegts izskatīšanai.");
        await session.CheckAccessibilityAsync();
        await Expect(workspace.Status).ToHaveTextAsync("Iesniegts");
        await Expect(review.ReturnReason).ToHaveCountAsync(0);
        await Expect(review.Notes).ToHaveCountAsync(3);
    }

    /// <returns>The SHA-256 the page shows for the frozen report.</returns>
    private async Task<string> ReviewerApprovesAndDownloadsAsync(BrowserSession session, string workspacePath, string reviewerName)
    {
        var page = session.Page;
        var workspace = new YearWorkspace(page);
        var review = new ReviewSection(page);

        await session.GotoAsync(workspacePath);
        await session.CheckAccessibilityAsync();
        await Expect(workspace.Status).ToHaveTextAsync("Iesniegts");
        await Expect(review.FrozenReport).ToHaveCountAsync(0);

        // The finding with its explanation; approving before accepting it asks to confirm (a page, no JavaScript).
        var remainder = workspace.Deviation("final-remainder-not-returned");
        await Expect(remainder).ToContainTextAsync(RemainderExplanation);
        await review.ApproveButton.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Apstiprināt gadu ar nepieņemtām novirzēm?" })).ToBeVisibleAsync();
        await session.CheckAccessibilityAsync();
        await session.ScreenshotAsync("4b-confirm-approval");
        await Expect(workspace.Status).ToHaveTextAsync("Iesniegts");
        await page.GetByRole(AriaRole.Link, new() { Name = "Atpakaļ pie paskaidrojumiem" }).ClickAsync();
        await remainder.GetByRole(AriaRole.Button, new() { Name = "Pieņemt paskaidrojumu" }).ClickAsync();
        await Expect(workspace.Flash).ToContainTextAsync("Paskaidrojums pieņemts.");
        await session.CheckAccessibilityAsync();
        await Expect(remainder.GetByTestId("explanation-state")).ToHaveTextAsync("Pieņemts");
        await session.ScreenshotAsync("4c-accepted");
        await review.ApproveButton.ClickAsync();
        await Expect(workspace.Flash).ToContainTextAsync("Gads apstiprināts. Pārskats iesaldēts.");
        await session.CheckAccessibilityAsync();
        await Expect(workspace.Status).ToHaveTextAsync("Apstiprināts");
        await Expect(review.ApproveButton).ToHaveCountAsync(0);
        await Expect(review.ReturnButton).ToHaveCountAsync(0);

        await Expect(review.FrozenReport).ToBeVisibleAsync();
        await Expect(review.FrozenReport).ToContainTextAsync($"Apstiprināja {reviewerName},");
        await Expect(review.FrozenSha256).ToHaveTextAsync(Sha256Hex());
        var shown = (await review.FrozenSha256.TextContentAsync())!.Trim();
        await session.ScreenshotAsync("5-approved-reviewer");

        var download = await page.RunAndWaitForDownloadAsync(() => review.DownloadApproved.ClickAsync());
        Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.Null(await download.FailureAsync());
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
        Output.WriteLine($"downloaded {download.SuggestedFilename}: {bytes.Length} bytes, SHA-256 {shown}");
        Assert.Equal(shown, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        using (var pdf = PdfDocument.Open(bytes))
        {
            var text = string.Concat(pdf.GetPages().Select(p => p.Text));
            Assert.Contains("III. īstenošanas gads", text, StringComparison.Ordinal);
        }
        // Still the year page: a download loads no document.
        Assert.Matches(WorkspaceUrl(), page.Url);
        return shown;
    }

    private static async Task StaffSeeTheApprovedYearAsync(BrowserSession session, string workspacePath, string sha256, string reason, string staffName, string reviewerName)
    {
        var page = session.Page;
        var workspace = new YearWorkspace(page);
        var review = new ReviewSection(page);

        await session.GotoAsync(workspacePath);
        await session.CheckAccessibilityAsync();
        await Expect(workspace.Status).ToHaveTextAsync("Apstiprināts");
        await Expect(page.GetByText("Iesniegtu vai apstiprinātu gadu labot nevar.")).ToBeVisibleAsync();
        await Expect(review.FrozenSha256).ToHaveTextAsync(sha256);
        await Expect(review.ReturnReason).ToHaveCountAsync(0);

        // Read-only: no form link, no submit, no step; the only button left is the comment form's.
        var main = page.Locator("main");
        foreach (var edit in EditLinks)
        {
            await Expect(main.GetByRole(AriaRole.Link, new() { Name = edit })).ToHaveCountAsync(0);
        }
        await Expect(workspace.SubmitButton).ToHaveCountAsync(0);
        await Expect(main.GetByRole(AriaRole.Button)).ToHaveTextAsync(["Pievienot komentāru"]);

        // The history, oldest first: submitted, returned with the reason, submitted, approved; each by whom.
        Assert.Equal(["Iesniegts izskatīšanai", "Atgriezts labošanai", "Iesniegts izskatīšanai", "Apstiprināts"], await review.NoteKindsAsync());
        await Expect(review.Notes.Nth(0)).ToContainTextAsync(staffName);
        await Expect(review.Notes.Nth(1)).ToContainTextAsync(reviewerName);
        await Expect(review.Notes.Nth(1).Locator(".entry-text")).ToHaveTextAsync(reason);
        await Expect(review.Notes.Nth(2)).ToContainTextAsync(staffName);
        await Expect(review.Notes.Nth(3)).ToContainTextAsync(reviewerName);
        await session.ScreenshotAsync("6-approved-staff");
    }

    /// <summary>From the year page through the breadcrumb to the agreement, "Izmaiņu vēsture", filtered to the years' changes.</summary>
    private async Task ReviewerReadsTheStepsInTheAuditTrailAsync(BrowserSession session, string agreementPath)
    {
        var page = session.Page;
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Navigācijas ceļš" }).GetByRole(AriaRole.Link).Nth(1).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == agreementPath);
        await session.CheckAccessibilityAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Izmaiņu vēsture" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"{agreementPath}/audit");
        await session.CheckAccessibilityAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Izmaiņu vēsture");

        var filters = page.GetByRole(AriaRole.Form, new() { Name = "Filtri" });
        await filters.GetByLabel("Ieraksta veids").SelectOptionAsync(new SelectOptionValue { Label = "Īstenošanas gads" });
        await filters.GetByLabel("Darbība").SelectOptionAsync(new SelectOptionValue { Label = "Mainīts" });
        await filters.GetByRole(AriaRole.Button, new() { Name = "Rādīt" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).Query.Contains("entity=ImplementationYear", StringComparison.Ordinal));
        await session.CheckAccessibilityAsync();

        // Newest first: approved, resubmitted, returned, submitted. Each row: time, user, action, record, field, was, became,
        // in the reviewer's words (the record type, field and statuses are not the database's names).
        var statusRows = page.GetByTestId("audit-rows").Locator("tbody tr")
            .Filter(new() { Has = page.Locator("td:nth-child(5)", new() { HasTextRegex = StatusField() }) });
        await Expect(statusRows).ToHaveCountAsync(4);
        var rows = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var cells = (await statusRows.Nth(i).Locator("td").AllInnerTextsAsync()).Select(c => c.Trim()).ToList();
            rows.Add($"{cells[1]}: {cells[5]} → {cells[6]}");
        }
        Output.WriteLine("audit, year status changes:" + Environment.NewLine + string.Join(Environment.NewLine, rows));
        Assert.Equal(
            [
                $"{DemoAgreement.ReviewerEmail}: Iesniegts → Apstiprināts",
                $"{DemoAgreement.StaffEmail}: Atgriezts labošanai → Iesniegts",
                $"{DemoAgreement.ReviewerEmail}: Iesniegts → Atgriezts labošanai",
                $"{DemoAgreement.StaffEmail}: Melnraksts → Iesniegts",
            ],
            rows);
    }

    [GeneratedRegex("^Statuss$")]
    private static partial Regex StatusField();

    [GeneratedRegex(@"/agreements/\d+/years/3/entry(#.*)?$")]
    private static partial Regex WorkspaceUrl();

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Hex();
}
