using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.IntegrationTests.Infrastructure;
using ZemgaleNvo.IntegrationTests.Publication;

namespace ZemgaleNvo.IntegrationTests.Review;

/// <summary>
/// The electronic seal at approval (issue 16, must-have 3): Development seals with its self-signed
/// test seal, poppler's <c>pdfsig</c> checks the signature, and the year's page names the seal.
/// </summary>
public class SealTests
{
    [Fact]
    public async Task An_approved_year_is_sealed_pdfsig_validates_it_and_a_changed_byte_breaks_it()
    {
        using var factory = new PortalFactory();
        var (reviewer, demo) = await ApprovalSteps.ApproveYearThreeAsync(factory);

        byte[] pdf;
        await using (var db = factory.OpenDatabase())
        {
            pdf = await db.FrozenReports.Where(r => r.AgreementId == demo.Id && r.YearNumber == 3).OrderByDescending(r => r.Id).Select(r => r.Content).FirstAsync();
        }

        var check = PdfSig(pdf);
        Assert.Contains("Signature Validation: Signature is Valid.", check, StringComparison.Ordinal);
        Assert.Contains("ZemgaleNvo testa e-zīmogs", check, StringComparison.Ordinal);
        Assert.Contains("ETSI.CAdES.detached", check, StringComparison.Ordinal);
        Assert.Contains("Total document signed", check, StringComparison.Ordinal);

        // One byte of the page content changed after sealing: the signature no longer matches.
        var changed = (byte[])pdf.Clone();
        var at = System.Text.Encoding.Latin1.GetString(pdf).IndexOf("stream\n", StringComparison.Ordinal) + 20;
        changed[at] ^= 0x01;
        Assert.DoesNotContain("Signature is Valid.", PdfSig(changed), StringComparison.Ordinal);

        var page = await reviewer.GetStringAsync(new Uri(demo.Workspace(3), UriKind.Relative));
        Assert.Contains("Parakstīts ar e-zīmogu: ZemgaleNvo testa e-zīmogs", System.Net.WebUtility.HtmlDecode(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demos_approved_year_one_is_downloaded_as_its_frozen_sealed_pdf()
    {
        using var factory = new PortalFactory();
        var reviewer = await Browser.SignedInClientAsync(factory, Browser.Reviewer);

        var download = await reviewer.GetAsync(new Uri("/agreements/1/years/1.pdf", UriKind.Relative));
        var pdf = await download.Content.ReadAsByteArrayAsync();

        byte[] frozen;
        await using (var db = factory.OpenDatabase())
        {
            frozen = await db.FrozenReports.Where(r => r.AgreementId == 1 && r.YearNumber == 1 && r.Language == "lv").Select(r => r.Content).SingleAsync();
            // Year II is approved in the demo too; year III (a draft) is not frozen.
            Assert.True(await db.FrozenReports.AnyAsync(r => r.AgreementId == 1 && r.YearNumber == 2));
            Assert.False(await db.FrozenReports.AnyAsync(r => r.AgreementId == 1 && r.YearNumber == 3));
        }
        Assert.Equal(System.Net.HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(frozen, pdf);
        var check = PdfSig(pdf);
        Assert.Contains("Signature Validation: Signature is Valid.", check, StringComparison.Ordinal);
        Assert.Contains("Total document signed", check, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_Development_without_a_certificate_the_approved_year_is_not_sealed_and_the_page_says_so()
    {
        using var factory = new PortalFactory();
        // Production after the Development default (the same setting UseEnvironment writes); no Signing:CertificatePath.
        factory.Settings["environment"] = "Production";

        var (reviewer, demo) = await ApprovalSteps.ApproveYearThreeAsync(factory);

        await using (var db = factory.OpenDatabase())
        {
            var pdf = await db.FrozenReports.Where(r => r.AgreementId == demo.Id && r.YearNumber == 3).OrderByDescending(r => r.Id).Select(r => r.Content).FirstAsync();
            Assert.DoesNotContain("ETSI.CAdES.detached", System.Text.Encoding.Latin1.GetString(pdf), StringComparison.Ordinal);
        }
        Assert.False(File.Exists(Path.Combine(factory.DataFolder, "development-seal.pfx")));
        var page = System.Net.WebUtility.HtmlDecode(await reviewer.GetStringAsync(new Uri(demo.Workspace(3), UriKind.Relative)));
        Assert.Contains("Bez e-zīmoga: portālam nav iestatīts zīmoga sertifikāts.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Parakstīts ar e-zīmogu", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_seals_signed_attributes_are_exactly_content_type_message_digest_and_signing_certificate_v2()
    {
        using var factory = new PortalFactory();
        byte[] pdf;
        await using (var db = factory.OpenDatabase())
        {
            pdf = await db.FrozenReports.Where(r => r.AgreementId == 1 && r.YearNumber == 1).Select(r => r.Content).FirstAsync();
        }

        // PAdES baseline forbids the CMS signing-time attribute: the time is the dictionary's /M.
        var signer = Cms(pdf).SignerInfos[0];
        var signed = signer.SignedAttributes.Cast<System.Security.Cryptography.CryptographicAttributeObject>().Select(a => a.Oid.Value).Order(StringComparer.Ordinal);
        Assert.Equal(["1.2.840.113549.1.9.16.2.47", "1.2.840.113549.1.9.3", "1.2.840.113549.1.9.4"], signed);
        Assert.Empty(signer.UnsignedAttributes);
    }

    /// <summary>The CMS signature in the last signature dictionary's /Contents (zero padding after the DER value left out).</summary>
    internal static System.Security.Cryptography.Pkcs.SignedCms Cms(byte[] pdf)
    {
        var text = System.Text.Encoding.Latin1.GetString(pdf);
        var contents = text.IndexOf("/Contents <", text.LastIndexOf("/SubFilter /ETSI.CAdES.detached", StringComparison.Ordinal), StringComparison.Ordinal) + 11;
        var bytes = Convert.FromHexString(text.AsSpan(contents, text.IndexOf('>', contents) - contents));
        var der = new System.Formats.Asn1.AsnReader(bytes, System.Formats.Asn1.AsnEncodingRules.BER).ReadEncodedValue();
        var cms = new System.Security.Cryptography.Pkcs.SignedCms();
        cms.Decode(der.Span);
        return cms;
    }

    internal static string PdfSig(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"zemgalenvo-seal-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            var start = new ProcessStartInfo("pdfsig") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(file);
            using var process = Process.Start(start) ?? throw new InvalidOperationException("pdfsig did not start.");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return output.Result + error;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
