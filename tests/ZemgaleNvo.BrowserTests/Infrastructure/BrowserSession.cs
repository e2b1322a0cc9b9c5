using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ZemgaleNvo.BrowserTests.Infrastructure;

/// <summary>
/// One test's browser: its own context (cookies) and page on the shared Chromium. It remembers every
/// document the page loads, so a test that reaches a page without running axe on it fails
/// (<see cref="AssertEveryPageChecked"/>).
/// </summary>
public sealed partial class BrowserSession : IAsyncDisposable
{
    public const string DemoPassword = "zemgale-demo-parole";

    private readonly IBrowserContext _context;
    private readonly BrowserNewContextOptions _options;
    private readonly string _portalId;
    private readonly ITestOutputHelper _output;
    private readonly List<LoadedDocument> _documents = [];
    private readonly Lock _gate = new();

    /// <summary>Where axe looks at copies of the pages a session without JavaScript loads; opened when first needed.</summary>
    private IBrowserContext? _axeContext;

    private BrowserSession(IBrowserContext context, BrowserNewContextOptions options, string portalId, IPage page, string testName, ITestOutputHelper output)
    {
        _context = context;
        _options = options;
        _portalId = portalId;
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

    /// <param name="javaScriptEnabled">False runs the pages as a browser without JavaScript does (the forms must still work).</param>
    public static async Task<BrowserSession> OpenAsync(PortalFixture portal, string testName, ITestOutputHelper output, bool javaScriptEnabled = true)
    {
        ArgumentNullException.ThrowIfNull(portal);
        var options = new BrowserNewContextOptions
        {
            BaseURL = portal.BaseUrl.ToString(),
            Locale = "lv-LV",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            JavaScriptEnabled = javaScriptEnabled,
            // Bootstrap scrolls smoothly unless the user asks for less motion. A click right after an
            // in-page link (the error summary's) could land while the page was still gliding, on
            // whatever had moved under the pointer; a user who prefers reduced motion sees the pages
            // as the tests do, so nothing is checked that a user would not see.
            ReducedMotion = ReducedMotion.Reduce,
        };
        var context = await portal.Browser.NewContextAsync(options);
        // Room for a slow CI machine; a waiting step returns as soon as its page is there.
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        return new BrowserSession(context, options, portal.App.DataFolder, page, testName, output);
    }

    /// <summary>Opens a path of the portal, e.g. <c>/account/login</c>.</summary>
    public async Task<IResponse> GotoAsync(string path)
    {
        var response = await Page.GotoAsync(path);
        return response ?? throw new InvalidOperationException($"No response for {path}.");
    }

    /// <summary>
    /// axe on the page as it is now; fails on serious or critical violations. A page in a state axe has
    /// already passed in this run (<see cref="CheckedPages"/>) is not checked again.
    /// </summary>
    public async Task CheckAccessibilityAsync()
    {
        await Page.WaitForLoadStateAsync(LoadState.Load);
        var javaScriptEnabled = _options.JavaScriptEnabled != false;
        var state = await CheckedPages.StateKeyAsync(Page, javaScriptEnabled);
        if (CheckedPages.CheckedBy(state) is { } checkedBy)
        {
            _output.WriteLine($"axe: {Page.Url}: this page in this state already passed in {checkedBy}; not checked again.");
        }
        else
        {
            if (javaScriptEnabled)
            {
                await Accessibility.AssertNoSeriousViolationsAsync(Page, _output);
            }
            else
            {
                await CheckScriptlessCopyAsync();
            }
            CheckedPages.Remember(state, TestName);
        }
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

    /// <summary>
    /// Signs in through the login form (axe-checked), and for the demo admin and reviewer through the
    /// authenticator-code page too, and waits until the portal has let the user in.
    /// </summary>
    public async Task SignInAsync(string email, string password = DemoPassword)
    {
        await GotoAsync("/account/login");
        await CheckAccessibilityAsync();
        await Page.GetByLabel("E-pasts").FillAsync(email);
        await Page.GetByLabel("Parole").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Pieslēgties", Exact = true }).ClickAsync();
        // The first page after signing in is the slowest of a journey (the portal's first render of
        // it): more room than the 30 s default.
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath != "/account/login", new() { Timeout = 45_000 });
        if (new Uri(Page.Url).AbsolutePath == "/account/login/two-factor")
        {
            await CheckAccessibilityAsync();
            await Page.GetByLabel("Kods no lietotnes").FillAsync(await AuthenticatorCodes.NextAsync(_options.BaseURL!, email));
            await Page.GetByRole(AriaRole.Button, new() { Name = "Pieslēgties", Exact = true }).ClickAsync();
            await Page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/account/login", StringComparison.Ordinal), new() { Timeout = 45_000 });
        }
        await Expect(SignOutButton).ToBeVisibleAsync();
        // Fully signed in (not sent on to enrolment): later direct sign-ins of this account may use this state.
        if (!new Uri(Page.Url).AbsolutePath.StartsWith("/account/", StringComparison.Ordinal))
        {
            SignedInStates.Remember(_portalId, email, password, await _context.CookiesAsync());
        }
    }

    /// <summary>
    /// Signs in without showing the login form: the forms are fetched and posted through the context's
    /// request API, which shares the browser's cookies. For journeys that are not about signing in; no
    /// page is loaded, so there is none to check with axe (<see cref="SignInAsync"/> covers the forms).
    /// </summary>
    public async Task SignInDirectlyAsync(string email, string password = DemoPassword)
    {
        // An account with an authenticator may sign in twice in a half-minute on a portal, a third time
        // only with the next code: a state this portal already gave the account is used again instead.
        if (SignedInStates.For(_portalId, email, password) is { } cookies)
        {
            await _context.AddCookiesAsync(cookies);
            _output.WriteLine($"signed in as {email} with the cookies of an earlier sign-in on this portal");
            return;
        }
        var response = await PostThroughApiAsync("/account/login", "/account/login", new() { ["Email"] = email, ["Password"] = password });
        if (response.Headers.GetValueOrDefault("location") is { } next && next.StartsWith("/account/login/two-factor", StringComparison.Ordinal))
        {
            response = await PostThroughApiAsync(next, "/account/login/two-factor",
                new() { ["Code"] = await AuthenticatorCodes.NextAsync(_options.BaseURL!, email), ["ReturnUrl"] = "/" });
        }
        Assert.True(response.Status == 302 && response.Headers.GetValueOrDefault("location") == "/",
            $"Signing in {email} was refused (status {response.Status}, to {response.Headers.GetValueOrDefault("location")}).");
        SignedInStates.Remember(_portalId, email, password, await _context.CookiesAsync());
    }

    /// <summary>
    /// The start page, signed in without the login form (<see cref="SignInDirectlyAsync"/>): for journeys
    /// that begin as a signed-in user but are not about signing in. Ends where <see cref="SignInAsync"/>
    /// ends for an account that needs no enrolment: on the start page, "Iziet" in view; the caller checks
    /// the page with axe, as after <see cref="SignInAsync"/>.
    /// </summary>
    public async Task OpenSignedInAsync(string email, string password = DemoPassword)
    {
        await SignInDirectlyAsync(email, password);
        await GotoAsync("/");
        Assert.Equal("/", new Uri(Page.Url).AbsolutePath);
        await Expect(SignOutButton).ToBeVisibleAsync();
    }

    private async Task<IAPIResponse> PostThroughApiAsync(string formPage, string action, Dictionary<string, string> fields)
    {
        var api = _context.APIRequest;
        var page = await api.GetAsync(formPage);
        var token = AntiforgeryToken().Match(await page.TextAsync());
        Assert.True(token.Success, $"{formPage} has no antiforgery token.");
        var form = api.CreateFormData();
        foreach (var (name, value) in fields)
        {
            form.Set(name, value);
        }
        form.Set("__RequestVerificationToken", System.Net.WebUtility.HtmlDecode(token.Groups[1].Value));
        return await api.PostAsync(action, new() { Form = form, MaxRedirects = 0 });
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

    public async ValueTask DisposeAsync()
    {
        if (_axeContext is not null)
        {
            await _axeContext.CloseAsync();
        }
        await _context.CloseAsync();
    }

    /// <summary>
    /// axe is a script itself (and waits on timers), so it never finishes in a context with JavaScript off.
    /// The document as that browser shows it is put back, at its own address, into a page with
    /// JavaScript on, where the portal's own script is blocked so the copy stays as it was, and axe
    /// checks the copy. Styles load from the portal as usual (static files need no sign-in).
    /// </summary>
    private async Task CheckScriptlessCopyAsync()
    {
        var html = await Page.ContentAsync();
        var address = new Uri(Page.Url);
        _axeContext ??= await _context.Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _options.BaseURL,
            Locale = _options.Locale,
            ViewportSize = _options.ViewportSize,
        });
        var copy = await _axeContext.NewPageAsync();
        try
        {
            await copy.RouteAsync(url => new Uri(url).AbsolutePath == "/js/forms.js", route => route.AbortAsync());
            await copy.RouteAsync(
                url => new Uri(url).GetLeftPart(UriPartial.Query) == address.GetLeftPart(UriPartial.Query),
                route => route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/html; charset=utf-8", Body = html }));
            await copy.GotoAsync(address.ToString());
            _output.WriteLine("axe: the page below is a copy of what the browser without JavaScript shows.");
            await Accessibility.AssertNoSeriousViolationsAsync(copy, _output);
        }
        finally
        {
            await copy.CloseAsync();
        }
    }

    private void Remember(string url)
    {
        lock (_gate)
        {
            _documents.Add(new LoadedDocument(url, Checked: false));
        }
    }

    private sealed record LoadedDocument(string Url, bool Checked);

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
