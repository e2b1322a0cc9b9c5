using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Options;

namespace ZemgaleNvo.Infrastructure.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

/// <summary>The <c>Database</c> configuration section, checked by <see cref="DatabaseOptionsValidation"/>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (default, embedded) or <c>SqlServer</c>.</summary>
    public string Provider { get; set; } = nameof(DatabaseProvider.Sqlite);

    /// <summary>Required for SQL Server; for SQLite it overrides the file in <see cref="DataFolder"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Where the SQLite database lives; relative paths are taken from the content root.</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary>The provider <see cref="Provider"/> names (checked: a validated instance always names one).</summary>
    public DatabaseProvider ProviderKind =>
        Enum.TryParse<DatabaseProvider>(Provider, ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new InvalidOperationException($"Database:Provider \"{Provider}\" is not known.");
}

/// <summary>
/// What the <c>Database</c> settings must be: a known provider; for SQL Server a well-formed connection
/// string; for SQLite without one, a data folder that can be created and written to (created here, as
/// the database will need it).
/// </summary>
public sealed class DatabaseOptionsValidation(string contentRoot) : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Enum.TryParse<DatabaseProvider>(options.Provider, ignoreCase: true, out var provider) || !Enum.IsDefined(provider))
        {
            return ValidateOptionsResult.Fail($"Database:Provider \"{options.Provider}\" is not known; use \"Sqlite\" (default) or \"SqlServer\".");
        }
        if (provider == DatabaseProvider.SqlServer)
        {
            if (string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                return ValidateOptionsResult.Fail("Database:ConnectionString is required when Database:Provider is \"SqlServer\".");
            }
            try
            {
                _ = new SqlConnectionStringBuilder(options.ConnectionString);
            }
            catch (ArgumentException e)
            {
                return ValidateOptionsResult.Fail($"Database:ConnectionString is not a valid SQL Server connection string: {e.Message}");
            }
            return ValidateOptionsResult.Success;
        }
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Success;
        }
        var folder = DatabaseRegistration.SqliteFolder(options, contentRoot);
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".write-test-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return ValidateOptionsResult.Success;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ValidateOptionsResult.Fail($"Database:DataFolder \"{folder}\" cannot be created or written to: {e.Message}");
        }
    }
}
