using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using ZemgaleNvo.Infrastructure.Data;

namespace ZemgaleNvo.IntegrationTests.Database;

/// <summary>
/// The SQL Server migrations are generated into a script without a server: every table of the model
/// is created there, with the concurrency columns, so a ministry's SQL Server gets the same schema.
/// </summary>
public class SqlServerMigrationTests
{
    private static AppDbContext SqlServerContext()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseRegistration.Configure(options, DatabaseProvider.SqlServer, "Server=unused;Database=ZemgaleNvo;Integrated Security=true;TrustServerCertificate=true");
        return new AppDbContext(options.Options, UnrestrictedDataScope.Instance);
    }

    [Fact]
    public void The_SQL_Server_script_creates_every_table_of_the_model()
    {
        using var db = SqlServerContext();

        var script = db.GetService<IMigrator>().GenerateScript();

        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().ToList();
        Assert.True(tables.Count >= 20, $"Only {tables.Count} tables in the model");
        Assert.All(tables, table => Assert.Contains($"CREATE TABLE [{table}]", script, StringComparison.Ordinal));
    }

    [Fact]
    public void The_SQL_Server_migrations_match_the_model()
    {
        using var db = SqlServerContext();

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a SQL Server migration: run dotnet ef migrations add for ZemgaleNvo.Migrations.SqlServer");
    }

    [Fact]
    public void Concurrency_columns_are_in_the_SQL_Server_script()
    {
        using var db = SqlServerContext();

        var script = db.GetService<IMigrator>().GenerateScript();

        var versioned = db.Model.GetEntityTypes().Where(e => e.FindProperty("Version")?.IsConcurrencyToken == true).ToList();
        Assert.NotEmpty(versioned);
        foreach (var entity in versioned)
        {
            var create = script[script.IndexOf($"CREATE TABLE [{entity.GetTableName()}]", StringComparison.Ordinal)..];
            create = create[..create.IndexOf(");", StringComparison.Ordinal)];
            // Either created with the table or added by a later migration (organisations and regions got theirs later).
            var added = $"ALTER TABLE [{entity.GetTableName()}] ADD [Version] int NOT NULL";
            Assert.True(create.Contains("[Version] int NOT NULL", StringComparison.Ordinal) || script.Contains(added, StringComparison.Ordinal),
                $"No [Version] column for {entity.GetTableName()} in the SQL Server script");
        }
    }

    [Fact]
    public void The_SQLite_migrations_match_the_model()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseRegistration.Configure(options, DatabaseProvider.Sqlite, "Data Source=:memory:");
        using var db = new AppDbContext(options.Options, UnrestrictedDataScope.Instance);

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a SQLite migration: run dotnet ef migrations add for ZemgaleNvo.Migrations.Sqlite");
    }
}
