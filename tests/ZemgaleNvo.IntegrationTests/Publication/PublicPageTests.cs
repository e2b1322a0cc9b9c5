using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Domain.Audit;
using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.Publication;

/// <summary>
/// A reviewer publishes an approved summary: then, and only then, anyone without an account reads
/// its page, its approved PDF and its JSON, and finds it in the index and the open-data listing;
/// withdrawn, it is gone again. Both steps are in the audit trail with who and when.
/// </summary>
public sealed class PublicPageTests : IDisposable
{
    private readonly PortalFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task An_unapproved_summary_cannot_be_published_and_nothing_of_it_is_public()
    {
        var demo = await DemoAgreement.LoadAsync(_factory);
        var reviewer = await Browser.SignedInClientAsync(_factory, Browser.Reviewer);
        var anonymous = _factory.CreateClient();

        var refused = await ApprovalSteps.PostAsync(reviewer, $"/agreements/{demo.Id}/summary/publish");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("Publicēt var tikai apstiprinātu kopsavilkumu.", Browser.Text(await reviewer.GetStringAsync(refused.Headers.Location!.OriginalString)));

        foreach (var path in new[] { $"/public/{demo.Id}", $"/public/{demo.Id}.pdf", $"/public/{demo.Id}.json", "/public/999999" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(path)).StatusCode);
        }
        await using var db = _factory.OpenDatabase();
        Assert.Empty(await db.SummaryPublications.ToListAsync());
        Assert.Contains("Pagaidām nav publicētu kopsavilkumu.", Browser.Text(await anonymous.GetStringAsync("/public")));
        using var listing = JsonDocument.Parse(await anonymous.GetStringAsync("/public/summaries.json"));
        Assert.Equal(0, listing.RootElement.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_published_summary_is_public_without_the_findings_until_it_is_withdrawn_and_both_steps_are_audited()
    {
        var (reviewer, demo) = await ApprovalSteps.ApproveSummaryAsync(_factory);
        var anonymous = _factory.CreateClient();
        var page = $"/public/{demo.Id}";

        // Approved but not yet published: still not public.
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(page)).StatusCode);
        var summaryPage = Browser.Text(await reviewer.GetStringAsync($"/agreements/{demo.Id}/summary"));
        Assert.Contains("Kopsavilkums nav publicēts.", summaryPage);

        var published = await ApprovalSteps.PostAsync(reviewer, $"/agreements/{demo.Id}/summary/publish");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Contains("Kopsavilkums publicēts", Browser.Text(await reviewer.GetStringAsync($"/agreements/{demo.Id}/summary")));
        // Pressed twice (a second tab): still one publication.
        await ApprovalSteps.PostAsync(reviewer, $"/agreements/{demo.Id}/summary/publish");

        var html = await anonymous.GetStringAsync(page);
        var text = Browser.Text(html);
        Assert.Contains("Kopsavilkums", text);
        Assert.Contains("Biedrība „Zemgales NVO centrs”", text);
        Assert.Contains("Publicētie kopsavilkumi", text);
        // Not the reviewers' findings, not the portal's menu, no sign-out, no links into the portal.
        Assert.DoesNotContain("findings-title", html);
        Assert.DoesNotContain("Iziet", text);
        Assert.DoesNotContain($"/agreements/{demo.Id}", html);

        await using (var db = _factory.OpenDatabase())
        {
            var frozen = await db.FrozenReports.Where(r => r.AgreementId == demo.Id && r.YearNumber == null).OrderByDescending(r => r.Id).FirstAsync();
            using var pdf = await anonymous.GetAsync(page + ".pdf");
            Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
            Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
            Assert.Equal(frozen.Content, await pdf.Content.ReadAsByteArrayAsync());
            var publication = Assert.Single(await db.SummaryPublications.ToListAsync());
            Assert.Equal(frozen.Id, publication.FrozenReportId);
        }

