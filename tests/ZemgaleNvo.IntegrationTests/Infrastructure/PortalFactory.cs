using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZemgaleNvo.Infrastructure.Data;

namespace ZemgaleNvo.IntegrationTests.Infrastructure;

/// <summary>
/// The real application over a real SQLite file in a fresh temporary folder (never the EF InMemory
/// provider), in Development so the demo data loads, with production cookie settings (HTTPS, __Host-).
/// </summary>
public sealed class PortalFactory : WebApplicationFactory<Program>
{
    private readonly bool _ownsFolder;

    /// <summary>
    /// A portal over a fresh folder holding a copy of the migrated, seeded demo database
    /// (<see cref="TemplateDatabase"/>): start-up finds nothing left to migrate or seed, as on any
    /// later start of an installed portal.
    /// </summary>
    public PortalFactory() : this(TemplateDatabase.CopyInto(TempFolder.Create()), ownsFolder: true) { }

    /// <summary>
    /// A portal over a fresh, empty folder: start-up creates the database, migrates it and (in
    /// Development) seeds it, as on a first install. For the tests of that first start.
    /// </summary>
    public static PortalFactory OverEmptyFolder() => new(TempFolder.Create(), ownsFolder: true);

    /// <summary>A factory over an existing data folder, to start the app a second time on the same database.</summary>
    public PortalFactory(string dataFolder, bool ownsFolder = false)
    {
        DataFolder = dataFolder;
        _ownsFolder = ownsFolder;
        ClientOptions.BaseAddress = new Uri("https://localhost");
        ClientOptions.AllowAutoRedirect = false;
    }

    public string DataFolder { get; }
    public string DatabaseFile => Path.Combine(DataFolder, DatabaseRegistration.SqliteFileName);

    /// <summary>Where this instance's emails land as .eml files (<c>Smtp:PickupDirectory</c>), apart from every other test's.</summary>
    public string MailFolder => Path.Combine(DataFolder, "mail");
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>A clock the test moves forward (session lifetimes, stamp checks, authenticator codes); the real one when null.</summary>
    public TimeProvider? Clock { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:DataFolder", DataFolder);
        builder.UseSetting("Serilog:WriteTo:1:Args:path", Path.Combine(DataFolder, "logs", "test-.log"));
        // Warnings and errors only: request logs of hundreds of test requests would bury the test results.
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime", "Warning");
        // Every instance's emails as .eml files in its own folder, in any environment (a test that
        // switches to Production keeps a complete mail configuration, which start-up checks).
        builder.UseSetting("Smtp:PickupDirectory", MailFolder);
        builder.UseSetting("Smtp:From", "ZemgaleNvo portāls <noreply@zemgalenvo.test>");
        builder.UseSetting("Notifications:PortalBaseUrl", "https://localhost");
        // Hundreds of sign-ins from one test "address" a minute: the rate limit has its own tests
        // (which put this back to the default through Settings).
        builder.UseSetting("Security:SignInAttemptsPerMinute", "100000");
        // No reminder pass at start-up: on the real date it would queue the reviewers' weekly digest
        // into every test's outbox and mail folder. The reminder tests switch it on through Settings.
        builder.UseSetting("Reminders:Enabled", "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        if (Clock is { } clock)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }
    }

    /// <summary>A DbContext without the organisation filter, for checking what really is in the database.</summary>
    public AppDbContext OpenDatabase()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlite($"Data Source={DatabaseFile}")
            .Options;
        return new AppDbContext(options, UnrestrictedDataScope.Instance);
    }

    public T Service<T>() where T : notnull => Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsFolder)
        {
            TempFolder.Delete(DataFolder);
        }
    }
}

public static class TempFolder
{
    public static string Create()
    {
        var path = Path.Combine(Path.GetTempPath(), "zemgalenvo-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    public static void Delete(string path)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open on the way out is left to the OS's temp clean-up.
        }
    }
}

/// <summary>A clock that stands still until the test moves it.</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public TestClock() : this(DateTimeOffset.UtcNow) { }

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
