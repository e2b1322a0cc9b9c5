using System.Diagnostics;
using System.Runtime.CompilerServices;
using Xunit.Abstractions;

namespace ZemgaleNvo.BrowserTests.Infrastructure;

/// <summary>
/// Base of the browser journeys: each journey runs in a fresh browser session; on failure a screenshot
/// is saved, on success every page it loaded must have passed axe.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public abstract class JourneyTest(PortalFixture portal, ITestOutputHelper output)
{
    protected PortalFixture Portal => portal;

    protected ITestOutputHelper Output => output;

    /// <param name="javaScriptEnabled">False: the journey runs in a browser context with JavaScript switched off.</param>
    protected async Task JourneyAsync(Func<BrowserSession, Task> steps, bool javaScriptEnabled = true, [CallerMemberName] string test = "")
    {
        ArgumentNullException.ThrowIfNull(steps);
        var name = $"{GetType().Name}.{test}";
        var clock = Stopwatch.StartNew();
        await using var session = await BrowserSession.OpenAsync(portal, name, output, javaScriptEnabled);
        try
        {
            await steps(session);
        }
        catch
        {
            await session.TrySaveFailureScreenshotAsync();
            throw;
        }
        session.AssertEveryPageChecked();
        output.WriteLine($"{name}: {clock.ElapsedMilliseconds} ms");
    }

    /// <summary>Text as a sighted user reads it: no-break spaces (the thousands separator) become spaces.</summary>
    protected static string Normalise(string? text) =>
        (text ?? "").Replace('\u00A0', ' ').Replace('\u202F', ' ').Trim();
}
