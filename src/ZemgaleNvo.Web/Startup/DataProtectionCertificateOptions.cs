using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace ZemgaleNvo.Web.Startup;

/// <summary>
/// The <c>DataProtection</c> section: a PFX certificate (with its private key) that encrypts the
/// data-protection keys stored in the database. Not set: the keys are stored as they are.
/// </summary>
public sealed class DataProtectionCertificateOptions
{
    public const string Section = "DataProtection";
    public const string PathSetting = "DataProtection:CertificatePath";

    public string? CertificatePath { get; set; }

    /// <summary>Given through the environment, never in a committed file.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>The certificate, or null when none is configured.</summary>
    /// <exception cref="CryptographicException">The file is not a certificate, or the password is wrong.</exception>
    public X509Certificate2? Load(string contentRoot) =>
        string.IsNullOrWhiteSpace(CertificatePath)
            ? null
            : X509CertificateLoader.LoadPkcs12FromFile(Path.GetFullPath(CertificatePath, contentRoot), CertificatePassword);
}

/// <summary>The certificate must load and carry its private key, or the keys it encrypted could not be read back.</summary>
internal sealed class DataProtectionCertificateValidation(string contentRoot) : IValidateOptions<DataProtectionCertificateOptions>
{
    public ValidateOptionsResult Validate(string? name, DataProtectionCertificateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            using var certificate = options.Load(contentRoot);
            return certificate is null || certificate.HasPrivateKey
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"{DataProtectionCertificateOptions.PathSetting}: the certificate has no private key, so the keys could not be read back.");
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            return ValidateOptionsResult.Fail($"{DataProtectionCertificateOptions.PathSetting}: {e.Message}");
        }
    }
}
