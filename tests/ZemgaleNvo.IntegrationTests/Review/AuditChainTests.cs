using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.Review;

/// <summary>The audit trail cannot be rewritten through the database unnoticed.</summary>
public sealed class AuditChainTests : IDisposable
{
    private readonly string _folder = TempFolder.Create();

    public void Dispose() => TempFolder.Delete(_folder);

    private Task<PortalProcess.Result> RunAsync(params string[] args) =>
        PortalProcess.RunAsync(new Dictionary<string, string> { ["Database__DataFolder"] = _folder, ["ASPNETCORE_ENVIRONMENT"] = "Development" }, args);

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "zemgale.db")};Pooling=false");
        connection.Open();
        return connection;
    }

    [Fact]
    public async Task Audit_verify_passes_on_an_untouched_trail_and_names_the_first_row_altered_in_the_database()
    {
        TemplateDatabase.CopyInto(_folder); // the demo data and the audit trail its loading wrote
        var intact = await RunAsync("audit", "verify");
        Assert.Equal(0, intact.ExitCode);
        Assert.Contains("Audit chain intact", intact.Output);

        long victim;
        using (var connection = Open())
        {
            using var pick = connection.CreateCommand();
            pick.CommandText = "SELECT Id FROM AuditTrail WHERE Field = 'Text' ORDER BY Sequence LIMIT 1 OFFSET 5";
            victim = (long)pick.ExecuteScalar()!;

            // The trigger refuses the rewrite...
            using var update = connection.CreateCommand();
            update.CommandText = $"UPDATE AuditTrail SET NewValue = 'viltots' WHERE Id = {victim}";
            var refused = Assert.Throws<SqliteException>(() => update.ExecuteNonQuery());
            Assert.Contains("append-only", refused.Message);

            // ...so someone with full access to the file drops it first.
            using var drop = connection.CreateCommand();
            drop.CommandText = "DROP TRIGGER AuditTrail_NoUpdate";
            drop.ExecuteNonQuery();
            update.ExecuteNonQuery();
        }

        var broken = await RunAsync("audit", "verify");

        Assert.Equal(1, broken.ExitCode);
        Assert.Contains($"Audit chain broken at row {victim}", broken.Error);
    }

    [Fact]
    public async Task Deleting_a_row_is_refused_by_the_database_and_detected_when_forced()
    {
        TemplateDatabase.CopyInto(_folder); // the demo data and the audit trail its loading wrote
        using (var connection = Open())
        {
            using var delete = connection.CreateCommand();
            delete.CommandText = "DELETE FROM AuditTrail WHERE Sequence = 3";
            Assert.Throws<SqliteException>(() => delete.ExecuteNonQuery());
            using var drop = connection.CreateCommand();
            drop.CommandText = "DROP TRIGGER AuditTrail_NoDelete";
            drop.ExecuteNonQuery();
            delete.ExecuteNonQuery();
        }

        var broken = await RunAsync("audit", "verify");

        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("Audit chain broken", broken.Error);
    }
}
