using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ZemgaleNvo.Infrastructure.Data;

namespace ZemgaleNvo.BrowserTests.Infrastructure;

/// <summary>
/// One running portal for a collection, on its own copy of the seeded database
/// (<see cref="SeededDatabase"/>), and the run's one Chromium (<see cref="SharedChromium"/>). Each test
/// gets its own browser context (own cookies), so tests do not see each other's sign-in.
/// </summary>
public sealed class PortalFixture : IAsyncLifetime
{
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

        var browser = SharedChromium.GetAsync();
        await SeededDatabase.StartAsync(App);
        _browser = await browser;
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

    /// <summary>Stops this collection's portal; the shared browser stays for the next collection.</summary>
    public async Task DisposeAsync() => await App.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<PortalFixture>
{
    public const string Name = "Browser";
}