        using (var json = JsonDocument.Parse(await anonymous.GetStringAsync(page + ".json")))
        {
            Assert.Equal(0, json.RootElement.GetProperty("findings").GetArrayLength());
        }

        Assert.Contains(page, await anonymous.GetStringAsync("/public"));
        using (var listing = JsonDocument.Parse(await anonymous.GetStringAsync("/public/summaries.json")))
        {
            var item = Assert.Single(listing.RootElement.GetProperty("items").EnumerateArray());
            Assert.Equal("Biedrība „Zemgales NVO centrs”", item.GetProperty("organisation").GetString());
            Assert.Equal("https://localhost" + page, item.GetProperty("pageUrl").GetString());
            Assert.Equal("https://localhost" + page + ".pdf", item.GetProperty("pdfUrl").GetString());
            Assert.Equal("https://localhost" + page + ".json", item.GetProperty("jsonUrl").GetString());
            Assert.Equal("2022-07-15", item.GetProperty("period").GetProperty("start").GetString());
            Assert.Equal(3, item.GetProperty("resources").GetArrayLength());
        }
        var csvBytes = await anonymous.GetByteArrayAsync("/public/summaries.csv");
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, csvBytes[..3]);
        var csv = System.Text.Encoding.UTF8.GetString(csvBytes[3..]);
        Assert.StartsWith("name;title;organisation;", csv, StringComparison.Ordinal);
        Assert.Contains("https://localhost" + page + ".pdf", csv);

        // Withdrawn: gone from every public address and from the listing.
        Assert.Equal(HttpStatusCode.Redirect, (await ApprovalSteps.PostAsync(reviewer, $"/agreements/{demo.Id}/summary/withdraw")).StatusCode);
        foreach (var path in new[] { page, page + ".pdf", page + ".json" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(path)).StatusCode);
        }
        Assert.DoesNotContain(page, await anonymous.GetStringAsync("/public"));
        Assert.DoesNotContain(page, await anonymous.GetStringAsync("/public/summaries.csv"));

        await using var check = _factory.OpenDatabase();
        var trail = await check.AuditEntries.Where(e => e.AgreementId == demo.Id && e.EntityType == "SummaryPublication").ToListAsync();
        Assert.Contains(trail, e => e.Action == AuditAction.Created && e.Field == "PublishedByName" && e.UserName == Browser.Reviewer);
        Assert.Contains(trail, e => e.Action == AuditAction.Updated && e.Field == "WithdrawnAtUtc" && e.UserName == Browser.Reviewer);
        Assert.Contains("Kopsavilkuma publicēšana", Browser.Text(await reviewer.GetStringAsync($"/agreements/{demo.Id}/audit")));
    }

    [Fact]
    public async Task Staff_cannot_publish_and_an_anonymous_visitor_opens_no_other_page()
    {
        var (_, demo) = await ApprovalSteps.ApproveSummaryAsync(_factory);
        var staff = await Browser.SignedInClientAsync(_factory, Browser.ZemgaleStaff);
        var refused = await ApprovalSteps.PostAsync(staff, $"/agreements/{demo.Id}/summary/publish");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/account/denied", refused.Headers.Location!.IsAbsoluteUri ? refused.Headers.Location.PathAndQuery : refused.Headers.Location.OriginalString, StringComparison.Ordinal);
        await using (var db = _factory.OpenDatabase())
        {
            Assert.Empty(await db.SummaryPublications.ToListAsync());
        }

        var reviewer = await Browser.SignedInClientAsync(_factory, Browser.Reviewer);
        Assert.Equal(HttpStatusCode.Redirect, (await ApprovalSteps.PostAsync(reviewer, $"/agreements/{demo.Id}/summary/publish")).StatusCode);
        var anonymous = _factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/public/{demo.Id}")).StatusCode);
        foreach (var path in new[] { $"/agreements/{demo.Id}/summary", $"/agreements/{demo.Id}/summary.pdf", $"/agreements/{demo.Id}", "/dashboard" })
        {
            var response = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }
}
