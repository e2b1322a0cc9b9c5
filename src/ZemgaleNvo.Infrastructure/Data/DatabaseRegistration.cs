using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ZemgaleNvo.Infrastructure.Data;

/// <summary>
/// Chooses the database provider from configuration. Provider quirks stay here: each provider has
/// its own migrations assembly, because one migration set cannot serve both.
/// </summary>
public static class DatabaseRegistration
{
    public const string SqliteMigrationsAssembly = "ZemgaleNvo.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "ZemgaleNvo.Migrations.SqlServer";
    public const string SqliteFileName = "zemgale.db";

    /// <summary>Reads and checks the <c>Database</c> section; throws <see cref="StartupConfigurationException"/> on anything unusable.</summary>
    public static (DatabaseProvider Provider, string ConnectionString) Resolve(IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (!Enum.TryParse<DatabaseProvider>(options.Provider, ignoreCase: true, out var provider) || !Enum.IsDefined(provider))
        {
            throw new StartupConfigurationException(
                $"Database:Provider \"{options.Provider}\" is not known; use \"Sqlite\" (default) or \"SqlServer\".");
        }

        if (provider == DatabaseProvider.SqlServer)
        {
            if (string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                throw new StartupConfigurationException("Database:ConnectionString is required when Database:Provider is \"SqlServer\".");
            }
            try
            {
                _ = new SqlConnectionStringBuilder(options.ConnectionString);
            }
            catch (ArgumentException e)
            {
                throw new StartupConfigurationException($"Database:ConnectionString is not a valid SQL Server connection string: {e.Message}", e);
            }
            return (provider, options.ConnectionString);
        }

        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return (provider, options.ConnectionString);
        }
        var folder = Path.GetFullPath(Path.Combine(contentRoot, options.DataFolder));
        EnsureWritableFolder(folder);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(folder, SqliteFileName),
            // Writers wait for each other instead of failing at once with "database is locked".
            DefaultTimeout = 30,
            Pooling = true,
        };
        return (provider, builder.ToString());
    }

    public static IServiceCollection AddAppDatabase(this IServiceCollection services, DatabaseProvider provider, string connectionString)
    {
        services.AddDbContext<AppDbContext>(options => Configure(options, provider, connectionString));
        return services;
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly))
                    .AddInterceptors(SqliteDurability.Instance);
                break;
            case DatabaseProvider.SqlServer:
                // No retrying execution strategy: the context saves a change and its audit rows in
                // one explicit transaction, which a retrying strategy would refuse.
                options.UseSqlServer(connectionString, o => o.MigrationsAssembly(SqlServerMigrationsAssembly));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, null);
        }
    }

    private static void EnsureWritableFolder(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".write-test-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StartupConfigurationException($"Database:DataFolder \"{folder}\" cannot be created or written to: {e.Message}", e);
        }
    }
}
