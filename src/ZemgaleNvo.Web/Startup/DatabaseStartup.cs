using ZemgaleNvo.Domain.Users;
using ZemgaleNvo.Infrastructure;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Infrastructure.Identity;
using ZemgaleNvo.Infrastructure.Seeding;

namespace ZemgaleNvo.Web.Startup;

/// <summary>
/// Before the server takes requests: applies migrations, creates the roles, creates the first admin
/// from configuration (<c>Bootstrap:AdminEmail</c>, <c>Bootstrap:AdminPassword</c>) when there is none,
/// and in Development loads the demo data.
/// </summary>
internal sealed partial class DatabaseStartup(
    IServiceProvider services, IHostEnvironment environment, IConfiguration configuration, ILogger<DatabaseStartup> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        await provider.GetRequiredService<DatabaseInitializer>().MigrateAsync(cancellationToken);

        var users = provider.GetRequiredService<UserAdministration>();
        await users.EnsureRolesAsync();
        await EnsureFirstAdminAsync(users);

        if (environment.IsDevelopment() && configuration.GetValue("Demo:SeedOnStart", true))
        {
            await provider.GetRequiredService<DemoDataSeeder>().SeedAsync(cancellationToken);
            // The demo's approved years get their frozen, sealed documents as an approval would make them.
            await provider.GetRequiredService<ZemgaleNvo.Web.Features.Review.UnfrozenApprovals>().FreezeAsync("system", DateTime.UtcNow, cancellationToken);
        }
        else
        {
            await ReferenceData.EnsureRegionsAsync(provider.GetRequiredService<AppDbContext>(), cancellationToken);
        }
        // Agreements from before the dashboard kept its figures (issue 18), or changed by an older version: computed once here.
        await KeptFigures.RefreshStaleAsync(provider.GetRequiredService<AppDbContext>(), cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task EnsureFirstAdminAsync(UserAdministration users)
    {
        var email = configuration["Bootstrap:AdminEmail"];
        var password = configuration["Bootstrap:AdminPassword"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password) || await users.AnyInRoleAsync(Roles.Admin))
        {
            return;
        }
        var result = await users.AddAsync(email, Roles.Admin, password, organisation: null, fullName: "Administrators");
        if (!result.Succeeded)
        {
            throw new StartupConfigurationException($"Bootstrap:AdminEmail / Bootstrap:AdminPassword: the first admin cannot be created: {string.Join(" ", result.Errors)}");
        }
        LogFirstAdmin(logger, email);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "First admin {Email} created from configuration; remove Bootstrap:AdminPassword from it now")]
    private static partial void LogFirstAdmin(ILogger logger, string email);
}
