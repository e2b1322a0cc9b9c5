using Microsoft.Data.Sqlite;

namespace ZemgaleNvo.TestSupport;

/// <summary>
/// One self-contained copy of a running portal's SQLite database, for the template that later test
/// portals start on (integration and browser tests; linked into both projects). VACUUM INTO writes
/// every committed page, those still in the -wal file included; the copy is then switched to WAL
/// as start-up leaves a database (the mode is stored in the file), and closing its only connection
/// checkpoints and removes its -wal file, so a plain file copy of the result is the whole database.
/// </summary>
public static class SqliteSnapshot
{
    public static void Write(string sourceDatabase, string targetFile)
    {
        Execute(sourceDatabase, "VACUUM INTO $target;", targetFile);
        Execute(targetFile, "PRAGMA journal_mode=WAL;");
        if (File.Exists(targetFile + "-wal"))
        {
            throw new InvalidOperationException($"The template database {targetFile} still has a -wal file: a copy would miss its last writes.");
        }
    }

    private static void Execute(string database, string sql, string? target = null)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (target is not null)
        {
            command.Parameters.AddWithValue("$target", target);
        }
        command.ExecuteNonQuery();
    }
}
