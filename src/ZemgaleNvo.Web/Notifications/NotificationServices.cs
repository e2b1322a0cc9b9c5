using Microsoft.Extensions.Options;
using ZemgaleNvo.Infrastructure;

namespace ZemgaleNvo.Web.Notifications;

/// <summary>Registers the workflow emails: <see cref="IWorkflowNotifier"/> and the delivery the configuration chooses.</summary>
public static class NotificationServices
{
    /// <summary>
    /// Binds the <c>Smtp</c> and <c>Notifications</c> sections, checked when the host starts (a
    /// setting that cannot work stops start-up with one line naming it), and registers the notifier
    /// with the delivery they choose.
    /// </summary>
    public static IServiceCollection AddWorkflowNotifications(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        services.AddSettings<NotificationOptions>(configuration.GetSection(NotificationOptions.Section));
        services.AddSettings<SmtpOptions>(configuration.GetSection(SmtpOptions.Section));
        services.AddSingleton<IValidateOptions<SmtpOptions>>(provider =>
            new MailOptionsValidation(provider.GetRequiredService<IOptions<NotificationOptions>>(), environment));
        services.AddSingleton(provider => MailSettings.Resolve(
            provider.GetRequiredService<IOptions<SmtpOptions>>().Value,
            provider.GetRequiredService<IOptions<NotificationOptions>>().Value,
            environment.ContentRootPath,
            environment.IsDevelopment()));
        services.AddSingleton<PickupDirectoryDelivery>();
        services.AddSingleton<SmtpDelivery>();
        services.AddSingleton<NoMailDelivery>();
        services.AddSingleton<IMailDelivery>(provider => provider.GetRequiredService<MailSettings>().Mode switch
        {
            MailMode.Pickup => provider.GetRequiredService<PickupDirectoryDelivery>(),
            MailMode.Smtp => provider.GetRequiredService<SmtpDelivery>(),
            _ => provider.GetRequiredService<NoMailDelivery>(),
        });
        services.AddScoped<IWorkflowNotifier, WorkflowNotifier>();
        services.AddSettings<OutboxOptions>(configuration.GetSection(OutboxOptions.Section))
            .Validate(o => o.PollSeconds >= 1 && o.LeaseSeconds >= 60 && o.MaxAttempts >= 1 && o.FirstRetrySeconds >= 1 && o.MaxRetrySeconds >= o.FirstRetrySeconds,
                "Outbox: PollSeconds ≥ 1, LeaseSeconds ≥ 60, MaxAttempts ≥ 1, FirstRetrySeconds ≥ 1 and MaxRetrySeconds ≥ FirstRetrySeconds.");
        services.AddScoped<OutboxSender>();
        services.AddScoped<OutboxWriter>();
        services.AddHostedService<OutboxBackgroundService>();
        return services;
    }
}
