using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.Operations;

/// <summary>
/// With a certificate configured, the data-protection keys (which sign every cookie and form) are
/// stored encrypted: a copy of the database alone does not give them away, and the portal, started
/// again with the certificate, still reads its own cookies.
/// </summary>
public sealed class KeyProtectionTests : IDisposable
{
    private readonly string _folder = TempFolder.Create();

    public void Dispose() => TempFolder.Delete(_folder);

    private string WriteCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=ZemgaleNvo data protection", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_folder, "keys.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, "sertifikāta parole"));
        return path;
    }

    private PortalFactory Portal(string certificate)
    {
        var factory = new PortalFactory(_folder);
        factory.Settings["DataProtection:CertificatePath"] = certificate;
        factory.Settings["DataProtection:CertificatePassword"] = "sertifikāta parole";
        return factory;
    }

    [Fact]
    public async Task Keys_are_stored_encrypted_and_still_read_after_a_restart()
    {
        var certificate = WriteCertificate();
        string authCookie;
        using (var first = Portal(certificate))
        {
            var client = first.CreateClient();
            var signIn = await Browser.SignInAsync(client, Browser.ZemgaleStaff);
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            authCookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-ZemgaleNvo-Auth=", StringComparison.Ordinal)).Split(';')[0];

            await using var db = first.OpenDatabase();
            var stored = await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
            Assert.NotEmpty(stored);
            Assert.All(stored, xml =>
            {
                Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
                Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal); // the plain master key element
            });
        }

        using var again = Portal(certificate);
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", authCookie);
        var home = await again.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }
}
