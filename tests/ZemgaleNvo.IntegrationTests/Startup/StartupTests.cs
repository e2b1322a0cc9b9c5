using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.Startup;

public class StartupTests
{
    [Fact]
    public async Task The_app_starts_on_an_empty_folder_applies_every_migration_and_serves_the_login_page()
    {
        using var factory = PortalFactory.OverEmptyFolder();
        Assert.False(File.Exists(factory.DatabaseFile));

        var response = await factory.CreateClient().GetAsync("/account/login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Pieslēgties portālam", await response.Content.ReadAsStringAsync());
        await using var db = factory.OpenDatabase();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task The_SQLite_database_runs_in_WAL_mode()
    {
        using var factory = PortalFactory.OverEmptyFolder();
        await factory.CreateClient().GetAsync("/account/login");

        await using var connection = new SqliteConnection($"Data Source={factory.DatabaseFile}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_second_start_on_the_same_folder_reuses_the_database_without_duplicating_demo_data()
    {
        var folder = TempFolder.Create();
        try
        {
            using (var first = new PortalFactory(folder))
            {
                await first.CreateClient().GetAsync("/account/login");
            }
            using var second = new PortalFactory(folder);
            await second.CreateClient().GetAsync("/account/login");

            await using var db = second.OpenDatabase();
            Assert.Equal(1, await db.Agreements.CountAsync());
            Assert.Equal(34, await db.Activities.CountAsync());
            Assert.Equal(4, await db.Users.CountAsync());
            Assert.Equal(5, await db.Regions.CountAsync());
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }

    [Fact]
    public async Task Outside_Development_no_demo_data_is_loaded_but_the_first_admin_comes_from_configuration()
    {
        using var factory = PortalFactory.OverEmptyFolder();
        factory.Settings["Bootstrap:AdminEmail"] = "first.admin@ministrija.lv";
        factory.Settings["Bootstrap:AdminPassword"] = "a long enough first password";
        using var production = factory.WithWebHostBuilder(b => b.UseEnvironment("Production"));

        var client = production.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        var signIn = await Browser.SignInAsync(client, "first.admin@ministrija.lv", "a long enough first password");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        await using var db = factory.OpenDatabase();
        Assert.Equal(0, await db.Agreements.CountAsync());
        Assert.Equal(1, await db.Users.CountAsync());
    }

    [Fact]
    public async Task Unknown_pages_get_the_Latvian_not_found_page()
    {
        using var factory = new PortalFactory();
        var client = await Browser.SignedInClientAsync(factory, Browser.Reviewer);

        var response = await client.GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Lapa nav atrasta", await response.Content.ReadAsStringAsync());
    }
}
