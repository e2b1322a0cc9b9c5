using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ZemgaleNvo.BrowserTests.Infrastructure;

/// <summary>
/// One test's browser: its own context (cookies) and page on the shared Chromium. It remembers every
/// document the page loads, so a test that reaches a page without running axe on it fails
/// (<see cref="AssertEveryPageChecked"/>).
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public const string DemoPassword = "zemgale-demo-parole";

    private readonly IBrowserContext _context;
    private readonly ITestOutputHelper _output;
    private readonly List<LoadedDocument> _documents = [];
    private readonly Lock _gate = new();

    private BrowserSession(IBrowserContext context, IPage page, string testName, ITestOutputHelper output)
    {
        _context = context;
        Page = page;
        TestName = testName;
        _output = output;
        page.Load += (_, loaded) => Remember(loaded.Url);
        page.PageError += (_, error) => _output.WriteLine($"page error: {error}");
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                _output.WriteLine($"console {message.Type}: {message.Text} ({page.Url})");
            }
        };
    }

    public IPage Page { get; }

    public string TestName { get; }

    public static async Task<BrowserSession> OpenAsync(PortalFixture portal, string testName, ITestOutputHelper output)
    {
        ArgumentNullException.ThrowIfNull(portal);
        var context = await portal.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = portal.BaseUrl.ToString(),
            Locale = "lv-LV",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        return new BrowserSession(context, page, testName, output);
    }

    /// <summary>Opens a path of the portal, e.g. <c>/account/login</c>.</summary>
    public async Task<IResponse> GotoAsync(string path)
    {
        var response = await Page.GotoAsync(path);
        return response ?? throw new InvalidOperationException($"No response for {path}.");
    }

    /// <summary>axe on the page as it is now; fails on serious or critical violations.</summary>
    public async Task CheckAccessibilityAsync()
    {
        await Page.WaitForLoadStateAsync(LoadState.Load);
        await Accessibility.AssertNoSeriousViolationsAsync(Page, _output);
        lock (_gate)
        {
            if (_documents.Count > 0)
            {
                _documents[^1] = _documents[^1] with { Checked = true };
            }
        }
    }

    public async Task<string> ScreenshotAsync(string? step = null)
    {
        var path = await Screenshots.SaveAsync(Page, TestName, step);
        _output.WriteLine($"screenshot: {path}");
        return path;
    }

    /// <summary>Signs in through the login form (axe-checked) and waits until the portal has let the user in.</summary>
    public async Task SignInAsync(string email, string password = DemoPassword)
    {
        await GotoAsync("/account/login");
        await CheckAccessibilityAsync();
        await Page.GetByLabel("E-pasts").FillAsync(email);
        await Page.GetByLabel("Parole").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Pieslēgties", Exact = true }).ClickAsync();
        await Page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/account/login", StringComparison.Ordinal));
        await Expect(SignOutButton).ToBeVisibleAsync();
    }

    public ILocator SignOutButton => Page.GetByRole(AriaRole.Button, new() { Name = "Iziet", Exact = true });

    /// <summary>Fails when a document was loaded but never checked with axe.</summary>
    public void AssertEveryPageChecked()
    {
        List<LoadedDocument> missed;
        lock (_gate)
        {
            missed = _documents.Where(d => !d.Checked).ToList();
        }
        Assert.True(missed.Count == 0,
            "These pages were visited but not checked with axe (call CheckAccessibilityAsync after each page load): " +
            string.Join(", ", missed.Select(d => d.Url)));
    }

    /// <summary>Best effort: a failing test leaves a picture of where it stopped.</summary>
    public async Task TrySaveFailureScreenshotAsync()
    {
        try
        {
            await ScreenshotAsync("failure");
        }
        catch (PlaywrightException e)
        {
            _output.WriteLine($"failure screenshot not saved: {e.Message}");
        }
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();

    private void Remember(string url)
    {
        lock (_gate)
        {
            _documents.Add(new LoadedDocument(url, Checked: false));
        }
    }

    private sealed record LoadedDocument(string Url, bool Checked);
}
