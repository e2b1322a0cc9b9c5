using System.Diagnostics;
using Microsoft.Playwright;
using Xunit.Abstractions;
using ZemgaleNvo.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ZemgaleNvo.BrowserTests.Journeys;

public sealed class SummaryJourneyTests(PortalFixture portal, ITestOutputHelper output) : JourneyTest(portal, output)
{
    [Fact]
    public Task Reviewer_opens_the_summary_sees_the_findings_and_downloads_the_pdf() => JourneyAsync(async session =>
    {
        var page = session.Page;
        await session.OpenSignedInAsync("recenzents@demo.zemgalenvo.lv");
        await session.CheckAccessibilityAsync();
        await session.GotoAsync(await Portal.ZemgaleAgreementPathAsync());
        await session.CheckAccessibilityAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Atvērt kopsavilkumu" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kopsavilkums", Level = 1 })).ToBeVisibleAsync();
        await session.CheckAccessibilityAsync();
        await Expect(page.Locator("[data-field=task]")).ToContainTextAsync("Kurzemes reģionā");
        await Expect(page.Locator("[data-rule=task-region-mismatch]")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Plānotais un faktiskais finansējums pa gadiem un pozīcijām" })).ToBeVisibleAsync();
        var screenshot = await session.ScreenshotAsync("summary");
        Assert.True(new FileInfo(screenshot).Length > 20_000, $"Screenshot {screenshot} looks empty.");

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "PDF ar neatbilstību pielikumu" }).ClickAsync());
        Assert.Equal("kopsavilkums-zemgale-2022-2025.pdf", download.SuggestedFilename);
        var pdf = Path.Combine(Screenshots.Folder, $"{session.TestName}.pdf");
        await download.SaveAsAsync(pdf);
        var bytes = await File.ReadAllBytesAsync(pdf);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));

        var firstPage = await RenderFirstPageAsync(pdf);
        Assert.True(new FileInfo(firstPage).Length > 10_000, $"{firstPage} looks empty.");
    });

    /// <summary>Page 1 of the PDF as a PNG beside the screenshots, for a person to look at (poppler-utils' pdftoppm).</summary>
    private static async Task<string> RenderFirstPageAsync(string pdf)
    {
        var stem = Path.ChangeExtension(pdf, null) + "-page";
        var start = new ProcessStartInfo("pdftoppm") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdf, stem })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("pdftoppm did not start: apt-get install -y poppler-utils");
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"pdftoppm failed: {error}");
        return stem + ".png";
    }
}
