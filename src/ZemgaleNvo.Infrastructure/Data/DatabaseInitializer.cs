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
            // Nothing to apply on most starts. EF's Migrate would still diff the whole model against
            // the migrations' snapshot to warn of a forgotten migration (a third of a start's work);
            // that is a developer's check, made once by the migration tests, not on every start.
            if (pending.Count > 0)
            {
                await db.Database.MigrateAsync(cancellationToken);
                LogMigrated(logger, pending.Count, pending);
            }
            if (db.Database.IsSqlite())
            {
                // WAL lets readers go on while a write commits, and a crash mid-write leaves the
                // database as of the last commit. The mode is stored in the file, so once is enough.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
            await SealUnchainedAuditRowsAsync(cancellationToken);
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

    /// <summary>
    /// Audit rows written before the hash chain existed get their place in it once, in the order
    /// they were written, so <c>audit verify</c> covers them from then on. The database trigger
    /// allows exactly this: setting the hash of a row that has none.
    /// </summary>
    private async Task SealUnchainedAuditRowsAsync(CancellationToken cancellationToken)
    {
        if (!await db.AuditEntries.AnyAsync(e => e.Hash == null, cancellationToken))
        {
            return;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var head = await db.AuditChainHeads.SingleAsync(h => h.Id == AuditChainHead.SingletonId, cancellationToken);
        var end = new Domain.Audit.AuditChainEnd(head.LastSequence, head.LastHash);
        var sealedRows = 0;
        foreach (var row in await db.AuditEntries.AsNoTracking().Where(e => e.Hash == null).OrderBy(e => e.Id).ToListAsync(cancellationToken))
        {
            end = end.Extend(row);
            await db.AuditEntries.Where(e => e.Id == row.Id)
                .ExecuteUpdateAsync(e => e.SetProperty(x => x.Sequence, row.Sequence).SetProperty(x => x.Hash, row.Hash), cancellationToken);
            sealedRows++;
        }
        await db.AuditChainHeads.Where(h => h.Id == AuditChainHead.SingletonId)
            .ExecuteUpdateAsync(h => h.SetProperty(x => x.LastSequence, end.Sequence).SetProperty(x => x.LastHash, end.Hash), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogSealed(logger, sealedRows);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Added {Count} audit row(s) written before the hash chain to the chain")]
    private static partial void LogSealed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied {Count} migration(s): {Names}")]
    private static partial void LogMigrated(ILogger logger, int count, IEnumerable<string> names);
}
