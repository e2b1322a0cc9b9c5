using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Pdf;
using ZemgaleNvo.Web.Features.Account;

namespace ZemgaleNvo.Web.Features.Health;

/// <summary>
/// Probes for a load balancer or an orchestrator: <c>/health/live</c> (the process answers) and
/// <c>/health/ready</c> (it can serve: database reachable and migrated, report fonts present).
/// Anonymous, and they say only Healthy or Unhealthy: details stay in the log.
/// </summary>
internal static class PortalHealth
{
    private const string Ready = "ready";

    public static void AddPortalHealthChecks(this IServiceCollection services) =>
        services.AddHealthChecks()
            .AddCheck<DatabaseReadyCheck>("database", tags: [Ready])
            .AddCheck<ReportFontsCheck>("report-fonts", tags: [Ready]);

    public static void MapPortalHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new() { Predicate = _ => false })
            .AllowAnonymous().WithMetadata(new AllowedBeforeSecondFactorAttribute());
        endpoints.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains(Ready) })
            .AllowAnonymous().WithMetadata(new AllowedBeforeSecondFactorAttribute());
    }
}

/// <summary>The database answers and has every migration this build knows.</summary>
internal sealed class DatabaseReadyCheck(AppDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("The database cannot be reached.");
            }
            var pending = await db.Database.GetPendingMigrationsAsync(cancellationToken);
            return pending.Any()
                ? HealthCheckResult.Unhealthy("The database lacks migrations; run `migrate`.")
                : HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database check failed.", e);
        }
    }
}

/// <summary>The font files the PDFs embed are still where start-up found them.</summary>
internal sealed class ReportFontsCheck(FontSet fonts) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(fonts.FilePaths.All(File.Exists)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("A report font file is missing."));
}
