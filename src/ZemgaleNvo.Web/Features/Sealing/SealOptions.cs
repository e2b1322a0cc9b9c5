using Microsoft.Extensions.Options;

namespace ZemgaleNvo.Web.Features.Sealing;

/// <summary>
/// The <c>Signing</c> section: the ministry's seal certificate that signs approved reports
/// (PAdES B-B, or B-T with a time stamp). Without a certificate approved reports are not sealed,
/// and the report page says so.
/// </summary>
public sealed class SealOptions
{
    public const string Section = "Signing";

    /// <summary>The environment variable with the PFX password: never in a settings file.</summary>
    public const string PasswordVariable = "Signing__CertificatePassword";

    /// <summary>The PFX (PKCS #12) file with the seal's certificate and private key.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>An RFC 3161 time-stamp authority; when set, seals are PAdES B-T.</summary>
    public Uri? TimestampUrl { get; set; }
}

/// <summary>A configured certificate file must exist: a missing seal stops start-up, not the first approval.</summary>
internal sealed class SealOptionsValidation : IValidateOptions<SealOptions>
{
    public ValidateOptionsResult Validate(string? name, SealOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.CertificatePath) && !File.Exists(options.CertificatePath))
        {
            return ValidateOptionsResult.Fail($"Signing:CertificatePath: the file '{options.CertificatePath}' does not exist.");
        }

        if (options.TimestampUrl is { } url && (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https")))
        {
            return ValidateOptionsResult.Fail("Signing:TimestampUrl: must be an absolute http or https address of an RFC 3161 time-stamp authority.");
        }

        return ValidateOptionsResult.Success;
    }
}
