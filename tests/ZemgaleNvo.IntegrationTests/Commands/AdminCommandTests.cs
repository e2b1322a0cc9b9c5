using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Domain.Audit;
using ZemgaleNvo.Infrastructure.Identity;
using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.Commands;

/// <summary>The admin commands, run as a real process against a real database folder; each exits without starting the server.</summary>
public sealed class AdminCommandTests : IDisposable
{
    private readonly string _folder = TempFolder.Create();

    private Dictionary<string, string> Environment => new() { ["Database__DataFolder"] = _folder };

    private Task<PortalProcess.Result> Run(params string[] args) => PortalProcess.RunAsync(Environment, args);

    public void Dispose() => TempFolder.Delete(_folder);

    [Fact]
    public async Task Migrate_creates_the_database_and_exits()
    {
        var result = await Run("migrate");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Database is up to date.", result.Output);
        Assert.True(File.Exists(Path.Combine(_folder, "zemgale.db")));
        Assert.DoesNotContain("Now listening", result.Output);
    }

    [Fact]
    public async Task Seed_demo_loads_the_agreement_once_however_often_it_runs()
    {
        Assert.Equal(0, (await Run("seed-demo")).ExitCode);
        Assert.Equal(0, (await Run("seed-demo")).ExitCode);

        await using var db = Open();
        Assert.Equal(1, await db.Agreements.CountAsync());
        Assert.Equal(34, await db.Activities.CountAsync());
        Assert.Equal(4, await db.Users.CountAsync());
    }

