using Microsoft.Playwright;

namespace ZemgaleNvo.BrowserTests.Infrastructure;

/// <summary>
/// One Playwright driver and one Chromium for the whole test run, started by the first collection
/// that needs it. Tests never share a page or cookies: each <see cref="BrowserSession"/> opens its own
/// browser context, which is as separate as another browser profile. Starting a driver and a browser
/// per collection cost seconds of the two cores each time, and two of them side by side slowed every
/// page of both.
/// </summary>
/// <remarks>
/// xunit 2 has no assembly-wide fixture, so the browser is closed when the test process ends; a
/// browser that outlived the process would be ended with it by the driver anyway.
/// </remarks>
internal static class SharedChromium
{
    private static readonly Lazy<Task<(IPlaywright Playwright, IBrowser Browser)>> Started = new(StartAsync);

    /// <summary>The running browser; the first call starts it (and fails, saying how to install it, when it is missing).</summary>
    public static async Task<IBrowser> GetAsync() => (await Started.Value).Browser;

    private static async Task<(IPlaywright, IBrowser)> StartAsync()
    {
        Chromium.EnsureInstalled();
        var playwright = await Playwright.CreateAsync();
        IBrowser browser;
        try
        {
            browser = await playwright.Chromium.LaunchAsync(Chromium.LaunchOptions());
        }
        catch (PlaywrightException e)
        {
            playwright.Dispose();
            throw new InvalidOperationException(
                $"Chromium at {Chromium.ExecutablePath} did not start ({e.Message}). " +
                "Reinstall it with `apt-get install -y chromium fonts-dejavu-core`.", e);
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Close(playwright, browser);
        return (playwright, browser);
    }

    private static void Close(IPlaywright playwright, IBrowser browser)
    {
        try
        {
            browser.CloseAsync().Wait(TimeSpan.FromSeconds(10));
        }
        catch (AggregateException)
        {
            // Already gone with the driver; nothing left to close.
        }
        playwright.Dispose();
    }
}
