using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ZemgaleNvo.Infrastructure.Data;

/// <summary>
/// A copy of the embedded database taken while the portal runs, through SQLite's online backup
/// API: the copy is one consistent snapshot (every transaction committed before the backup began,
/// nothing half-written), and readers and writers of the live database are not stopped.
/// </summary>
public static class SqliteBackup
{
    /// <returns>An error message, or null when the copy was written.</returns>
    public static string? Backup(AppDbContext db, string targetFile)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsSqlite())
        {
            return "backup copies the embedded SQLite database; back up SQL Server with its own tools (BACKUP DATABASE).";
        }
        var target = Path.GetFullPath(targetFile);
        if (File.Exists(target))
        {
            return $"{target} exists already; choose a new file name (a backup never overwrites).";
        }
        var folder = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(folder))
        {
            return $"The folder {folder} does not exist.";
        }

        using var source = new SqliteConnection(db.Database.GetConnectionString());
        using var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString());
        source.Open();
        source.BackupDatabase(destination);
        return null;
    }
}
