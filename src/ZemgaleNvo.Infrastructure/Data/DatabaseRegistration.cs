using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ZemgaleNvo.Infrastructure.Data;

/// <summary>
/// Chooses the database provider from the <c>Database</c> settings (<see cref="DatabaseOptions"/>).
/// Provider quirks stay here: each provider has its own migrations assembly, because one migration
/// set cannot serve both.
/// </summary>
public static class DatabaseRegistration
{
    public const string SqliteMigrationsAssembly = "ZemgaleNvo.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "ZemgaleNvo.Migrations.SqlServer";
    public const string SqliteFileName = "zemgale.db";

    /// <summary>
    /// Registers <see cref="AppDbContext"/> over the provider the <c>Database</c> section names. The
    /// section is checked when the host starts (<see cref="DatabaseOptionsValidation"/>): anything
    /// unusable ends start-up with one line naming the setting.
    /// </summary>
    public static IServiceCollection AddAppDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton<IValidateOptions<DatabaseOptions>>(new DatabaseOptionsValidation(contentRoot));
        services.AddSettings<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        // Worked out once: the context's options are built for every request scope.
        services.AddSingleton(provider =>
        {
            var database = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            return new ResolvedDatabase(database.ProviderKind, ConnectionString(database, contentRoot));
        });
        // The options are built once, not per scope (EF's default): they depend on singletons only,
        // and building them was a tenth of a warm page's allocations (issue 18: warnings tables,
        // provider extensions and interceptor lists, for each of a request's two or three contexts).
        services.AddDbContext<AppDbContext>((provider, options) =>
        {
            var database = provider.GetRequiredService<ResolvedDatabase>();
            Configure(options, database.Provider, database.ConnectionString);
        }, optionsLifetime: ServiceLifetime.Singleton);
        services.AddPooledDbContextFactory<Identity.SignInTicketsContext>((provider, options) =>
        {
            var database = provider.GetRequiredService<ResolvedDatabase>();
            Configure(options, database.Provider, database.ConnectionString);
        });
        return services;
    }

    /// <summary>The connection string the checked settings lead to: as given, or the SQLite file in the data folder.</summary>
    public static string ConnectionString(DatabaseOptions options, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.ProviderKind == DatabaseProvider.SqlServer || !string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return options.ConnectionString!;
        }
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(SqliteFolder(options, contentRoot), SqliteFileName),
            // Writers wait for each other instead of failing at once with "database is locked".
            DefaultTimeout = 30,
            Pooling = true,
        };
        return builder.ToString();
    }

    /// <summary>The folder of the SQLite file; a relative <see cref="DatabaseOptions.DataFolder"/> is taken from the content root.</summary>
    public static string SqliteFolder(DatabaseOptions options, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Path.GetFullPath(Path.Combine(contentRoot, options.DataFolder));
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
}

/// <summary>The provider and connection string the checked <c>Database</c> settings lead to, worked out once.</summary>
public sealed record ResolvedDatabase(DatabaseProvider Provider, string ConnectionString);
