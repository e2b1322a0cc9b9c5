using Microsoft.Playwright;
using Xunit.Sdk;

namespace ZemgaleNvo.BrowserTests.Infrastructure;

/// <summary>
/// The axe check itself: it must fail on a page with a serious violation, or every journey's "no
/// violations" would prove nothing. No portal: the pages are written into the browser directly.
/// </summary>
public sealed class AccessibilityCheckTests
{
    [Fact]
    public async Task A_page_with_a_critical_violation_fails_the_check_and_a_clean_page_passes()
    {
        var browser = await SharedChromium.GetAsync();
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "lv-LV" });
        var page = await context.NewPageAsync();

        // An image without a text alternative: axe's "image-alt", critical.
        await page.SetContentAsync("<!doctype html><html lang=\"lv\"><head><title>Pārbaude</title></head><body><main><h1>Pārbaude</h1><img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\"></main></body></html>");
        var failure = await Assert.ThrowsAsync<FailException>(() => Accessibility.AssertNoSeriousViolationsAsync(page));
        Assert.Contains("image-alt [critical]", failure.Message, StringComparison.Ordinal);

        await page.SetContentAsync("<!doctype html><html lang=\"lv\"><head><title>Pārbaude</title></head><body><main><h1>Pārbaude</h1><img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" alt=\"Punkts\"></main></body></html>");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }
}
