using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Infrastructure.Identity;
using ZemgaleNvo.Infrastructure.Seeding;

namespace ZemgaleNvo.Web.Commands;

/// <summary>Runs a parsed admin command against the configured database and returns the process exit code.</summary>
internal static class AdminCommands
{
    public static async Task<int> RunAsync(AdminCommand command, IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        if (command.Name == "backup")
        {
            // A backup copies the database as it is: it must not migrate or otherwise change it first.
            var error = SqliteBackup.Backup(provider.GetRequiredService<AppDbContext>(), command.Option("to")!);
            if (error is not null)
            {
                await Console.Error.WriteLineAsync(error);
                return 1;
            }
            Console.WriteLine($"Backup written to {Path.GetFullPath(command.Option("to")!)}.");
            return 0;
        }
        if (command.Name == "audit verify")
        {
            // Reads the trail as it is, without migrating or sealing anything first.
            var result = await AuditVerifier.VerifyAsync(provider.GetRequiredService<AppDbContext>());
            if (result.FirstBroken is { } row)
            {
                await Console.Error.WriteLineAsync(
                    $"Audit chain broken at row {row.Id} (sequence {row.Sequence}, {row.AtUtc:yyyy-MM-dd HH:mm:ss} UTC, {row.Action} {row.EntityType} {row.EntityKey} {row.Field}): " +
                    $"it was changed, or a row before it was changed, removed or inserted. {result.RowsChecked} row(s) before it are intact.");
                return 1;
            }
            if (result.HeadMismatch)
            {
                await Console.Error.WriteLineAsync($"Audit chain: the {result.RowsChecked} row(s) link up, but the chain's recorded end does not match the last row: rows were removed from the end.");
                return 1;
            }
            if (result.Unchained > 0)
            {
                await Console.Error.WriteLineAsync($"Audit chain: {result.RowsChecked} row(s) intact, but {result.Unchained} row(s) have no place in the chain (written around the portal).");
                return 1;
            }
            Console.WriteLine($"Audit chain intact: {result.RowsChecked} row(s) checked.");
            return 0;
        }
        await provider.GetRequiredService<DatabaseInitializer>().MigrateAsync();
        var users = provider.GetRequiredService<UserAdministration>();
        await users.EnsureRolesAsync();

        switch (command.Name)
        {
            case "migrate":
                Console.WriteLine("Database is up to date.");
                return 0;

            case "seed-demo":
                var environment = provider.GetRequiredService<IHostEnvironment>();
                if (!environment.IsDevelopment())
                {
                    await Console.Error.WriteLineAsync($"seed-demo is refused in {environment.EnvironmentName}: demo users have a published password (Development only).");
                    return 1;
                }
                await provider.GetRequiredService<DemoDataSeeder>().SeedAsync();
                Console.WriteLine("Demo data is loaded.");
                return 0;

            case "users add":
                return Report(await users.AddAsync(
                    command.Option("email")!, command.Option("role")!, command.Option("password")!,
                    command.Option("organisation"), command.Option("name")),
                    $"User {command.Option("email")} created.");

            case "users reset-two-factor":
                return Report(await users.ResetTwoFactorAsync(command.Option("email")!),
                    $"Two-factor sign-in of {command.Option("email")} is off; the user enrols again at the next sign-in.");

            case "demo-code":
                return await PrintDemoCodeAsync(provider, users, command.Option("email")!);

            case "users reset-password":
                return Report(await users.ResetPasswordAsync(command.Option("email")!, command.Option("password")!),
                    $"Password of {command.Option("email")} changed.");

            default:
                throw new InvalidOperationException($"Command {command.Name} is parsed but not handled.");
        }
    }

    /// <summary>
    /// The demo's stand-in for a phone: the current code of the demo admin's or reviewer's published
    /// key. Refused outside Development and for anyone but the demo users.
    /// </summary>
    private static async Task<int> PrintDemoCodeAsync(IServiceProvider provider, UserAdministration users, string email)
    {
        var environment = provider.GetRequiredService<IHostEnvironment>();
        if (!environment.IsDevelopment() || !DemoDataSeeder.DemoAuthenticatorKeys.ContainsKey(email))
        {
            await Console.Error.WriteLineAsync("demo-code works only in Development and only for the demo admin and reviewer.");
            return 1;
        }
        var user = await users.FindAsync(email);
        var now = provider.GetRequiredService<TimeProvider>().GetUtcNow();
        var code = user is null ? null : await users.CurrentAuthenticatorCodeAsync(user, now);
        if (code is null)
        {
            await Console.Error.WriteLineAsync($"{email} has no authenticator key; run seed-demo first.");
            return 1;
        }
        var secondsLeft = Totp.StepSeconds - (int)(now.ToUnixTimeSeconds() % Totp.StepSeconds);
        Console.WriteLine($"{code}   (valid for another {secondsLeft} s, once)");
        return 0;
    }

    private static int Report(UserCommandResult result, string success)
    {
        if (result.Succeeded)
        {
            Console.WriteLine(success);
            return 0;
        }
        foreach (var error in result.Errors)
        {
            Console.Error.WriteLine(error);
        }
        return 1;
    }
}
