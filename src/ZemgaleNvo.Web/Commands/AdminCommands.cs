using Microsoft.EntityFrameworkCore;
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
            // Reads the trail and the approved years as they are, without migrating anything first;
            // the one thing it writes is its own result, at the end of the trail, for the admins' page.
            var db = provider.GetRequiredService<AppDbContext>();
            var (chain, seals, result) = await IntegrityCheck.RunAsync(db);
            if (chain.FirstBroken is { } row)
            {
                await Console.Error.WriteLineAsync(
                    $"Audit chain broken at row {row.Id} (sequence {row.Sequence}, {row.AtUtc:yyyy-MM-dd HH:mm:ss} UTC, {row.Action} {row.EntityType} {row.EntityKey} {row.Field}): " +
                    $"it was changed, or a row before it was changed, removed or inserted. {chain.RowsChecked} row(s) before it are intact.");
            }
            else if (chain.HeadMismatch)
            {
                await Console.Error.WriteLineAsync($"Audit chain: the {chain.RowsChecked} row(s) link up, but the chain's recorded end does not match the last row: rows were removed from the end.");
            }
            else if (chain.Unchained > 0)
            {
                await Console.Error.WriteLineAsync($"Audit chain: {chain.RowsChecked} row(s) intact, but {chain.Unchained} row(s) have no place in the chain (written around the portal).");
            }
            else
            {
                Console.WriteLine($"Audit chain intact: {chain.RowsChecked} row(s) checked.");
            }
            foreach (var year in seals.Differing)
            {
                await Console.Error.WriteLineAsync(
                    $"Approved year {year.YearNumber} of agreement {year.AgreementId} (year id {year.YearId}) differs from its seal in: {string.Join(", ", year.DifferingKinds)}. " +
                    "It was changed around the portal since its approval.");
            }
            foreach (var year in seals.Unsealed)
            {
                Console.WriteLine($"Warning: approved year {year.YearNumber} of agreement {year.AgreementId} (year id {year.YearId}) has no seal: approved before sealing began, or its status was set around the portal.");
            }
            if (seals.Intact)
            {
                Console.WriteLine($"Approved years intact: {seals.YearsChecked - seals.Unsealed.Count()} sealed year(s) recomputed.");
            }
            try
            {
                await IntegrityCheck.RecordAsync(db, result, provider.GetRequiredService<IDataScope>().Actor, DateTime.UtcNow);
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                // A read-only copy, say: the check itself stands.
                await Console.Error.WriteLineAsync($"Warning: the result could not be recorded in the audit trail ({ex.GetType().Name}: {ex.Message}).");
            }
            return result.Intact ? 0 : 1;
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
                await provider.GetRequiredService<ZemgaleNvo.Web.Features.Review.UnfrozenApprovals>().FreezeAsync("system", DateTime.UtcNow, CancellationToken.None);
                Console.WriteLine("Demo data is loaded.");
                return 0;

            case "generate-large-agreement":
                return await GenerateLargeAgreementAsync(provider, command);

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

    /// <summary>
    /// Adds a generated agreement of the asked size (issue 18: 10 years, 2 000 results, 5 000 spending
    /// entries by default) for load figures. Development only: its organisation and data are made up.
    /// Prints the new agreement's id on a line of its own ("agreement-id: 2") for scripts.
    /// </summary>
    private static async Task<int> GenerateLargeAgreementAsync(IServiceProvider provider, AdminCommand command)
    {
        var environment = provider.GetRequiredService<IHostEnvironment>();
        if (!environment.IsDevelopment())
        {
            await Console.Error.WriteLineAsync($"generate-large-agreement is refused in {environment.EnvironmentName}: it adds made-up data (Development only).");
            return 1;
        }
        int Number(string name, int fallback) => command.Option(name) is { } value ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : fallback;
        var defaults = new LargeAgreementSize();
        var size = new LargeAgreementSize(Number("years", defaults.Years), Number("results", defaults.Results), Number("spending", defaults.SpendingEntries), Number("seed", defaults.Seed));
        if (size.Refusal() is { } refusal)
        {
            await Console.Error.WriteLineAsync(refusal);
            return 2;
        }
        var started = System.Diagnostics.Stopwatch.StartNew();
        var id = await provider.GetRequiredService<LargeAgreementGenerator>().GenerateAsync(size);
        Console.WriteLine($"Generated agreement {id}: {size.Years} years, {size.Results} results, {size.SpendingEntries} spending entries ({started.Elapsed.TotalSeconds:0.0} s).");
        Console.WriteLine($"agreement-id: {id}");
        // The year with the most results: the heaviest year page and entry page, for the load script.
        var db = provider.GetRequiredService<AppDbContext>();
        var largest = await db.Activities.Where(a => a.ImplementationYear!.AgreementId == id)
            .GroupBy(a => a.ImplementationYear!.Number).Select(g => new { Number = g.Key, Results = g.Count() })
            .OrderByDescending(g => g.Results).ThenBy(g => g.Number).FirstOrDefaultAsync();
        if (largest is not null)
        {
            Console.WriteLine($"largest-year: {largest.Number} ({largest.Results} results)");
        }
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
