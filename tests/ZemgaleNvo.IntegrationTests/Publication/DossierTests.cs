using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;
using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.Publication;

/// <summary>
/// The auditor's dossier: one ZIP with the approved documents, the summary in every form, the audit
/// trail and a manifest whose hashes and sizes are those of the files; the same data gives the same
/// bytes; reviewers and admins only.
/// </summary>
public sealed class DossierTests : IDisposable
{
    private readonly PortalFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task The_dossier_holds_the_frozen_approved_reports_the_summary_files_and_the_audit_trail_and_its_manifest_matches_them()
    {
        var (reviewer, demo) = await ApprovalSteps.ApproveYearThreeAsync(_factory);

        using var response = await reviewer.GetAsync($"/agreements/{demo.Id}/dossier.zip");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("dosje-zemgale-2022-2025.zip", response.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var files = Unzip(bytes);

        Assert.Equal("manifest.json", files.Keys.Last());
        using var manifest = JsonDocument.Parse(files["manifest.json"]);
        var listed = manifest.RootElement.GetProperty("files").EnumerateArray().ToList();
        // Every file but the manifest is listed, in the ZIP's order, with its own size and SHA-256.
        Assert.Equal(files.Keys.SkipLast(1), listed.Select(f => f.GetProperty("path").GetString()));
        foreach (var file in listed)
        {
            var content = files[file.GetProperty("path").GetString()!];
            Assert.Equal(content.LongLength, file.GetProperty("size").GetInt64());
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), file.GetProperty("sha256").GetString());
        }
        var kinds = listed.ToDictionary(f => f.GetProperty("path").GetString()!, f => f.GetProperty("kind").GetString());
        Assert.Contains(kinds, k => k.Key == "kopsavilkums/kopsavilkums-zemgale-2022-2025.pdf" && k.Value == "summaryPdf");
        Assert.Contains("kopsavilkums/kopsavilkums-zemgale-2022-2025.xlsx", kinds.Keys);
        Assert.Contains("kopsavilkums/kopsavilkums-zemgale-2022-2025.csv", kinds.Keys);
        Assert.Contains("kopsavilkums/kopsavilkums-zemgale-2022-2025.json", kinds.Keys);
        Assert.Equal(3, kinds.Keys.Count(k => k.StartsWith("gadi/", StringComparison.Ordinal)));

        // Year III was approved through the portal: its entry is the frozen document, byte for byte.
        await using (var db = _factory.OpenDatabase())
        {
            var frozen = await db.FrozenReports.SingleAsync(r => r.AgreementId == demo.Id && r.YearNumber == 3);
            var path = "gadi/" + frozen.FileName;
            Assert.Equal("approvedYearReport", kinds[path]);
            Assert.Equal(frozen.Content, files[path]);
            Assert.Equal(frozen.Sha256, listed.Single(f => f.GetProperty("path").GetString() == path).GetProperty("sha256").GetString());
        }
        using (var pdf = PdfDocument.Open(files["kopsavilkums/kopsavilkums-zemgale-2022-2025.pdf"]))
        {
            Assert.Contains("Kopsavilkums", string.Concat(pdf.GetPages().Select(p => p.Text)));
        }

        // The audit trail: the approval is in it, and nothing a spreadsheet would run as a formula.
        var trail = Encoding.UTF8.GetString(files["audits/audita-zurnals.csv"]);
        Assert.StartsWith("\uFEFFLaiks (UTC);Lietotājs;Darbība;", trail, StringComparison.Ordinal);
        Assert.Contains(";Approved;", trail);
        Assert.Contains(Browser.Reviewer, trail);
        Assert.DoesNotContain(trail.Split("\r\n").SelectMany(line => line.Split(';')), field => field.Length > 0 && "=+@".Contains(field[0]));
    }

    [Fact]
    public async Task The_same_data_gives_the_same_dossier_byte_for_byte_and_a_change_gives_another()
    {
        var demo = await DemoAgreement.LoadAsync(_factory);
        var reviewer = await Browser.SignedInClientAsync(_factory, Browser.Reviewer);
        var admin = await Browser.SignedInClientAsync(_factory, Browser.Admin);

        var first = await reviewer.GetByteArrayAsync($"/agreements/{demo.Id}/dossier.zip");
        // Another person, in another language, later: the same data, the same bytes.
        Assert.Equal(HttpStatusCode.Redirect, (await Browser.PostFormAsync(admin, "/", "/language", new() { ["culture"] = "en", ["returnUrl"] = "/" })).StatusCode);
        var second = await admin.GetByteArrayAsync($"/agreements/{demo.Id}/dossier.zip");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(first)), Convert.ToHexStringLower(SHA256.HashData(second)));

        // A comment is a change of the agreement's data: the audit trail (and so the dossier) differs.
        Assert.Equal(HttpStatusCode.Redirect, (await ApprovalSteps.PostAsync(reviewer, $"{demo.Year(3)}/comments", new() { ["Comment.Text"] = "=SUM(A1:A9) lūdzu pārbaudīt" })).StatusCode);
        var third = await reviewer.GetByteArrayAsync($"/agreements/{demo.Id}/dossier.zip");
        Assert.NotEqual(first, third);
        var trail = Encoding.UTF8.GetString(Unzip(third)["audits/audita-zurnals.csv"]);
        Assert.Contains("'=SUM(A1:A9) lūdzu pārbaudīt", trail);
    }

    [Fact]
    public async Task Only_reviewers_and_admins_get_the_dossier()
    {
        var demo = await DemoAgreement.LoadAsync(_factory);
        var staff = await Browser.SignedInClientAsync(_factory, Browser.ZemgaleStaff);
        var other = await Browser.SignedInClientAsync(_factory, Browser.OtherStaff);
        var url = $"/agreements/{demo.Id}/dossier.zip";

        var refused = await staff.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/account/denied", refused.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
        Assert.DoesNotContain("dossier.zip", await staff.GetStringAsync($"/agreements/{demo.Id}/summary"));
        var reviewer = await Browser.SignedInClientAsync(_factory, Browser.Reviewer);
        Assert.Contains("dossier.zip", await reviewer.GetStringAsync($"/agreements/{demo.Id}/summary"));
    }

    /// <summary>The ZIP's files in its order.</summary>
    private static Dictionary<string, byte[]> Unzip(byte[] zip)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        foreach (var entry in archive.Entries)
        {
            using var content = entry.Open();
            using var copy = new MemoryStream();
            content.CopyTo(copy);
            files.Add(entry.FullName, copy.ToArray());
        }
        return files;
    }
}