    [Fact]
    public async Task Generate_large_agreement_adds_an_agreement_of_the_asked_size_and_says_its_id()
    {
        var result = await Run("generate-large-agreement", "--years", "3", "--results", "40", "--spending", "90");

        Assert.Equal(0, result.ExitCode);
        var id = int.Parse(System.Text.RegularExpressions.Regex.Match(result.Output, @"^agreement-id: (\d+)$", System.Text.RegularExpressions.RegexOptions.Multiline).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await using var db = Open();
        Assert.Equal(3, await db.ImplementationYears.CountAsync(y => y.AgreementId == id));
        Assert.Equal(40, await db.Activities.CountAsync(a => a.ImplementationYear!.AgreementId == id));
        Assert.Equal(90, await db.SpendingEntries.CountAsync(e => e.ImplementationYear!.AgreementId == id));
        Assert.Equal(0, (await Run("audit", "verify")).ExitCode);
    }

    [Fact]
    public async Task Generate_large_agreement_refuses_a_size_that_is_not_a_whole_number()
    {
        var result = await Run("generate-large-agreement", "--results", "many");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--results must be a whole number", result.Error);
    }

    [Fact]
    public async Task Demo_code_prints_the_demo_reviewers_current_code_and_nobody_elses()
    {
        TemplateDatabase.CopyInto(_folder); // the demo data (loading it is Seed_demo_… above)

        var before = Totp.StepAt(DateTimeOffset.UtcNow);
        var reviewer = await Run("demo-code", "--email", Browser.Reviewer);
        var after = Totp.StepAt(DateTimeOffset.UtcNow);
        var staff = await Run("demo-code", "--email", Browser.ZemgaleStaff);

        Assert.Equal(0, reviewer.ExitCode);
        var key = Totp.DecodeKey(ZemgaleNvo.Infrastructure.Seeding.DemoDataSeeder.DemoAuthenticatorKeys[Browser.Reviewer]);
        var printed = reviewer.Output.Trim()[..6];
        Assert.Contains(printed, new[] { Totp.Code(key, before), Totp.Code(key, after) });
        Assert.Equal(1, staff.ExitCode);
        Assert.Contains("only for the demo admin and reviewer", staff.Error);
    }

    [Fact]
    public async Task Users_reset_two_factor_turns_it_off_so_the_user_enrols_again()
    {
        TemplateDatabase.CopyInto(_folder); // the demo data (loading it is Seed_demo_… above)

        var result = await Run("users", "reset-two-factor", "--email", Browser.Reviewer);

        Assert.Equal(0, result.ExitCode);
        await using var db = Open();
        Assert.False(await db.Users.Where(u => u.Email == Browser.Reviewer).Select(u => u.TwoFactorEnabled).SingleAsync());
    }

    [Fact]
    public async Task The_users_commands_leave_audit_rows_naming_the_command_line()
    {
        Assert.Equal(0, (await Run("users", "add", "--email", "jana@ministrija.lv", "--role", "Reviewer", "--password", "a reviewer's long password")).ExitCode);
        Assert.Equal(0, (await Run("users", "reset-password", "--email", "jana@ministrija.lv", "--password", "another long password")).ExitCode);
        Assert.Equal(0, (await Run("users", "reset-two-factor", "--email", "jana@ministrija.lv")).ExitCode);

        await using (var db = Open())
        {
            var id = await db.Users.Where(u => u.Email == "jana@ministrija.lv").Select(u => u.Id).SingleAsync();
            var rows = await db.AuditEntries.Where(e => e.EntityType == "User" && e.EntityKey == id).ToListAsync();
            Assert.All(rows, row => Assert.Equal($"komandrinda ({System.Environment.UserName})", row.UserName));
            Assert.Contains(rows, row => row.Action == AuditAction.Created && row.Field == "Email" && row.NewValue == "jana@ministrija.lv");
            Assert.Contains(rows, row => row.Action == AuditAction.Created && row.Field == "Role" && row.NewValue == "Reviewer");
            Assert.Contains(rows, row => row.Action == AuditAction.Updated && row.Field == "Password" && row.NewValue == "reset");
            Assert.Contains(rows, row => row.Action == AuditAction.Updated && row.Field == "TwoFactorEnabled" && row.NewValue == "reset");
        }
        // The rows joined the hash chain like any other.
        Assert.Equal(0, (await Run("audit", "verify")).ExitCode);
    }

    /// <summary>One reset, wherever it is asked for: two-factor off, a new key, no recovery codes, a new stamp, the same audit row.</summary>
    [Fact]
    public async Task Reset_two_factor_does_the_same_and_leaves_the_same_trail_from_the_command_line_and_the_admin_screen()
    {
        Assert.Equal(0, (await Run("seed-demo")).ExitCode);
        string reviewerId, staffId, stampBefore;
        await using (var db = Open())
        {
            reviewerId = await db.Users.Where(u => u.Email == Browser.Reviewer).Select(u => u.Id).SingleAsync();
            staffId = await db.Users.Where(u => u.Email == Browser.ZemgaleStaff).Select(u => u.Id).SingleAsync();
            foreach (var id in new[] { reviewerId, staffId })
            {
                (await db.Users.SingleAsync(u => u.Id == id)).TwoFactorEnabled = true;
                db.UserTokens.Add(new Microsoft.AspNetCore.Identity.IdentityUserToken<string> { UserId = id, LoginProvider = "[AspNetUserStore]", Name = "RecoveryCodes", Value = "a;b;c" });
            }
            await db.SaveChangesAsync();
            stampBefore = (await db.Users.SingleAsync(u => u.Id == reviewerId)).SecurityStamp!;
        }

        var command = await Run("users", "reset-two-factor", "--email", Browser.Reviewer);
        Assert.Equal(0, command.ExitCode);
        using (var factory = new PortalFactory(_folder))
        {
            var admin = await Browser.SignedInClientAsync(factory, Browser.Admin);
            var screen = await Browser.PostFormAsync(admin, $"/admin/users/{staffId}", $"/admin/users/{staffId}/reset-two-factor", []);
            Assert.Equal(System.Net.HttpStatusCode.Redirect, screen.StatusCode);
        }

        await using (var db = Open())
        {
            foreach (var id in new[] { reviewerId, staffId })
            {
                Assert.False((await db.Users.SingleAsync(u => u.Id == id)).TwoFactorEnabled);
                Assert.False(await db.UserTokens.AnyAsync(t => t.UserId == id && t.Name == "RecoveryCodes"));
            }
            Assert.NotEqual(stampBefore, (await db.Users.SingleAsync(u => u.Id == reviewerId)).SecurityStamp);
            var fromCommand = await db.AuditEntries.Where(e => e.EntityKey == reviewerId && e.Field == "TwoFactorEnabled").SingleAsync();
            var fromScreen = await db.AuditEntries.Where(e => e.EntityKey == staffId && e.Field == "TwoFactorEnabled").SingleAsync();
            Assert.Equal(
                (fromScreen.Action, fromScreen.EntityType, fromScreen.OldValue, fromScreen.NewValue),
                (fromCommand.Action, fromCommand.EntityType, fromCommand.OldValue, fromCommand.NewValue));
            Assert.Equal(Browser.Admin, fromScreen.UserName);
            Assert.StartsWith("komandrinda (", fromCommand.UserName, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Seed_demo_is_refused_in_Production()
    {
        var result = await PortalProcess.RunAsync(new Dictionary<string, string>(Environment) { ["ASPNETCORE_ENVIRONMENT"] = "Production" }, "seed-demo");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("refused in Production", result.Error);
        await using var db = Open();
        Assert.Equal(0, await db.Agreements.CountAsync());
    }

    [Fact]
    public async Task Users_add_creates_a_reviewer_who_can_then_sign_in()
    {
        var result = await Run("users", "add", "--email", "jana@ministrija.lv", "--role", "Reviewer", "--password", "a reviewer's long password");

        Assert.Equal(0, result.ExitCode);
        using var factory = new PortalFactory(_folder);
        factory.Settings["Demo:SeedOnStart"] = "false";
        var signIn = await Browser.SignInAsync(factory.CreateClient(), "jana@ministrija.lv", "a reviewer's long password");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task Users_add_ties_staff_to_the_named_organisation()
    {
        TemplateDatabase.CopyInto(_folder); // the demo data (loading it is Seed_demo_… above)

        var result = await Run("users", "add", "--email", "anna@zemgalesnvo.lv", "--role", "NgoStaff", "--password", "staff long password", "--organisation", "Biedrība „Zemgales NVO centrs”");

        Assert.Equal(0, result.ExitCode);
        await using var db = Open();
        var user = await db.Users.Include(u => u.Organisation).SingleAsync(u => u.Email == "anna@zemgalesnvo.lv");
        Assert.Equal("Biedrība „Zemgales NVO centrs”", user.Organisation!.Name);
    }

    [Fact]
    public async Task Users_add_refuses_staff_without_an_organisation_and_a_short_password()
    {
        var noOrganisation = await Run("users", "add", "--email", "a@b.lv", "--role", "NgoStaff", "--password", "long enough password");
        var shortPassword = await Run("users", "add", "--email", "c@d.lv", "--role", "Admin", "--password", "short");

        Assert.Equal(1, noOrganisation.ExitCode);
        Assert.Contains("--organisation", noOrganisation.Error);
        Assert.Equal(1, shortPassword.ExitCode);
        Assert.Contains("12", shortPassword.Error);
        await using var db = Open();
        Assert.Equal(0, await db.Users.CountAsync());
    }

    [Fact]
    public async Task Users_reset_password_changes_the_password()
    {
        await Run("users", "add", "--email", "admin@ministrija.lv", "--role", "Admin", "--password", "the first long password");

        var result = await Run("users", "reset-password", "--email", "admin@ministrija.lv", "--password", "the second long password");

        Assert.Equal(0, result.ExitCode);
        using var factory = new PortalFactory(_folder);
        factory.Settings["Demo:SeedOnStart"] = "false";
        var client = factory.CreateClient();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await Browser.SignInAsync(client, "admin@ministrija.lv", "the first long password")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await Browser.SignInAsync(client, "admin@ministrija.lv", "the second long password")).StatusCode);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("users")]
    [InlineData("users", "delete")]
    [InlineData("users", "add", "--email", "x@y.lv")]
    [InlineData("users", "add", "--email", "x@y.lv", "--role", "King", "--password", "long enough password")]
    [InlineData("users", "add", "--email", "x@y.lv", "--role", "Admin", "--password")]
    [InlineData("users", "reset-password", "--email", "x@y.lv", "--colour", "blue")]
    [InlineData("migrate", "now")]
    public async Task Wrong_arguments_get_the_usage_and_exit_code_2(params string[] args)
    {
        var result = await Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Usage:", result.Error);
        Assert.False(File.Exists(Path.Combine(_folder, "zemgale.db")), "A refused command must not touch the database");
    }

    [Fact]
    public async Task An_unknown_provider_stops_start_up_with_one_line_naming_the_setting()
    {
        var result = await PortalProcess.RunAsync(new Dictionary<string, string>(Environment) { ["Database__Provider"] = "Oracle" });

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Database:Provider", line);
        Assert.Contains("Oracle", line);
        Assert.DoesNotContain("   at ", result.Error + result.Output);
    }

    /// <summary>Settings bound to typed options: a rule they break, or a value that is not even of their type, ends start-up the same way.</summary>
    [Theory]
    [InlineData("ReverseProxy__KnownProxies__0", "proxy.ministrija.lv", "ReverseProxy:KnownProxies")]
    [InlineData("Security__SignInAttemptsPerMinute", "0", "Security:SignInAttemptsPerMinute")]
    [InlineData("Security__SignInAttemptsPerMinute", "many", "Security:SignInAttemptsPerMinute")]
    [InlineData("Smtp__Port", "smtp", "Smtp:Port")]
    public async Task A_setting_that_cannot_work_stops_start_up_with_one_line_naming_it(string variable, string value, string setting)
    {
        var result = await PortalProcess.RunAsync(new Dictionary<string, string>(Environment) { [variable] = value }, "migrate");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(setting, Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.DoesNotContain("   at ", result.Error + result.Output);
        Assert.False(File.Exists(Path.Combine(_folder, "zemgale.db")), "A command refused for its settings must not touch the database");
    }

    [Fact]
    public async Task An_unwritable_data_folder_stops_start_up_with_one_line_naming_the_setting()
    {
        var result = await PortalProcess.RunAsync(new Dictionary<string, string> { ["Database__DataFolder"] = "/proc/zemgalenvo" });

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Database:DataFolder", Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.DoesNotContain("   at ", result.Error + result.Output);
    }

    [Fact]
    public async Task An_unreachable_SQL_Server_stops_start_up_with_one_line_naming_the_setting()
    {
        var result = await PortalProcess.RunAsync(new Dictionary<string, string>
        {
            ["Database__Provider"] = "SqlServer",
            // Nothing listens on port 1 of this machine: the connection is refused at once.
            ["Database__ConnectionString"] = "Server=tcp:127.0.0.1,1;Database=ZemgaleNvo;User Id=sa;Password=x;Connect Timeout=3;TrustServerCertificate=true",
        }, "migrate");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Database:ConnectionString", Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.DoesNotContain("   at ", result.Error + result.Output);
    }

    private ZemgaleNvo.Infrastructure.Data.AppDbContext Open() => new PortalFactory(_folder).OpenDatabase();
}
