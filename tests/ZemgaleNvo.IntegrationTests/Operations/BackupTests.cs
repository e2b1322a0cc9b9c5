using Microsoft.Data.Sqlite;
using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.Operations;

/// <summary>The `backup` command copies the live SQLite database while others keep writing to it.</summary>
public sealed class BackupTests : IDisposable
{
    private readonly string _folder = TempFolder.Create();

    public void Dispose() => TempFolder.Delete(_folder);

    [Fact]
    public async Task A_backup_taken_during_a_stream_of_writes_opens_with_every_row_committed_before_it_began()
    {
        var environment = new Dictionary<string, string> { ["Database__DataFolder"] = _folder };
        TemplateDatabase.CopyInto(_folder); // a migrated database in WAL mode, as the portal leaves it
        var live = Path.Combine(_folder, "zemgale.db");
        var copy = Path.Combine(_folder, "copy.db");

        using var stop = new CancellationTokenSource();
        var committed = 0;
        var writer = Task.Run(async () =>
        {
            await using var connection = new SqliteConnection($"Data Source={live};Pooling=False;Default Timeout=30");
            await connection.OpenAsync();
            while (!stop.IsCancellationRequested)
            {
                await using var insert = connection.CreateCommand();
                insert.CommandText = "INSERT INTO Regions (Name, NameStem, Code) VALUES ($name, $name, $name)";
                insert.Parameters.AddWithValue("$name", $"backup-test-{committed}");
                await insert.ExecuteNonQueryAsync();
                Interlocked.Increment(ref committed);
            }
        });
        while (Volatile.Read(ref committed) < 50)
        {
            await Task.Delay(10);
        }

        var committedBeforeBackup = Volatile.Read(ref committed);
        var result = await PortalProcess.RunAsync(environment, "backup", "--to", copy);
        var committedAfterBackup = Volatile.Read(ref committed);
        await stop.CancelAsync();
        await writer;

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.True(committedAfterBackup > committedBeforeBackup, "The writes did not go on during the backup");
        await using var check = new SqliteConnection($"Data Source={copy};Mode=ReadOnly;Pooling=False");
        await check.OpenAsync();
        await using var integrity = check.CreateCommand();
        integrity.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", (string?)await integrity.ExecuteScalarAsync());
        await using var count = check.CreateCommand();
        count.CommandText = "SELECT COUNT(*), MAX(CAST(SUBSTR(Code, 13) AS INTEGER)) FROM Regions WHERE Code LIKE 'backup-test-%'";
        await using var reader = await count.ExecuteReaderAsync();
        await reader.ReadAsync();
        var rows = reader.GetInt64(0);
        var highest = reader.GetInt64(1);
        Assert.InRange(rows, committedBeforeBackup, committedAfterBackup);
        Assert.Equal(rows - 1, highest); // a gap-free prefix of the writes: a snapshot, nothing torn
    }

    [Fact]
    public async Task A_backup_never_overwrites_a_file()
    {
        var environment = new Dictionary<string, string> { ["Database__DataFolder"] = _folder };
        TemplateDatabase.CopyInto(_folder);
        var existing = Path.Combine(_folder, "existing.db");
        await File.WriteAllTextAsync(existing, "keep me");

        var result = await PortalProcess.RunAsync(environment, "backup", "--to", existing);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("exists already", result.Error);
        Assert.Equal("keep me", await File.ReadAllTextAsync(existing));
    }
}
