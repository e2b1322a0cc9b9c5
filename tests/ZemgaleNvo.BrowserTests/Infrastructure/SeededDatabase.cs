using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.TestSupport;

namespace ZemgaleNvo.BrowserTests.Infrastructure;

/// <summary>
/// The demo database as start-up leaves it (migrated, roles, demo agreement and users). The first
/// portal of the run migrates and seeds an empty folder as on a developer's machine, and its fresh
/// database is kept as a template; every later portal starts on a copy of it, so start-up finds
/// nothing to migrate or seed. Each portal still has its own file: a collection's changes never reach
/// another's.
/// </summary>
internal static class SeededDatabase
{
    private static readonly Lock Gate = new();
    private static Task<string>? _template;

    /// <summary>Starts <paramref name="app"/>: over an empty folder if it is the first portal of the run, else over a copy of the template.</summary>
    public static async Task StartAsync(PortalApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        TaskCompletionSource<string>? maker = null;
        Task<string> template;
        lock (Gate)
        {
            if (_template is null)
            {
                maker = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
                _template = maker.Task;
            }
            template = _template;
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        if (maker is null)
        {
            var file = await template;
            Directory.CreateDirectory(app.DataFolder);
            File.Copy(file, Path.Combine(app.DataFolder, DatabaseRegistration.SqliteFileName));
            // StartServer blocks; keep it off xunit's synchronisation context.
            await Task.Run(app.Start);
            Console.WriteLine($"[browser tests] portal {app.BaseUrl} started on a copy of the seeded database in {clock.ElapsedMilliseconds} ms");
            return;
        }

        try
        {
            await Task.Run(app.Start);
            maker.SetResult(await Task.Run(() => Snapshot(app)));
            Console.WriteLine($"[browser tests] portal {app.BaseUrl} migrated, seeded and kept as the template in {clock.ElapsedMilliseconds} ms");
        }
        catch (Exception e)
        {
            maker.SetException(e);
            throw;
        }
    }

    /// <summary>One self-contained file of the running portal's database (<see cref="SqliteSnapshot"/>).</summary>
    private static string Snapshot(PortalApp app)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"zemgalenvo-browser-template-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteFolder(folder);
        var template = Path.Combine(folder, DatabaseRegistration.SqliteFileName);
        SqliteSnapshot.Write(Path.Combine(app.DataFolder, DatabaseRegistration.SqliteFileName), template);
        return template;
    }

    private static void DeleteFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
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
