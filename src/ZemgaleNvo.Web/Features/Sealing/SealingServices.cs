using Microsoft.Extensions.Options;
using ZemgaleNvo.Infrastructure;

namespace ZemgaleNvo.Web.Features.Sealing;

public static class SealingServices
{
    /// <summary>The Signing section (checked at start-up), the certificate source and the seal.</summary>
    public static void AddSealing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IValidateOptions<SealOptions>, SealOptionsValidation>();
        services.AddSettings<SealOptions>(configuration.GetSection(SealOptions.Section));
        services.AddHttpClient(nameof(ReportSeal), client => client.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<SealCertificateSource>();
        services.AddSingleton<ReportSeal>();
    }
}
