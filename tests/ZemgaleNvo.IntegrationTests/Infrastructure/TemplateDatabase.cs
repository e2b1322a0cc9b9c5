using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.TestSupport;

namespace ZemgaleNvo.IntegrationTests.Infrastructure;

/// <summary>
/// The demo database as start-up leaves it (migrated, roles, demo agreement and users), made once
/// per test run and copied into each new portal's folder: migrating and seeding (four password
/// hashes among it) took most of each test's start-up. Tests of the first start itself use
/// <see cref="PortalFactory.OverEmptyFolder"/>.
/// </summary>
public static class TemplateDatabase
{
    private static readonly Lazy<string> File = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Puts a copy of the template database into <paramref name="dataFolder"/>; returns the folder.</summary>
    public static string CopyInto(string dataFolder)
    {
        System.IO.File.Copy(File.Value, Path.Combine(dataFolder, DatabaseRegistration.SqliteFileName));
        return dataFolder;
    }

    private static string Build()
    {
        var folder = TempFolder.Create();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TempFolder.Delete(folder);
        using (var portal = new PortalFactory(folder))
        {
            // Starting the host runs the start-up work (migrations, roles, demo data) to the end.
            _ = portal.Services;
        }

        var template = Path.Combine(folder, "template.db");
        SqliteSnapshot.Write(Path.Combine(folder, DatabaseRegistration.SqliteFileName), template);
        return template;
    }
}
