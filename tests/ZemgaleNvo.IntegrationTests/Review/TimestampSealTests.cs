using System.Formats.Asn1;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.IntegrationTests.Infrastructure;
using ZemgaleNvo.IntegrationTests.Publication;

namespace ZemgaleNvo.IntegrationTests.Review;

/// <summary>
/// PAdES B-T (issue 16, must-have 3): with <c>Signing:TimestampUrl</c> the seal carries an RFC 3161
/// time stamp as its signature-time-stamp attribute; an authority that does not answer leaves a B-B seal.
/// </summary>
public class TimestampSealTests
{
    private const string SignatureTimeStamp = "1.2.840.113549.1.9.16.2.14";

    [Fact]
    public async Task With_a_time_stamp_authority_the_seal_carries_its_time_stamp_and_pdfsig_validates_it()
    {
        using var authority = new LoopbackTimestampAuthority();
        using var factory = new PortalFactory();
        factory.Settings["Signing:TimestampUrl"] = authority.Url.ToString();

        var demo = (await ApprovalSteps.ApproveYearThreeAsync(factory)).Demo;
        var pdf = await FrozenYearThreeAsync(factory, demo.Id);

        Assert.Equal(1, authority.Answered);
        var signer = SealTests.Cms(pdf).SignerInfos[0];
        var stamp = Assert.Single(signer.UnsignedAttributes.Cast<CryptographicAttributeObject>(), a => a.Oid.Value == SignatureTimeStamp);
        Assert.True(Rfc3161TimestampToken.TryDecode(stamp.Values[0].RawData, out var token, out _));
        // The token stamps this signature's value, as PAdES B-T requires.
        Assert.True(token!.VerifySignatureForSignerInfo(signer, out _, [authority.Certificate]));
        var check = SealTests.PdfSig(pdf);
        Assert.Contains("Signature Validation: Signature is Valid.", check, StringComparison.Ordinal);
        Assert.Contains("Total document signed", check, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_time_stamp_authority_still_approves_with_a_valid_seal_without_time_stamp()
    {
        using var factory = new PortalFactory();
        factory.Settings["Signing:TimestampUrl"] = $"http://127.0.0.1:{LoopbackTimestampAuthority.FreePort()}/";

        var (reviewer, demo) = await ApprovalSteps.ApproveYearThreeAsync(factory);
        var pdf = await FrozenYearThreeAsync(factory, demo.Id);

        Assert.Empty(SealTests.Cms(pdf).SignerInfos[0].UnsignedAttributes);
        Assert.Contains("Signature Validation: Signature is Valid.", SealTests.PdfSig(pdf), StringComparison.Ordinal);
        var page = await reviewer.GetStringAsync(new Uri(demo.Workspace(3), UriKind.Relative));
        Assert.Contains("Parakstīts ar e-zīmogu: ZemgaleNvo testa e-zīmogs", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
    }

    private static async Task<byte[]> FrozenYearThreeAsync(PortalFactory factory, int agreementId)
    {
        await using var db = factory.OpenDatabase();
        return await db.FrozenReports.Where(r => r.AgreementId == agreementId && r.YearNumber == 3).OrderByDescending(r => r.Id).Select(r => r.Content).FirstAsync();
    }

    /// <summary>
    /// A minimal RFC 3161 time-stamp authority on loopback for these tests: it answers a
    /// TimeStampReq with a granted TimeStampResp whose token is signed by a throw-away test key.
    /// </summary>
    private sealed class LoopbackTimestampAuthority : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly RSA _key = RSA.Create(2048);
        private readonly Task _serving;
        private int _answered;
        private long _serial;

        public LoopbackTimestampAuthority()
        {
            var request = new CertificateRequest("CN=ZemgaleNvo testa laika zīmogs", _key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.8")], critical: true));
            Certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            Url = new Uri($"http://127.0.0.1:{FreePort()}/tsa/");
            _listener.Prefixes.Add(Url.ToString());
            _listener.Start();
            _serving = Task.Run(ServeAsync);
        }

        public Uri Url { get; }
        public X509Certificate2 Certificate { get; }
        public int Answered => Volatile.Read(ref _answered);

        public static int FreePort()
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            return ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                var answer = Answer(body.ToArray());
                context.Response.ContentType = "application/timestamp-reply";
                await context.Response.OutputStream.WriteAsync(answer);
                context.Response.Close();
                Interlocked.Increment(ref _answered);
            }
        }

        /// <summary>TimeStampResp: status granted (0) and the token, a SignedData over the TSTInfo.</summary>
        private byte[] Answer(byte[] query)
        {
            if (!Rfc3161TimestampRequest.TryDecode(query, out var request, out _))
            {
                throw new InvalidOperationException("Not a TimeStampReq.");
            }
            var info = new Rfc3161TimestampTokenInfo(
                new Oid("1.2.3.4.1"), request!.HashAlgorithmId, request.GetMessageHash(),
                new System.Numerics.BigInteger(Interlocked.Increment(ref _serial)).ToByteArray(isUnsigned: false, isBigEndian: true), DateTimeOffset.UtcNow,
                nonce: request.GetNonce());
            var signed = new SignedCms(new ContentInfo(new Oid("1.2.840.113549.1.9.16.1.4"), info.Encode()));
            var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, Certificate)
            {
                DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1"),
                IncludeOption = request.RequestSignerCertificate ? X509IncludeOption.EndCertOnly : X509IncludeOption.None,
            };
            signer.SignedAttributes.Add(new AsnEncodedData("1.2.840.113549.1.9.16.2.47", SigningCertificateV2(Certificate)));
            signed.ComputeSignature(signer, silent: true);

            var writer = new AsnWriter(AsnEncodingRules.DER);
            using (writer.PushSequence())
            {
                using (writer.PushSequence())
                {
                    writer.WriteInteger(0);
                }
                writer.WriteEncodedValue(signed.Encode());
            }
            return writer.Encode();
        }

        private static byte[] SigningCertificateV2(X509Certificate2 certificate)
        {
            var writer = new AsnWriter(AsnEncodingRules.DER);
            using (writer.PushSequence())
            using (writer.PushSequence())
            using (writer.PushSequence())
            {
                writer.WriteOctetString(SHA256.HashData(certificate.RawData));
            }
            return writer.Encode();
        }

        public void Dispose()
        {
            _listener.Close();
            _serving.Wait(TimeSpan.FromSeconds(5));
            Certificate.Dispose();
            _key.Dispose();
        }
    }
}
