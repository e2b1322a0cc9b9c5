using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.Reports;

/// <summary>
/// Approved reports (pages and PDFs) carry ETags and a browser that has one gets 304 with no body;
/// access is checked before that; draft pages are neither tagged nor kept, draft PDFs are (issue 18). In the demo, years I and II
/// are approved (frozen and sealed when the demo is seeded) and year III is a draft.
/// </summary>
public sealed class ApprovedReportCachingTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private const string YearOne = "/agreements/1/years/1";
    private const string YearThree = "/agreements/1/years/3";

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, EntityTagHeaderValue? ifNoneMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(ifNoneMatch);
        }
        return await client.SendAsync(request);
    }

    [Theory]
    [InlineData(YearOne)]
    [InlineData(YearOne + ".pdf")]
    [InlineData(YearOne + ".pdf?annex=true")]
    public async Task A_repeat_request_for_an_approved_report_with_its_etag_gets_304_and_no_body(string url)
    {
        var client = await Browser.SignedInClientAsync(fixture.Factory, Browser.Reviewer);

        var first = await GetAsync(client, url, null);
        var again = await GetAsync(client, url, first.Headers.ETag);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotNull(first.Headers.ETag);
        AssertRevalidatedEachTime(first);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(first.Headers.ETag, again.Headers.ETag);
        AssertRevalidatedEachTime(again);
    }

    /// <summary>Kept by this browser only (private, never no-store) and asked for again before each use (no-cache).</summary>
    private static void AssertRevalidatedEachTime(HttpResponseMessage response)
    {
        var cacheControl = response.Headers.CacheControl;
        Assert.True(cacheControl is { Private: true, NoCache: true, NoStore: false }, cacheControl?.ToString());
        Assert.False(response.Headers.Contains("Pragma"));
    }

    [Fact]
    public async Task An_approved_pdf_with_no_frozen_copy_is_rendered_once_and_then_served_from_memory()
    {
        var client = await Browser.SignedInClientAsync(fixture.Factory, Browser.Reviewer);

        // The annex is never frozen (the frozen document is the report without it): rendered on demand.
        var first = await client.GetAsync(YearOne + ".pdf?annex=true");
        await Task.Delay(1100); // a render now would stamp a later creation time into the file
        var second = await client.GetAsync(YearOne + ".pdf?annex=true");

        Assert.Equal("application/pdf", first.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
    }

    [Fact]
    public async Task The_language_the_annex_and_the_year_each_have_their_own_etag()
    {
        var client = await Browser.SignedInClientAsync(fixture.Factory, Browser.Reviewer);
        var latvian = (await client.GetAsync(YearOne + ".pdf")).Headers.ETag;
        var annex = (await client.GetAsync(YearOne + ".pdf?annex=true")).Headers.ETag;
        var yearTwo = (await client.GetAsync("/agreements/1/years/2.pdf")).Headers.ETag;
        var latvianPage = (await client.GetAsync(YearOne)).Headers.ETag;

        await Browser.PostFormAsync(client, "/", "/language", new() { ["culture"] = "en", ["returnUrl"] = "/" });
        var english = await GetAsync(client, YearOne + ".pdf", latvian);
        var englishPage = await GetAsync(client, YearOne, latvianPage);

        // Asked with the Latvian tag, the English version comes whole, with its own tag.
        Assert.Equal(HttpStatusCode.OK, english.StatusCode);
        Assert.Equal(HttpStatusCode.OK, englishPage.StatusCode);
        Assert.Contains("Implementation year", Browser.Text(await englishPage.Content.ReadAsStringAsync()), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(5, new[] { latvian, annex, yearTwo, english.Headers.ETag, latvianPage }.Select(t => t!.Tag).Distinct().Count());
        Assert.NotEqual(latvianPage, englishPage.Headers.ETag);
    }

    [Fact]
    public async Task A_page_tag_is_the_users_own_so_another_signed_in_user_gets_the_page_not_304()
    {
        var reviewer = await Browser.SignedInClientAsync(fixture.Factory, Browser.Reviewer);
        var staff = await Browser.SignedInClientAsync(fixture.Factory, Browser.ZemgaleStaff);
        var reviewersTag = (await reviewer.GetAsync(YearOne)).Headers.ETag;

        var staffPage = await GetAsync(staff, YearOne, reviewersTag);

        Assert.Equal(HttpStatusCode.OK, staffPage.StatusCode);
        Assert.NotEqual(reviewersTag, staffPage.Headers.ETag);
        Assert.Contains("Zemgales NVO centrs", await staffPage.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(YearOne)]
    [InlineData(YearOne + ".pdf")]
    [InlineData("/agreements/1/summary")]
    public async Task Another_organisations_staff_get_404_whatever_etag_they_send(string url)
    {
        var reviewer = await Browser.SignedInClientAsync(fixture.Factory, Browser.Reviewer);
        var tag = (await reviewer.GetAsync(url)).Headers.ETag ?? EntityTagHeaderValue.Any;
        var other = await Browser.SignedInClientAsync(fixture.Factory, Browser.OtherStaff);

        var withTag = await GetAsync(other, url, tag);
        var withAny = await GetAsync(other, url, EntityTagHeaderValue.Any);

        Assert.Equal(HttpStatusCode.NotFound, withTag.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, withAny.StatusCode);
        Assert.Null(withTag.Headers.ETag);
    }

    [Theory]
    [InlineData(YearThree)]
    [InlineData("/agreements/1/summary")]
    public async Task A_draft_page_gets_no_etag_and_is_not_kept_by_the_browser(string url)
    {
        var client = await Browser.SignedInClientAsync(fixture.Factory, Browser.Reviewer);

        var response = await GetAsync(client, url, EntityTagHeaderValue.Any);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.ETag);
        Assert.True(response.Headers.CacheControl?.NoStore, response.Headers.CacheControl?.ToString());
    }

    /// <summary>
    /// Issue 18: draft PDFs are tagged like approved ones (their tag moves with every change of the
    /// agreement), so a repeat download is 304; the browser must still ask each time.
    /// </summary>
    [Theory]
    [InlineData(YearThree + ".pdf")]
    [InlineData(YearThree + ".pdf?annex=true")]
    [InlineData("/agreements/1/summary.pdf")]
    [InlineData("/agreements/1/summary.pdf?annex=true")]
    public async Task A_repeat_download_of_a_draft_pdf_with_its_etag_gets_304(string url)
    {
        var client = await Browser.SignedInClientAsync(fixture.Factory, Browser.Reviewer);

        var first = await GetAsync(client, url, null);
        var again = await GetAsync(client, url, first.Headers.ETag);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotNull(first.Headers.ETag);
        AssertRevalidatedEachTime(first);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
    }
}

/// <summary>Changes to the data give approved reports new tags (a database of its own, as it is changed).</summary>
public sealed class ApprovedReportTagChangeTests
{
    [Fact]
    public async Task A_change_to_what_an_approved_report_prints_gives_it_a_new_etag_and_the_new_content()
    {
        using var factory = new PortalFactory();
        var client = await Browser.SignedInClientAsync(factory, Browser.Reviewer);
        var page = await client.GetAsync("/agreements/1/years/1");
        // The year's PDF with the reviewers' annex is drawn from the data; the plain one is the file frozen
        // (and sealed) at approval, which nothing printed later may change.
        var pdf = await client.GetAsync("/agreements/1/years/1.pdf?annex=true");
        var frozen = await client.GetAsync("/agreements/1/years/1.pdf");

        // Printed on the approved year's report, though not part of the frozen year: the performer's name.
        await using (var db = factory.OpenDatabase())
        {
            var performer = await db.Organisations.SingleAsync(o => o.Name == "Biedrība „Zemgales NVO centrs”");
            performer.Name = "Biedrība „Zemgales NVO centrs” (pārdēvēta)";
            await db.SaveChangesAsync();
        }
        using var pageAgain = new HttpRequestMessage(HttpMethod.Get, "/agreements/1/years/1");
        pageAgain.Headers.IfNoneMatch.Add(page.Headers.ETag!);
        using var pdfAgain = new HttpRequestMessage(HttpMethod.Get, "/agreements/1/years/1.pdf?annex=true");
        pdfAgain.Headers.IfNoneMatch.Add(pdf.Headers.ETag!);
        using var frozenAgain = new HttpRequestMessage(HttpMethod.Get, "/agreements/1/years/1.pdf");
        frozenAgain.Headers.IfNoneMatch.Add(frozen.Headers.ETag!);
        var newPage = await client.SendAsync(pageAgain);
        var newPdf = await client.SendAsync(pdfAgain);
        var frozenStill = await client.SendAsync(frozenAgain);

        Assert.Equal(HttpStatusCode.OK, newPage.StatusCode);
        Assert.NotEqual(page.Headers.ETag, newPage.Headers.ETag);
        Assert.Contains("(pārdēvēta)", Browser.Text(await newPage.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, newPdf.StatusCode);
        Assert.NotEqual(pdf.Headers.ETag, newPdf.Headers.ETag);
        Assert.NotEqual(await pdf.Content.ReadAsByteArrayAsync(), await newPdf.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotModified, frozenStill.StatusCode);
    }
}
