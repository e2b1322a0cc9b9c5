using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.IntegrationTests.Dashboard;
using ZemgaleNvo.IntegrationTests.Infrastructure;
using ZemgaleNvo.Web.Features.Reports;

namespace ZemgaleNvo.IntegrationTests.Reports;

/// <summary>
/// Issue 18: report caches and ETags are per agreement. A change in one agreement gives its own
/// reports new tags and leaves every other agreement's tags (and kept PDFs) valid; draft PDFs are
/// tagged and kept too, rendered again only after a change. Each test on a database of its own.
/// </summary>
public sealed class AgreementStampTests
{
    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, EntityTagHeaderValue? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(ifNoneMatch);
        }
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task A_change_in_one_agreement_gives_its_reports_new_etags_and_leaves_the_other_agreements_etags_valid()
    {
        using var factory = new PortalFactory();
        var zemgale = await DashboardHtml.ZemgaleAgreementIdAsync(factory);
        var latgale = await DashboardHtml.AddLatgaleAgreementAsync(factory);
        var client = await Browser.SignedInClientAsync(factory, Browser.Reviewer);
        // Zemgale: an approved year's page and PDF, and the draft summary's PDF; Latgale: its draft summary's PDF.
        string[] zemgaleUrls = [$"/agreements/{zemgale}/years/1", $"/agreements/{zemgale}/years/1.pdf", $"/agreements/{zemgale}/summary.pdf?annex=true"];
        var zemgaleTags = new List<EntityTagHeaderValue>();
        foreach (var url in zemgaleUrls)
        {
            zemgaleTags.Add((await GetAsync(client, url)).Headers.ETag ?? throw new InvalidOperationException($"No ETag on {url}"));
        }
        var latgaleUrl = $"/agreements/{latgale}/summary.pdf";
        var latgaleTag = (await GetAsync(client, latgaleUrl)).Headers.ETag!;

        await using (var db = factory.OpenDatabase())
        {
            (await db.Agreements.SingleAsync(a => a.Id == latgale)).OtherInformation = "Līgums pagarināts";
            await db.SaveChangesAsync();
        }

        foreach (var (url, tag) in zemgaleUrls.Zip(zemgaleTags))
        {
            Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(client, url, tag)).StatusCode);
        }
        var latgaleAgain = await GetAsync(client, latgaleUrl, latgaleTag);
        Assert.Equal(HttpStatusCode.OK, latgaleAgain.StatusCode);
        Assert.NotEqual(latgaleTag, latgaleAgain.Headers.ETag);

        // A record deep under the other agreement (a year's evaluation text): now Zemgale's tags move, Latgale's stays.
        await using (var db = factory.OpenDatabase())
        {
            (await db.ImplementationYears.SingleAsync(y => y.AgreementId == zemgale && y.Number == 3)).EvaluationText = "Izvērtējums papildināts";
            await db.SaveChangesAsync();
        }
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(client, latgaleUrl, latgaleAgain.Headers.ETag)).StatusCode);
        var zemgaleSummary = await GetAsync(client, zemgaleUrls[2], zemgaleTags[2]);
        Assert.Equal(HttpStatusCode.OK, zemgaleSummary.StatusCode);
        Assert.NotEqual(zemgaleTags[2], zemgaleSummary.Headers.ETag);
    }

    [Fact]
    public async Task Renaming_an_organisation_moves_the_stamps_of_its_agreements_only()
    {
        using var factory = new PortalFactory();
        var zemgale = await DashboardHtml.ZemgaleAgreementIdAsync(factory);
        var latgale = await DashboardHtml.AddLatgaleAgreementAsync(factory);
        var client = await Browser.SignedInClientAsync(factory, Browser.Reviewer);
        var zemgaleTag = (await GetAsync(client, $"/agreements/{zemgale}/summary.pdf")).Headers.ETag!;
        var latgaleTag = (await GetAsync(client, $"/agreements/{latgale}/summary.pdf")).Headers.ETag!;

        await using (var db = factory.OpenDatabase())
        {
            var performer = await db.Agreements.Where(a => a.Id == latgale).Select(a => a.Performer!).SingleAsync();
            performer.Name += " (pārdēvēta)";
            await db.SaveChangesAsync();
        }

        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(client, $"/agreements/{zemgale}/summary.pdf", zemgaleTag)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, $"/agreements/{latgale}/summary.pdf", latgaleTag)).StatusCode);
    }

    [Fact]
    public async Task A_draft_pdf_is_served_from_memory_until_its_agreement_changes_and_then_rendered_again()
    {
        using var factory = new PortalFactory();
        var zemgale = await DashboardHtml.ZemgaleAgreementIdAsync(factory);
        var client = await Browser.SignedInClientAsync(factory, Browser.Reviewer);
        var documents = factory.Service<ReportDocumentCache>();
        var url = $"/agreements/{zemgale}/years/3.pdf";

        var first = await GetAsync(client, url);
        var rendersAfterFirst = documents.Renders;
        var second = await GetAsync(client, url);
        var repeat = await GetAsync(client, url, first.Headers.ETag);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("application/pdf", first.Content.Headers.ContentType?.MediaType);
        Assert.Equal(rendersAfterFirst, documents.Renders);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotModified, repeat.StatusCode);
        Assert.Empty(await repeat.Content.ReadAsByteArrayAsync());

        await using (var db = factory.OpenDatabase())
        {
            (await db.ImplementationYears.SingleAsync(y => y.AgreementId == zemgale && y.Number == 3)).EvaluationText = "Izvērtējums pēc pārbaudes papildināts";
            await db.SaveChangesAsync();
        }
        var changed = await GetAsync(client, url, first.Headers.ETag);

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(rendersAfterFirst + 1, documents.Renders);
        Assert.NotEqual(first.Headers.ETag, changed.Headers.ETag);
        Assert.Contains("Izvērtējums pēc pārbaudes papildināts", PdfText(await changed.Content.ReadAsByteArrayAsync()));
    }

    private static string PdfText(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(p => p.Text)).Replace('\u00A0', ' ');
    }
}
