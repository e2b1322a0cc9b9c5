using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ZemgaleNvo.Infrastructure.Data;

/// <summary>Brings the database up to the current schema: applied at start-up and by the <c>migrate</c> command.</summary>
public sealed partial class DatabaseInitializer(AppDbContext db, ILogger<DatabaseInitializer> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            await db.Database.MigrateAsync(cancellationToken);
            if (pending.Count > 0)
            {
                LogMigrated(logger, pending.Count, pending);
            }
            if (db.Database.IsSqlite())
            {
                // WAL lets readers go on while a write commits, and a crash mid-write leaves the
                // database as of the last commit. The mode is stored in the file, so once is enough.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
        }
        catch (SqlException e)
        {
            throw new StartupConfigurationException($"Database:ConnectionString: SQL Server cannot be reached or refused the connection ({e.Message})", e);
        }
        catch (SqliteException e)
        {
            throw new StartupConfigurationException($"Database:DataFolder / Database:ConnectionString: the SQLite database cannot be opened ({e.Message})", e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied {Count} migration(s): {Names}")]
    private static partial void LogMigrated(ILogger logger, int count, IEnumerable<string> names);
}
