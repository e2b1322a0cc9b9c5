using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ZemgaleNvo.BrowserTests.DataEntry;

/// <summary>The parts of the year workspace (<c>/agreements/{id}/years/{n}/entry</c>) the journeys read and press.</summary>
public sealed class YearWorkspace(IPage page)
{
    public ILocator Status => page.GetByTestId("year-status");

    public ILocator Checklist => page.GetByTestId("checklist");

    public ILocator Flash => page.GetByTestId("flash");

    public ILocator SubmitButton => page.GetByRole(AriaRole.Button, new() { Name = "Iesniegt izskatīšanai" });

    public ILocator Budget => page.GetByTestId("year-budget");

    public ILocator ActualTotal => Budget.Locator("[data-figure=actual-total]");

    public ILocator RemainingTotal => Budget.Locator("[data-figure=remaining-total]");

    public ILocator Actual(int lineId) => Budget.Locator($"[data-figure=actual-{lineId}]");

    /// <summary>The results of a strand, in their numbered order.</summary>
    public ILocator Strand(int lineId) => page.Locator($"#strand-{lineId}");

    public ILocator Results(int lineId) => Strand(lineId).GetByTestId("result");

    public ILocator Spending(int lineId) => page.Locator($"#spending-{lineId}");

    public ILocator SpendingEntries(int lineId) => Spending(lineId).GetByTestId("spending-entry");

    public ILocator Reallocations => page.Locator("#reallocations");

    public ILocator Evaluation => page.Locator("#evaluation");

    /// <summary>The year's deviations, each with its explanation form (staff) or accept button (reviewer).</summary>
    public ILocator Explanations => page.Locator("#explanations");

    public ILocator Deviation(string ruleCode) => Explanations.Locator($"li.deviation[data-rule='{ruleCode}']");

    /// <summary>The "Atlikums" (remainder) cell of a line's row in the year budget, found by the column heading.</summary>
    public async Task<ILocator> RemainingAsync(int lineId)
    {
        var headings = (await Budget.Locator("thead th").AllTextContentsAsync()).Select(h => h.Trim()).ToList();
        var column = headings.IndexOf("Atlikums");
        Assert.True(column > 0, $"The year budget has no \"Atlikums\" column (headings: {string.Join(", ", headings)}).");
        var row = Budget.Locator("tbody tr").Filter(new() { Has = page.Locator($"[data-figure=actual-{lineId}]") });
        return row.Locator("th, td").Nth(column);
    }

    /// <summary>An amount cell as cents, once it is on the page.</summary>
    public static async Task<long> CentsAsync(ILocator figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        await Expect(figure).ToHaveCountAsync(1);
        return LatvianMoney.Cents(await figure.TextContentAsync());
    }

    /// <summary>The text of each result of a strand, top to bottom.</summary>
    public async Task<IReadOnlyList<string>> ResultTextsAsync(int lineId) =>
        (await Results(lineId).Locator(".entry-text").AllInnerTextsAsync()).Select(t => t.Trim()).ToList();
}
