using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
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
/// <remarks>
/// Set once per physical connection: the pool hands the same SQLite handle out again with its
/// settings (nothing in the portal lowers them), so running the pragma on every open was a second
/// command for each of a request's contexts, for nothing.
/// </remarks>
internal sealed class SqliteDurability : DbConnectionInterceptor
{
    public static readonly SqliteDurability Instance = new();

    private const string Pragma = "PRAGMA synchronous=FULL;";

    /// <summary>The handles already set; an entry goes with its handle when the pool closes it.</summary>
    private readonly ConditionalWeakTable<object, object> _set = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (AlreadySet(connection))
        {
            return;
        }
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
        Remember(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (AlreadySet(connection))
        {
            return;
        }
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
        Remember(connection);
    }

    private bool AlreadySet(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && _set.TryGetValue(handle, out _);

    private void Remember(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            _set.AddOrUpdate(handle, handle);
        }
    }
}
