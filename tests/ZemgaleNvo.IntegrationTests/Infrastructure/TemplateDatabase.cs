using Microsoft.Data.Sqlite;
using ZemgaleNvo.Infrastructure.Data;

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

        // One self-contained file: VACUUM INTO writes every committed page, including those still
        // in the -wal file. It is then switched to WAL mode as start-up leaves a database (the mode
        // is stored in the file), and closing its only connection checkpoints and removes its -wal
        // file, so a plain copy of template.db is the whole database.
        var template = Path.Combine(folder, "template.db");
        Execute(Path.Combine(folder, DatabaseRegistration.SqliteFileName), $"VACUUM INTO '{template.Replace("'", "''", StringComparison.Ordinal)}';");
        Execute(template, "PRAGMA journal_mode=WAL;");
        if (System.IO.File.Exists(template + "-wal"))
        {
            throw new InvalidOperationException($"The template database {template} still has a -wal file: a copy would miss its last writes.");
        }
        return template;
    }

    private static void Execute(string database, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
