using System.Formats.Asn1;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.Extensions.Options;
using ZemgaleNvo.Pdf.Signing;

namespace ZemgaleNvo.Web.Features.Sealing;

/// <summary>Who sealed a document and when, as the report page shows it.</summary>
public sealed record SealInfo(string Subject, DateTimeOffset SignedAt);

/// <summary>
/// The ministry's electronic seal on approved reports: a PAdES baseline signature (B-B; B-T when
/// <see cref="SealOptions.TimestampUrl"/> is set) with the certificate from <c>Signing:CertificatePath</c>.
/// Without a certificate documents are left unsealed and <see cref="IsConfigured"/> is false.
/// </summary>
/// <remarks>
/// The signing time is the approval's frozen time, not the clock, and RSA PKCS #1 v1.5 signatures
/// are deterministic, so re-sealing the same document with the same certificate gives the same
/// bytes (a time stamp, when configured, is the authority's and differs every time).
/// </remarks>
public sealed partial class ReportSeal
{
    private const string SigningCertificateV2 = "1.2.840.113549.1.9.16.2.47";
    private const string TimeStampToken = "1.2.840.113549.1.9.16.2.14";

    private readonly SealOptions _options;
    private readonly IHttpClientFactory _http;
    private readonly Lazy<X509Certificate2?> _certificate;
    private readonly ILogger<ReportSeal> _logger;

    public ReportSeal(IOptions<SealOptions> options, IHttpClientFactory http, SealCertificateSource source, ILogger<ReportSeal> logger)
    {
        _logger = logger;
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(source);
        _options = options.Value;
        _http = http;
        _certificate = new Lazy<X509Certificate2?>(source.Load);
    }

    public bool IsConfigured => _certificate.Value is not null;

    /// <summary>The seal's holder as shown to users (the certificate's common name).</summary>
    public string? Subject => _certificate.Value is { } certificate ? SubjectOf(certificate) : null;

    /// <summary>The sealed PDF, or <paramref name="pdf"/> unchanged when no seal is configured.</summary>
    public async Task<byte[]> SealAsync(byte[] pdf, DateTimeOffset signingTime, CancellationToken cancellationToken)
    {
        if (_certificate.Value is not { } certificate)
        {
            return pdf;
        }

        var prepared = PdfSignature.Prepare(pdf, signingTime, SubjectOf(certificate));
        var cms = new SignedCms(new ContentInfo(prepared.SignedBytes()), detached: true);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, certificate)
        {
            DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1"),
            IncludeOption = X509IncludeOption.WholeChain,
        };

        // PAdES baseline: signing-certificate-v2 binds the certificate to the signature; no
        // signing-time attribute (the time is the dictionary's /M).
        signer.SignedAttributes.Add(new AsnEncodedData(SigningCertificateV2, EssSigningCertificateV2(certificate)));
        cms.ComputeSignature(signer, silent: true);

        if (_options.TimestampUrl is { } url)
        {
            // An unreachable or failing time-stamp authority does not stop the approval: the document
            // is sealed B-B (still a valid seal, its time the approval's) and the failure is logged
            // for the operators (decision 0020).
            try
            {
                var signerInfo = cms.SignerInfos[0];
                var request = Rfc3161TimestampRequest.CreateFromSignerInfo(signerInfo, HashAlgorithmName.SHA256, requestSignerCertificates: true, nonce: RandomNumberGenerator.GetBytes(8));
                using var content = new ByteArrayContent(request.Encode());
                content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/timestamp-query");
                using var response = await _http.CreateClient(nameof(ReportSeal)).PostAsync(url, content, cancellationToken);
                response.EnsureSuccessStatusCode();
                var token = request.ProcessResponse(await response.Content.ReadAsByteArrayAsync(cancellationToken), out _);
                signerInfo.AddUnsignedAttribute(new AsnEncodedData(TimeStampToken, token.AsSignedCms().Encode()));
            }
            catch (Exception e) when (e is HttpRequestException or CryptographicException
                || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                LogTimestampFailed(_logger, e, url);
            }
        }

        return prepared.Complete(cms.Encode());
    }

    /// <summary>The seal of a PDF sealed here (the last signature), or null for an unsealed one.</summary>
    public static SealInfo? Read(byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        var text = Encoding.Latin1.GetString(pdf);
        var at = text.LastIndexOf("/SubFilter /ETSI.CAdES.detached", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var time = text.IndexOf("/M (D:", at, StringComparison.Ordinal);
        var contents = text.IndexOf("/Contents <", at, StringComparison.Ordinal);
        if (time < 0 || contents < 0)
        {
            return null;
        }

        var end = text.IndexOf('>', contents);
        var cms = new SignedCms();
        try
        {
            // The reserved room is padded with zeros after the DER value; the reader stops at its end.
            var bytes = Convert.FromHexString(text.AsSpan(contents + 11, end - contents - 11));
            var reader = new AsnReader(bytes, AsnEncodingRules.BER);
            cms.Decode(reader.ReadEncodedValue().Span);
        }
        catch (Exception e) when (e is CryptographicException or FormatException or AsnContentException)
        {
            return null;
        }

        var certificate = cms.SignerInfos.Count > 0 ? cms.SignerInfos[0].Certificate : null;
        var signedAt = DateTimeOffset.ParseExact(text.AsSpan(time + 6, 14), "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        return certificate is null ? null : new SealInfo(SubjectOf(certificate), signedAt);
    }

    private static string SubjectOf(X509Certificate2 certificate) =>
        certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false) is { Length: > 0 } name ? name : certificate.Subject;

    /// <summary>ESS SigningCertificateV2 (RFC 5035) with one ESSCertIDv2: the certificate's SHA-256 (the default algorithm, so omitted).</summary>
    private static byte[] EssSigningCertificateV2(X509Certificate2 certificate)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                using (writer.PushSequence())
                {
                    writer.WriteOctetString(SHA256.HashData(certificate.RawData));
                }
            }
        }

        return writer.Encode();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Time-stamp authority {Url} did not answer with a time stamp: the document is sealed without one (PAdES B-B)")]
    private static partial void LogTimestampFailed(ILogger logger, Exception exception, Uri url);
}
