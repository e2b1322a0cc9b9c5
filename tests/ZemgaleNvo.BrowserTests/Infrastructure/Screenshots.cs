using System.Text;
using Microsoft.Playwright;

namespace ZemgaleNvo.BrowserTests.Infrastructure;

/// <summary>
/// Full-page screenshots, named after the test, under <c>TestResults/screenshots</c> beside the test
/// assembly, or under the folder named by <c>BROWSER_TESTS_SCREENSHOTS</c> (for CI artefacts).
/// </summary>
public static class Screenshots
{
    public static string Folder =>
        Environment.GetEnvironmentVariable("BROWSER_TESTS_SCREENSHOTS") is { Length: > 0 } folder
            ? Path.GetFullPath(folder)
            : Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    /// <returns>The full path of the saved PNG.</returns>
    public static async Task<string> SaveAsync(IPage page, string testName, string? step = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        Directory.CreateDirectory(Folder);
        var name = step is null ? testName : $"{testName}-{step}";
        var path = Path.Combine(Folder, SafeFileName(name) + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    private static string SafeFileName(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var safe = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            safe.Append(invalid.Contains(c) || char.IsWhiteSpace(c) ? '_' : c);
        }
        return safe.ToString();
    }
}
