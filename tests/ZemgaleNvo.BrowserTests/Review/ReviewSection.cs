using Microsoft.Playwright;

namespace ZemgaleNvo.BrowserTests.Review;

/// <summary>The section "Izskatīšana un komentāri" of a year page (<c>Features/Shared/_ReviewPanel.cshtml</c>), as the journeys read and press it.</summary>
public sealed class ReviewSection(IPage page)
{
    public ILocator Region => page.GetByRole(AriaRole.Region, new() { Name = "Izskatīšana un komentāri" });

    /// <summary>The reason of the latest return, shown to the performer while the year waits for them.</summary>
    public ILocator ReturnReason => Region.GetByTestId("return-reason");

    /// <summary>The approved document: approver, time, SHA-256 and the download.</summary>
    public ILocator FrozenReport => Region.GetByTestId("frozen-report");

    public ILocator FrozenSha256 => FrozenReport.Locator("code");

    public ILocator DownloadApproved => FrozenReport.GetByRole(AriaRole.Link, new() { Name = "Lejupielādēt apstiprināto pārskatu (PDF)" });

    /// <summary>Submissions, returns, approvals and comments, oldest first.</summary>
    public ILocator Notes => Region.GetByTestId("review-history").Locator(":scope > li");

    /// <summary>What each note is ("Iesniegts izskatīšanai", "Atgriezts labošanai", …), oldest first.</summary>
    public async Task<IReadOnlyList<string>> NoteKindsAsync() =>
        (await Notes.Locator(":scope > div.small > strong").AllInnerTextsAsync()).Select(t => t.Trim()).ToList();

    public ILocator ReasonField => Region.GetByLabel("Atgriešanas iemesls");

    public ILocator ReturnButton => Region.GetByRole(AriaRole.Button, new() { Name = "Atgriezt labošanai", Exact = true });

    public ILocator ApproveButton => Region.GetByRole(AriaRole.Button, new() { Name = "Apstiprināt", Exact = true });
}
