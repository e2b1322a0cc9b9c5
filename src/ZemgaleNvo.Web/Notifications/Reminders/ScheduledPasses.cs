using Microsoft.Extensions.Options;
using ZemgaleNvo.Infrastructure;
using ZemgaleNvo.Infrastructure.Notifications;

namespace ZemgaleNvo.Web.Notifications.Reminders;

/// <summary>Runs the reminder pass on this instance if it holds (or can take) the pass's lease.</summary>
public sealed class ScheduledPassRunner(PassLease lease, ReminderPass pass, IOptions<ReminderOptions> options)
{
    /// <summary>The pass's result when this instance ran it; null when another instance holds the lease or reminders are off.</summary>
    public async Task<ReminderPassResult?> RunIfLeaseHolderAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return null;
        }
        if (!await lease.TryAcquireAsync(ScheduledPassNames.Reminders, TimeSpan.FromSeconds(options.Value.LeaseSeconds), cancellationToken))
        {
            return null;
        }
        var lastRun = await lease.LastRunAsync(ScheduledPassNames.Reminders, cancellationToken);
        var result = await pass.RunAsync(lastRun, cancellationToken);
        await lease.MarkRunAsync(ScheduledPassNames.Reminders, cancellationToken);
        return result;
    }
}

/// <summary>
/// Each instance's schedule: every <see cref="ReminderOptions.PollSeconds"/> (first at start-up) it
/// tries the pass, which runs only on the instance holding the lease; on shutdown it gives the lease
/// up so another instance takes over at its next poll. The pauses run on the portal's
/// <see cref="TimeProvider"/>.
/// </summary>
internal sealed partial class ScheduledPassesBackgroundService(
    IServiceScopeFactory scopes,
    TimeProvider time,
    IOptions<ReminderOptions> options,
    ILogger<ScheduledPassesBackgroundService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }
        var pause = TimeSpan.FromSeconds(options.Value.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ScheduledPassRunner>().RunIfLeaseHolderAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // A database that is briefly unavailable must not end the schedule for the life of the process.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogPassFailed(logger, e);
            }
            try
            {
                await Task.Delay(pause, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<PassLease>().ReleaseAsync(ScheduledPassNames.Reminders, cancellationToken);
        }
#pragma warning disable CA1031 // Shutting down: a lease that cannot be given back simply runs out.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogReleaseFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reminder pass failed; trying again at the next poll")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not give up the reminder pass's lease on shutdown; it runs out by itself")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception);
}

/// <summary>Registers the reminder pass and its schedule.</summary>
public static class ReminderServices
{
    public static IServiceCollection AddReminders(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSettings<ReminderOptions>(configuration.GetSection(ReminderOptions.Section))
            .Validate(o => o.IsValid, ReminderOptions.Rules);
        services.AddSingleton<SchedulerInstance>();
        services.AddScoped<PassLease>();
        services.AddScoped<ReminderPass>();
        services.AddScoped<ScheduledPassRunner>();
        services.AddHostedService<ScheduledPassesBackgroundService>();
        return services;
    }
}
