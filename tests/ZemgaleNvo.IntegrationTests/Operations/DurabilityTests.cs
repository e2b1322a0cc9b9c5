using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.Operations;

/// <summary>What makes an acknowledged save survive a crash or a power cut on SQLite.</summary>
public sealed class DurabilityTests
{
    [Fact]
    public async Task The_portals_connections_write_ahead_and_flush_each_commit_to_disk()
    {
        using var factory = new PortalFactory();
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        var journal = (string?)await command.ExecuteScalarAsync();
        command.CommandText = "PRAGMA synchronous";
        var synchronous = Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal("wal", journal);
        Assert.Equal(2, synchronous); // FULL
    }
}
