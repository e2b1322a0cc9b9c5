using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;

namespace ZemgaleNvo.BrowserTests.Infrastructure;

/// <summary>
/// The real portal on Kestrel, on a free loopback port, with its own data folder: the app creates
/// the SQLite database, applies the migrations and seeds the demo data as on a developer's machine
/// (environment Development), or, when <see cref="SeededDatabase"/> has put a copy of the seeded
/// database there first, finds it up to date. Plain http, so the cookies must not be Secure-only.
/// </summary>
public sealed class PortalApp : WebApplicationFactory<Program>
{
    public PortalApp()
    {
        DataFolder = Path.Combine(Path.GetTempPath(), $"zemgalenvo-browser-{Guid.NewGuid():N}");
        // Port 0: Kestrel picks a free port; no race with other test runs on the machine.
        UseKestrel(0);
    }

    /// <summary>The temporary folder holding zemgale.db; deleted on dispose.</summary>
    public string DataFolder { get; }

    /// <summary>Root address of the running app, <c>http://localhost:PORT/</c>. Valid after <see cref="Start"/>.</summary>
    public Uri BaseUrl { get; private set; } = new("http://localhost/");

    /// <summary>Builds and starts the host; returns when migrations and seeding are done and Kestrel listens.</summary>
    public void Start()
    {
        StartServer();
        // The factory reports the bound address as http://127.0.0.1:PORT; the browser uses the host name.
        var bound = ClientOptions.BaseAddress;
        if (bound.Port is 0 or 80)
        {
            throw new InvalidOperationException($"The portal did not report the port Kestrel bound to (got {bound}).");
        }
        BaseUrl = new Uri($"http://localhost:{bound.Port}/");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Host settings reach Program as command-line arguments, so they are in place before
        // AddPortalServices reads the configuration (and they beat any environment variables).
        builder.UseEnvironment(Environments.Development);
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", "");
        builder.UseSetting("Database:DataFolder", DataFolder);
        builder.UseSetting("Security:HttpsCookies", "false");
        builder.UseSetting("Demo:SeedOnStart", "true");
        builder.UseSetting("Bootstrap:AdminEmail", "");
        builder.UseSetting("Bootstrap:AdminPassword", "");
        // Review steps send emails; in Development they would land in the web project's data/mail, the
        // developer's own mail drop. Keep them in this portal's temporary folder, deleted with it.
        builder.UseSetting("Smtp:PickupDirectory", Path.Combine(DataFolder, "mail"));
        // No reminder pass: on the real date it would drop the reviewers' weekly digest into that folder.
        builder.UseSetting("Reminders:Enabled", "false");
        // Warnings and errors only, so the test output is not buried under request logs.
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime", "Warning");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            DeleteDataFolder();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        DeleteDataFolder();
        GC.SuppressFinalize(this);
    }

    private void DeleteDataFolder()
    {
        // Pooled connections keep the file open (which matters on Windows).
        SqliteConnection.ClearAllPools();
        try
        {
            if (Directory.Exists(DataFolder))
            {
                Directory.Delete(DataFolder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover temp folder must not fail the run.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
