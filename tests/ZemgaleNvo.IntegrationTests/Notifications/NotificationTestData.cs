using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using ZemgaleNvo.Domain.Users;
using ZemgaleNvo.Infrastructure.Identity;
using ZemgaleNvo.Infrastructure.Seeding;
using ZemgaleNvo.IntegrationTests.Infrastructure;
using ZemgaleNvo.Web.Notifications;

namespace ZemgaleNvo.IntegrationTests.Notifications;

/// <summary>
/// The demo users plus a second reviewer and a second staff member of the performer, and one locked-out
/// user of each kind: who must and who must not get the workflow emails.
/// </summary>
public static class NotificationTestData
{
    public const string PortalBaseUrl = "https://nvo.ministrija.test/portals";
    public const string SecondReviewer = "recenzente@ministrija.test";
    public const string LockedReviewer = "bijusi.recenzente@ministrija.test";
    public const string SecondStaff = "valde@zemgalesnvo.test";
    public const string LockedStaff = "bijusais.darbinieks@zemgalesnvo.test";
    public const string Performer = "Biedrība „Zemgales NVO centrs”";

    public static readonly string[] Reviewers = [Browser.Reviewer, SecondReviewer];
    public static readonly string[] PerformerStaff = [Browser.ZemgaleStaff, SecondStaff];

    /// <summary>24.11.2026. 14:05 in Riga (winter time, UTC+2).</summary>
    public static readonly DateTime At = new(2026, 11, 24, 12, 5, 0, DateTimeKind.Utc);

    /// <summary>A factory whose links point at <see cref="PortalBaseUrl"/>; the extra users are added by <see cref="AddUsersAsync"/>.</summary>
    public static PortalFactory Factory(IDictionary<string, string?>? settings = null)
    {
        var factory = new PortalFactory();
        factory.Settings["Notifications:PortalBaseUrl"] = PortalBaseUrl;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            factory.Settings[key] = value;
        }
        return factory;
    }

    public static async Task AddUsersAsync(PortalFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        (string Email, string Role, string? Organisation, bool Locked)[] extra =
        [
            (SecondReviewer, Roles.Reviewer, null, false),
            (LockedReviewer, Roles.Reviewer, null, true),
            (SecondStaff, Roles.NgoStaff, Performer, false),
            (LockedStaff, Roles.NgoStaff, Performer, true),
        ];
        foreach (var (email, role, organisation, locked) in extra)
        {
            var added = await users.AddAsync(email, role, DemoDataSeeder.DemoPassword, organisation, fullName: email.Split('@')[0]);
            Assert.True(added.Succeeded, string.Join("; ", added.Errors));
            if (locked)
            {
                // How an administrator switches an account off in Identity: locked out for good.
                var user = await manager.FindByEmailAsync(email);
                Assert.True((await manager.SetLockoutEndDateAsync(user!, DateTimeOffset.MaxValue)).Succeeded);
            }
        }
    }

    /// <summary>The demo agreement's id, once the portal has started (migrations and demo data).</summary>
    public static async Task<int> AgreementIdAsync(PortalFactory factory)
    {
        await using var db = factory.OpenDatabase();
        return await db.Agreements.Select(a => a.Id).SingleAsync();
    }

    /// <summary>
    /// Calls the notifier as a controller would, from a request-like scope of the app's services:
    /// queue, save (the step's own save), then the one attempt right after it.
    /// </summary>
    public static async Task NotifyAsync(IServiceProvider services, WorkflowNotice notice)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IWorkflowNotifier>().QueueAsync(notice, CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<ZemgaleNvo.Infrastructure.Data.AppDbContext>().SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<OutboxWriter>().SendSavedAsync();
    }

    public static string[] Recipients(IEnumerable<MimeMessage> messages) =>
        [.. messages.SelectMany(m => m.To.Mailboxes).Select(m => m.Address).Order(StringComparer.OrdinalIgnoreCase)];

    public static string[] Sorted(params string[] addresses) => [.. addresses.Order(StringComparer.OrdinalIgnoreCase)];

    /// <summary>The plain-text body with Unix line ends, as a reader sees it.</summary>
    public static string Text(MimeMessage message) => (message.TextBody ?? "").Replace("\r\n", "\n", StringComparison.Ordinal);
}

/// <summary>The .eml files of a pickup folder that appeared since the last look.</summary>
public sealed class MailDrop(string folder)
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    /// <summary>Marks everything already there as seen.</summary>
    public void Skip() => _ = New();

    public IReadOnlyList<MimeMessage> New()
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }
        return [.. Directory.GetFiles(folder, "*.eml").Order(StringComparer.Ordinal).Where(_seen.Add).Select(file => MimeMessage.Load(file))];
    }

    /// <summary>Files that are not finished messages (left-over temporary files).</summary>
    public IReadOnlyList<string> Others() => Directory.Exists(folder)
        ? [.. Directory.GetFiles(folder).Where(f => !f.EndsWith(".eml", StringComparison.Ordinal))]
        : [];
}

/// <summary>
/// Collects what one class of the app logs, in place of its <see cref="Microsoft.Extensions.Logging.ILogger{T}"/>.
/// Not through a Serilog sink: the app's Serilog logger is the process-wide static one, which another
/// test's portal, started later in the same process, replaces.
/// </summary>
public sealed class LogCapture<T> : Microsoft.Extensions.Logging.ILogger<T>
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<(Microsoft.Extensions.Logging.LogLevel Level, string Message, Exception? Exception)> _events = new();

    public IReadOnlyList<(Microsoft.Extensions.Logging.LogLevel Level, string Message, Exception? Exception)> Events => [.. _events];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

    public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        _events.Enqueue((logLevel, formatter(state, exception), exception));
    }
}
