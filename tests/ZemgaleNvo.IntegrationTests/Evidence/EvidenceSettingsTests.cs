using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Domain.Evidence;
using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.Evidence;

/// <summary>The <c>Attachments</c> settings at work: size limits, no scanner, an unreachable scanner, files on disk.</summary>
public sealed class EvidenceSettingsTests(ClamdFixture clamd) : IClassFixture<ClamdFixture>
{
    private PortalFactory Portal(params (string Key, string Value)[] settings)
    {
        var factory = new PortalFactory();
        foreach (var (key, value) in clamd.Settings)
        {
            factory.Settings[key] = value;
        }
        foreach (var (key, value) in settings)
        {
            factory.Settings[key] = value;
        }
        return factory;
    }

    private static byte[] Pdf(int size)
    {
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string evidenceUrl, string name, byte[] content)
    {
        var token = await Browser.AntiforgeryTokenAsync(client, evidenceUrl);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("year"), "target" },
        };
        var part = new ByteArrayContent(content);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(part, "files", name);
        return await client.PostAsync(evidenceUrl, form);
    }

    private static async Task<int> CountAsync(PortalFactory factory)
    {
        await using var db = factory.OpenDatabase();
        return await db.EvidenceFiles.IgnoreQueryFilters().CountAsync();
    }

    [Fact]
    public async Task A_file_over_the_limit_gets_413_and_a_Latvian_page_and_nothing_is_stored()
    {
        using var factory = Portal(("Attachments:MaxFileMegabytes", "1"), ("Attachments:MaxFilesPerUpload", "1"));
        var demo = await DemoAgreement.LoadAsync(factory);
        var staff = await Browser.SignedInClientAsync(factory, Browser.ZemgaleStaff);

        // Over the file limit, within the request limit: the form's page names the file.
        var overFile = await UploadAsync(staff, $"{demo.Year(3)}/evidence", "liels.pdf", Pdf(1_500_000));
        // Over what a whole upload may be: refused before the body is read.
        var overRequest = await UploadAsync(staff, $"{demo.Year(3)}/evidence", "milzīgs.pdf", Pdf(3_500_000));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, overFile.StatusCode);
        Assert.Contains("Fails „liels.pdf” ir lielāks par 1 MB.", Browser.Text(await overFile.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, overRequest.StatusCode);
        var page = Browser.Text(await overRequest.Content.ReadAsStringAsync());
        Assert.Contains("Fails ir par lielu", page);
        Assert.Contains("viens fails var būt līdz 1 MB", page);
        Assert.Equal(0, await CountAsync(factory));
    }

    [Fact]
    public async Task The_agreements_total_is_kept()
    {
        using var factory = Portal(("Attachments:MaxFileMegabytes", "1"), ("Attachments:MaxAgreementMegabytes", "1"));
        var demo = await DemoAgreement.LoadAsync(factory);
        var staff = await Browser.SignedInClientAsync(factory, Browser.ZemgaleStaff);

        var first = await UploadAsync(staff, $"{demo.Year(3)}/evidence", "pirmais.pdf", Pdf(700_000));
        var second = await UploadAsync(staff, $"{demo.Year(3)}/evidence", "otrais.pdf", Pdf(700_001));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, second.StatusCode);
        Assert.Contains("līguma failiem kopā atvēlēti 1 MB", Browser.Text(await second.Content.ReadAsStringAsync()));
        Assert.Equal(1, await CountAsync(factory));
    }

    [Fact]
    public async Task An_unreachable_scanner_refuses_the_upload()
    {
        using var factory = Portal(("Attachments:ClamdPort", ClamdFixture.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var demo = await DemoAgreement.LoadAsync(factory);
        var staff = await Browser.SignedInClientAsync(factory, Browser.ZemgaleStaff);

        var upload = await UploadAsync(staff, $"{demo.Year(3)}/evidence", "akts.pdf", Pdf(10_000));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, upload.StatusCode);
        Assert.Contains("vīrusu pārbaude pašlaik nav pieejama", Browser.Text(await upload.Content.ReadAsStringAsync()));
        Assert.Equal(0, await CountAsync(factory));
    }

    [Fact]
    public async Task Without_a_scanner_in_Development_files_are_accepted_and_marked_not_scanned()
    {
        using var factory = Portal(("Attachments:Scanner", "none"));
        var demo = await DemoAgreement.LoadAsync(factory);
        var staff = await Browser.SignedInClientAsync(factory, Browser.ZemgaleStaff);

        var upload = await UploadAsync(staff, $"{demo.Year(3)}/evidence", "akts.pdf", Pdf(10_000));

        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        Assert.Contains("nav pārbaudīts", Browser.Text(await staff.GetStringAsync($"{demo.Year(3)}/evidence")));
        await using var db = factory.OpenDatabase();
        Assert.Equal(EvidenceScan.NotScanned, (await db.EvidenceFiles.SingleAsync()).Scan);
    }

    [Fact]
    public async Task With_folder_storage_the_bytes_live_on_disk_under_their_hash_and_come_back_the_same()
    {
        var folder = TempFolder.Create();
        try
        {
            using var factory = Portal(("Attachments:Storage", "Folder"), ("Attachments:Folder", folder));
            var demo = await DemoAgreement.LoadAsync(factory);
            var staff = await Browser.SignedInClientAsync(factory, Browser.ZemgaleStaff);
            var content = Pdf(250_000);

            Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(staff, $"{demo.Year(3)}/evidence", "akts.pdf", content)).StatusCode);

            await using var db = factory.OpenDatabase();
            var file = await db.EvidenceFiles.SingleAsync();
            Assert.Empty(await db.EvidenceBlobs.ToListAsync());
            Assert.Equal(content, await File.ReadAllBytesAsync(Path.Combine(folder, file.Sha256[..2], file.Sha256[2..4], file.Sha256 + ".bin")));
            Assert.Equal(content, await staff.GetByteArrayAsync($"{demo.Year(3)}/evidence/{file.Id}"));
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }
}
