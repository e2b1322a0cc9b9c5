using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace ZemgaleNvo.Web.Features.Sealing;

/// <summary>
/// Where the seal certificate comes from: the configured PFX (its password only from the
/// environment variable <see cref="SealOptions.PasswordVariable"/>), or, in Development only and
/// when none is configured, a self-signed test seal created on the first run and kept in the
/// data folder so every approval of a development database is sealed by the same test seal.
/// </summary>
public sealed partial class SealCertificateSource(IOptions<SealOptions> options, IWebHostEnvironment environment, IConfiguration configuration, ILogger<SealCertificateSource> logger)
{
    /// <summary>The test seal's file, in the data folder (<c>Database:DataFolder</c>, beside the SQLite database).</summary>
    public const string DevelopmentSealFile = "development-seal.pfx";

    public X509Certificate2? Load()
    {
        var path = options.Value.CertificatePath;
        if (!string.IsNullOrWhiteSpace(path))
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, Environment.GetEnvironmentVariable(SealOptions.PasswordVariable), X509KeyStorageFlags.EphemeralKeySet);
        }

        if (!environment.IsDevelopment())
        {
            return null;
        }

        var file = Path.Combine(environment.ContentRootPath, configuration["Database:DataFolder"] is { Length: > 0 } folder ? folder : "data", DevelopmentSealFile);
        if (!File.Exists(file))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllBytes(file, CreateTestSeal());
            CreatedTestSeal(logger, file);
        }

        return X509CertificateLoader.LoadPkcs12FromFile(file, password: null, X509KeyStorageFlags.EphemeralKeySet);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Created a self-signed TEST seal at {File} (Development only): approved reports are sealed with it, never trusted outside this machine.")]
    private static partial void CreatedTestSeal(ILogger logger, string file);

    /// <summary>A self-signed RSA seal certificate for tests and development, as a PFX without a password.</summary>
    public static byte[] CreateTestSeal(string commonName = "ZemgaleNvo testa e-zīmogs")
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(new X500DistinguishedName($"CN={commonName}, O=ZemgaleNvo (tests), C=LV"), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, critical: true));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, critical: true));
        var now = DateTimeOffset.UtcNow;

        // Valid from long before the demo's approvals (2023–2025) so their frozen signing times fall inside it.
        using var certificate = request.CreateSelfSigned(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), now.AddYears(10));
        return certificate.Export(X509ContentType.Pfx);
    }
}
