using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ZemgaleNvo.Infrastructure.Data;

/// <summary>
/// Every SQLite connection the portal opens commits with <c>synchronous=FULL</c>: in WAL mode the
/// write-ahead log is flushed to the disk at each commit, so a save the user was told succeeded is
/// still there after a power cut or an OS crash, not only after the process dies. (NORMAL, the
/// usual WAL companion, flushes only at checkpoints and may lose the last commits on power loss.)
/// The setting belongs to the connection, not the file, hence on each open; it is the default of
/// the SQLite EF Core ships, and set here so that another SQLite build cannot quietly lower it.
/// </summary>
internal sealed class SqliteDurability : DbConnectionInterceptor
{
    public static readonly SqliteDurability Instance = new();

    private const string Pragma = "PRAGMA synchronous=FULL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
