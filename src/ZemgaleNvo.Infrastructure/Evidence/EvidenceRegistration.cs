using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ZemgaleNvo.Infrastructure.Evidence;

public static class EvidenceRegistration
{
    /// <summary>The <c>Attachments</c> settings, the store they choose and the virus scanner they choose.</summary>
    public static IServiceCollection AddEvidenceFiles(this IServiceCollection services, IConfiguration configuration, string contentRoot, bool isDevelopment)
    {
        var section = configuration.GetSection(AttachmentOptions.Section);
        services.AddSingleton<IValidateOptions<AttachmentOptions>>(new AttachmentOptionsValidation(isDevelopment));
        services.AddSettings<AttachmentOptions>(section);
        services.AddScoped<IEvidenceStore>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<AttachmentOptions>>();
            return options.Value.StoresInFolder
                ? new FolderEvidenceStore(options, contentRoot)
                : ActivatorUtilities.CreateInstance<DatabaseEvidenceStore>(provider);
        });
        services.AddSingleton<ClamdScanner>();
        services.AddSingleton<IVirusScanner>(provider =>
            provider.GetRequiredService<IOptions<AttachmentOptions>>().Value.Scans
                ? provider.GetRequiredService<ClamdScanner>()
                : new NoVirusScanner());
        services.AddScoped<ApprovedYearEvidence>();
        return services;
    }
}
