namespace ZemgaleNvo.Web.Notifications;

/// <summary>Registers the workflow emails: <see cref="IWorkflowNotifier"/> and the delivery the configuration chooses.</summary>
public static class NotificationServices
{
    /// <summary>
    /// Checks the <c>Smtp</c> section and <c>Notifications:PortalBaseUrl</c> now (a setting that cannot
    /// work stops start-up with one line naming it) and registers the notifier.
    /// </summary>
    public static IServiceCollection AddWorkflowNotifications(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var settings = MailSettings.Resolve(configuration, environment.ContentRootPath, environment.IsDevelopment());
        services.AddSingleton(settings);
        switch (settings.Mode)
        {
            case MailMode.Pickup:
                services.AddSingleton<IMailDelivery, PickupDirectoryDelivery>();
                break;
            case MailMode.Smtp:
                services.AddSingleton<IMailDelivery, SmtpDelivery>();
                break;
            default:
                services.AddSingleton<IMailDelivery, NoMailDelivery>();
                break;
        }
        services.AddScoped<IWorkflowNotifier, WorkflowNotifier>();
        return services;
    }
}
