using Microsoft.Playwright;

namespace ZemgaleNvo.BrowserTests.Infrastructure;

/// <summary>
/// The browser is the distribution's Chromium, not a Playwright download (which cannot reach the
/// network here). <c>CHROMIUM_PATH</c> overrides the location, e.g. on a developer's machine.
/// </summary>
internal static class Chromium
{
    public const string DefaultPath = "/usr/bin/chromium";

    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : DefaultPath;

    public static BrowserTypeLaunchOptions LaunchOptions() => new()
    {
        ExecutablePath = ExecutablePath,
        Headless = true,
        Args =
        [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    };

    /// <summary>Fails (never skips) when the browser is missing, saying how to install it.</summary>
    public static void EnsureInstalled()
    {
        var path = ExecutablePath;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {path}. The browser tests drive the system Chromium: install it with " +
                "`apt-get install -y chromium fonts-dejavu-core` (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium binary. " +
                "Do not run `playwright install`.");
        }
    }
}
