using System.Net;
using Microsoft.Data.Sqlite;
using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.Operations;

public class HealthTests
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Probes_answer_anonymously_with_no_details(string url)
    {
        using var factory = new PortalFactory();

        var response = await factory.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ready_fails_when_the_database_lacks_its_migrations_while_live_still_answers()
    {
        using var factory = new PortalFactory();
        var client = factory.CreateClient();
        await client.GetAsync("/health/live");

        // The database file replaced by an empty one, as after a botched restore.
        SqliteConnection.ClearAllPools();
        File.Delete(factory.DatabaseFile);
        File.Delete(factory.DatabaseFile + "-wal");
        File.Delete(factory.DatabaseFile + "-shm");

        var ready = await client.GetAsync("/health/ready");
        var live = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }
}
