using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZemgaleNvo.Domain.Audit;
using ZemgaleNvo.Domain.Evidence;
using ZemgaleNvo.Domain.Reviews;
using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.Evidence;

/// <summary>
/// Evidence files through the real pipeline, scanned by a real clamd on loopback: the same bytes
/// come back, EICAR is refused, another organisation's file is not found, an approved year's files
/// stay, a delete can be undone, and the limits answer in Latvian.
/// </summary>
public sealed class EvidenceFileTests : IClassFixture<ClamdFixture>, IDisposable
{
    private readonly ClamdFixture _clamd;
    private readonly PortalFactory _factory = new();

    public EvidenceFileTests(ClamdFixture clamd)
    {
        _clamd = clamd;
        foreach (var (key, value) in clamd.Settings)
        {
            _factory.Settings[key] = value;
        }
    }

    public void Dispose() => _factory.Dispose();

    /// <summary>A small but real-looking PDF: what matters is its first bytes and that every byte comes back.</summary>
    private static byte[] Pdf(int size = 40_000)
    {
        var bytes = new byte[size];
        new Random(14).NextBytes(bytes);
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string evidenceUrl, string target, params (string Name, byte[] Content)[] files)
    {
        var token = await Browser.AntiforgeryTokenAsync(client, evidenceUrl);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(target), "target" },
        };
        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "files", name);
        }
        return await client.PostAsync(evidenceUrl, form);
    }

    private async Task<List<EvidenceFile>> FilesAsync(bool includingDeleted = false)
    {
        await using var db = _factory.OpenDatabase();
        var files = includingDeleted ? db.EvidenceFiles.IgnoreQueryFilters() : db.EvidenceFiles;
        return await files.OrderBy(f => f.Id).ToListAsync();
    }

    private async Task<int> FirstResultIdAsync(DemoAgreement demo, int year)
    {
        var yearId = await demo.YearIdAsync(_factory, year);
        await using var db = _factory.OpenDatabase();
        return await db.Activities.Where(a => a.ImplementationYearId == yearId).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
    }

    [Fact]
    public async Task An_uploaded_attendance_list_comes_back_byte_for_byte_as_an_attachment()
    {
        var demo = await DemoAgreement.LoadAsync(_factory);
        var client = await Browser.SignedInClientAsync(_factory, Browser.ZemgaleStaff);
        var resultId = await FirstResultIdAsync(demo, 3);
        var content = Pdf();

        var upload = await UploadAsync(client, $"{demo.Year(3)}/evidence", $"result-{resultId}", ("C:\\Dokumenti\\Dalībnieku saraksts 12.03.<b>.pdf", content));

        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var stored = Assert.Single(await FilesAsync());
        Assert.Equal(resultId, stored.ActivityId);
        Assert.Equal("Dalībnieku saraksts 12.03.b.pdf", stored.FileName);
        Assert.Equal(EvidenceScan.Clean, stored.Scan);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)), stored.Sha256);

        var page = Browser.Text(await client.GetStringAsync($"{demo.Year(3)}/evidence?target=result-{resultId}"));
        Assert.Contains("Dalībnieku saraksts 12.03.b.pdf", page);
        Assert.DoesNotContain("nav pārbaudīts", page);

        // A reviewer downloads it: the same bytes, as an attachment, with the type found in the content.
        var reviewer = await Browser.SignedInClientAsync(_factory, Browser.Reviewer);
        var download = await reviewer.GetAsync($"{demo.Year(3)}/evidence/{stored.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(content, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("Dalībnieku saraksts 12.03.b.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("nosniff", Assert.Single(download.Headers.GetValues("X-Content-Type-Options")));

        await using var db = _factory.OpenDatabase();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(EvidenceFile) && a.Action == AuditAction.Created && a.Field == "FileName" && a.NewValue == stored.FileName && a.AgreementId == demo.Id));
    }

    [Fact]
    public async Task The_EICAR_test_file_is_refused_by_the_real_clamd_logged_and_audited()
    {
        var demo = await DemoAgreement.LoadAsync(_factory);
        var client = await Browser.SignedInClientAsync(_factory, Browser.ZemgaleStaff);

        var upload = await UploadAsync(client, $"{demo.Year(3)}/evidence", "year", ("saraksts.csv", ClamdFixture.Eicar));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, upload.StatusCode);
        var text = Browser.Text(await upload.Content.ReadAsStringAsync());
        Assert.Contains("Fails „saraksts.csv” netika saglabāts: vīrusu pārbaude tajā atrada kaitīgu saturu", text);
        Assert.Contains(ClamdFixture.Signature, text);
        Assert.Empty(await FilesAsync(includingDeleted: true));
        await using var db = _factory.OpenDatabase();
        Assert.Empty(await db.EvidenceBlobs.ToListAsync());
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == AuditAction.UploadRefused);
        Assert.Equal(demo.Id, audit.AgreementId);
        Assert.Contains(ClamdFixture.Signature, audit.NewValue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_program_renamed_to_pdf_is_refused_by_its_content()
    {
        var demo = await DemoAgreement.LoadAsync(_factory);
        var client = await Browser.SignedInClientAsync(_factory, Browser.ZemgaleStaff);
        var program = new byte[4096];
        "MZ\u0090\0"u8.CopyTo(program);

        var upload = await UploadAsync(client, $"{demo.Year(3)}/evidence", "year", ("rēķins.pdf", program));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, upload.StatusCode);
        Assert.Contains("veidu nosaka faila saturs, nevis nosaukums", Browser.Text(await upload.Content.ReadAsStringAsync()));
        Assert.Empty(await FilesAsync(includingDeleted: true));
    }

    [Fact]
    public async Task Another_organisations_file_is_not_found()
    {
        var demo = await DemoAgreement.LoadAsync(_factory);
        var staff = await Browser.SignedInClientAsync(_factory, Browser.ZemgaleStaff);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(staff, $"{demo.Year(3)}/evidence", "year", ("rēķins.pdf", Pdf()))).StatusCode);
        var file = Assert.Single(await FilesAsync());

        var other = await Browser.SignedInClientAsync(_factory, Browser.OtherStaff);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"{demo.Year(3)}/evidence/{file.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"{demo.Year(3)}/evidence")).StatusCode);
    }

    [Fact]
    public async Task An_approved_years_file_cannot_be_deleted_or_added_to()
    {
        var demo = await DemoAgreement.LoadAsync(_factory);
        var staff = await Browser.SignedInClientAsync(_factory, Browser.ZemgaleStaff);
        await demo.SetStatusAsync(_factory, 1, ReviewStatus.Draft);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(staff, $"{demo.Year(1)}/evidence", "year", ("akts.pdf", Pdf()))).StatusCode);
        var file = Assert.Single(await FilesAsync());
        var token = await Browser.AntiforgeryTokenAsync(staff, $"{demo.Year(1)}/evidence");
        await demo.SetStatusAsync(_factory, 1, ReviewStatus.Approved);

        var delete = await staff.PostAsync($"{demo.Year(1)}/evidence/{file.Id}/delete", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        var page = await staff.GetStringAsync($"{demo.Year(1)}/evidence");
        var upload = await UploadAsync(staff, $"{demo.Year(1)}/evidence", "year", ("vēl viens.pdf", Pdf()));

        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, upload.StatusCode);
        Assert.Null(Assert.Single(await FilesAsync(includingDeleted: true)).DeletedAtUtc);
        Assert.Contains("akts.pdf", page);
        Assert.DoesNotContain("Pievienot failus", page);
    }

    [Fact]
    public async Task A_deleted_file_can_be_taken_back_and_both_steps_are_audited()
    {
        var demo = await DemoAgreement.LoadAsync(_factory);
        var staff = await Browser.SignedInClientAsync(_factory, Browser.ZemgaleStaff);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(staff, $"{demo.Year(3)}/evidence", "year", ("foto.png", Png()))).StatusCode);
        var file = Assert.Single(await FilesAsync());
        Assert.Equal("image/png", file.ContentType);

        var delete = await Browser.PostFormAsync(staff, $"{demo.Year(3)}/evidence", $"{demo.Year(3)}/evidence/{file.Id}/delete", []);
        Assert.Equal(HttpStatusCode.Redirect, delete.StatusCode);
        Assert.Empty(await FilesAsync());
        var afterDelete = Browser.Text(await staff.GetStringAsync($"{demo.Year(3)}/evidence"));
        Assert.Contains("Fails „foto.png” izdzēsts.", afterDelete);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"{demo.Year(3)}/evidence/{file.Id}")).StatusCode);

        var restore = await Browser.PostFormAsync(staff, $"{demo.Year(3)}/evidence", $"{demo.Year(3)}/evidence/{file.Id}/restore", []);
        Assert.Equal(HttpStatusCode.Redirect, restore.StatusCode);
        Assert.Single(await FilesAsync());
        await using var db = _factory.OpenDatabase();
        var steps = await db.AuditEntries.Where(a => a.EntityType == nameof(EvidenceFile) && a.Field == nameof(EvidenceFile.DeletedAtUtc) && a.Action == AuditAction.Updated).ToListAsync();
        Assert.Equal(2, steps.Count);
    }

    [Fact]
    public async Task A_result_of_another_year_cannot_be_chosen_as_the_target()
    {
        var demo = await DemoAgreement.LoadAsync(_factory);
        var staff = await Browser.SignedInClientAsync(_factory, Browser.ZemgaleStaff);
        var resultOfYearOne = await FirstResultIdAsync(demo, 1);

        var upload = await UploadAsync(staff, $"{demo.Year(3)}/evidence", $"result-{resultOfYearOne}", ("akts.pdf", Pdf()));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, upload.StatusCode);
        Assert.Contains("Izvēlieties, kam fails pievienots.", Browser.Text(await upload.Content.ReadAsStringAsync()));
        Assert.Empty(await FilesAsync(includingDeleted: true));
    }

    [Fact]
    public async Task The_dossier_query_lists_the_files_of_approved_years_only_with_their_bytes()
    {
        var demo = await DemoAgreement.LoadAsync(_factory);
        var staff = await Browser.SignedInClientAsync(_factory, Browser.ZemgaleStaff);
        await demo.SetStatusAsync(_factory, 1, ReviewStatus.Draft);
        var approved = Pdf(30_000);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(staff, $"{demo.Year(1)}/evidence", "year", ("akts.pdf", approved))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(staff, $"{demo.Year(3)}/evidence", "year", ("melnraksts.pdf", Pdf(20_000)))).StatusCode);
        await demo.SetStatusAsync(_factory, 1, ReviewStatus.Approved);

        using var scope = _factory.Services.CreateScope();
        var evidence = scope.ServiceProvider.GetRequiredService<ZemgaleNvo.Infrastructure.Evidence.ApprovedYearEvidence>();
        var item = Assert.Single(await evidence.ListAsync(demo.Id, CancellationToken.None));
        await using var content = await evidence.OpenAsync(item, CancellationToken.None);
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy);

        Assert.Equal(1, item.YearNumber);
        Assert.Equal("akts.pdf", item.FileName);
        Assert.Equal("Gads", item.AttachedTo);
        Assert.Equal(approved, copy.ToArray());
    }

    [Fact]
    public async Task The_auditors_dossier_carries_the_approved_years_files_byte_for_byte_with_a_list_of_their_own_names()
    {
        var demo = await DemoAgreement.LoadAsync(_factory);
        var staff = await Browser.SignedInClientAsync(_factory, Browser.ZemgaleStaff);
        await demo.SetStatusAsync(_factory, 1, ReviewStatus.Draft);
        var approved = Pdf(30_000);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(staff, $"{demo.Year(1)}/evidence", "year", ("Pieņemšanas akts ķēde.pdf", approved))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(staff, $"{demo.Year(3)}/evidence", "year", ("melnraksts.pdf", Pdf(20_000)))).StatusCode);
        await demo.SetStatusAsync(_factory, 1, ReviewStatus.Approved);
        var fileId = (await FilesAsync()).Single(f => f.FileName == "Pieņemšanas akts ķēde.pdf").Id;

        var reviewer = await Browser.SignedInClientAsync(_factory, Browser.Reviewer);
        using var response = await reviewer.GetAsync($"/agreements/{demo.Id}/dossier.zip");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var archive = new System.IO.Compression.ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var path = $"pieradijumi/I/{fileId}-pienemsanas-akts-kede.pdf";
        using (var copy = new MemoryStream())
        {
            await using (var entry = await archive.GetEntry(path)!.OpenAsync())
            {
                await entry.CopyToAsync(copy);
            }
            Assert.Equal(approved, copy.ToArray());
        }
        // The draft year's file is not final, so not in the dossier; the list names the file as uploaded.
        Assert.Single(archive.Entries, e => e.FullName.StartsWith("pieradijumi/", StringComparison.Ordinal) && e.FullName.EndsWith(".pdf", StringComparison.Ordinal));
        using var list = new StreamReader(archive.GetEntry("pieradijumi/saraksts.csv")!.Open());
        var rows = (await list.ReadToEndAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Gads;Pamato;Faila nosaukums;", rows[0], StringComparison.Ordinal);
        Assert.StartsWith($"I;Gads;Pieņemšanas akts ķēde.pdf;{path};application/pdf;30000;", rows[1], StringComparison.Ordinal);
        using var manifest = System.Text.Json.JsonDocument.Parse(archive.GetEntry("manifest.json")!.Open());
        var listed = manifest.RootElement.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("path").GetString() == path);
        Assert.Equal("evidenceFile", listed.GetProperty("kind").GetString());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(approved)), listed.GetProperty("sha256").GetString());
    }

    internal static byte[] Png() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, .. "IHDR"u8, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0];
}
