using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ZemgaleNvo.Infrastructure.Data;

namespace ZemgaleNvo.BrowserTests.Infrastructure;

/// <summary>
/// One running portal and one Chromium for the whole <see cref="BrowserTestGroup"/>. Each test gets
/// its own browser context (own cookies), so tests do not see each other's sign-in.
/// </summary>
public sealed class PortalFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public PortalApp App { get; } = new();

    public Uri BaseUrl => App.BaseUrl;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser is not started.");

    public async Task InitializeAsync()
    {
        // Checked first: without the browser there is no point starting the app.
        Chromium.EnsureInstalled();
        // Web-first assertions retry; give them room on a busy two-core CI machine.
        Assertions.SetDefaultExpectTimeout(15_000);

        // StartServer blocks while the app migrates and seeds; keep it off xunit's synchronisation context.
        var appStarted = Task.Run(App.Start);
        _playwright = await Playwright.CreateAsync();
        try
        {
            _browser = await _playwright.Chromium.LaunchAsync(Chromium.LaunchOptions());
        }
        catch (PlaywrightException e)
        {
            throw new InvalidOperationException(
                $"Chromium at {Chromium.ExecutablePath} did not start ({e.Message}). " +
                "Reinstall it with `apt-get install -y chromium fonts-dejavu-core`.", e);
        }
        await appStarted;
    }

    /// <summary>Path of the demo Zemgale agreement, found in the app's database (not through any user's eyes).</summary>
    public async Task<string> ZemgaleAgreementPathAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ids = await db.Agreements.IgnoreQueryFilters()
            .Where(a => a.Performer!.Name == "Biedrība „Zemgales NVO centrs”")
            .Select(a => a.Id)
            .ToListAsync();
        Assert.True(ids.Count == 1, $"Expected exactly one seeded Zemgale agreement, found {ids.Count}.");
        return $"/agreements/{ids[0]}";
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<PortalFixture>
{
    public const string Name = "Browser";
}
