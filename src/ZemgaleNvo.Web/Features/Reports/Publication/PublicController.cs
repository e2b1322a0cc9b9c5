using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ZemgaleNvo.Web.Features.Account;
using ZemgaleNvo.Web.Features.Reports.Export;
using ZemgaleNvo.Web.Formatting;

namespace ZemgaleNvo.Web.Features.Reports.Publication;

/// <summary>
/// What anyone may read without an account: the published summaries, each as a page (the summary
/// without the reviewers' findings), its approved PDF and its JSON, the index of them, and the
/// listing for the open-data portal (docs/open-data.md). Anything not published is 404, the same
/// answer as an address that does not exist.
/// </summary>
/// <remarks>
/// Anonymous by declaration on this controller alone: the fallback policy keeps every other
/// endpoint behind sign-in, and <see cref="AllowedBeforeSecondFactorAttribute"/> lets a reviewer who
/// has not finished signing in read public pages too, as anyone can.
/// </remarks>
[AllowAnonymous]
[AllowedBeforeSecondFactor]
[Route("public")]
public sealed class PublicController(PublishedSummaries published) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var format = ReportFormat.For(CultureInfo.CurrentUICulture);
        return View(new PublicIndexPage(await published.ListAsync(cancellationToken), format, new ReportText(format)));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Summary(int id, CancellationToken cancellationToken)
    {
        if (await published.FindAsync(id, cancellationToken) is not { } summary)
        {
            return NotFound();
        }
        var (report, stamp) = await published.ReportAsync(summary, cancellationToken);
        var format = ReportFormat.For(CultureInfo.CurrentUICulture);
        return View("Summary", new ReportPage(report, format, new ReportText(format)) { Stamp = stamp, Public = true });
    }

    [HttpGet("{id:int}.pdf")]
    public async Task<IActionResult> Pdf(int id, CancellationToken cancellationToken)
    {
        if (await published.FindAsync(id, cancellationToken) is not { } summary)
        {
            return NotFound();
        }
        var (content, fileName) = await published.PdfAsync(summary, cancellationToken);
        return File(content, "application/pdf", fileName);
    }

    [HttpGet("{id:int}.json")]
    public async Task<IActionResult> Json(int id, CancellationToken cancellationToken)
    {
        if (await published.FindAsync(id, cancellationToken) is not { } summary)
        {
            return NotFound();
        }
        var (report, _) = await published.ReportAsync(summary, cancellationToken);
        return File(SummaryJson.Render(report), "application/json; charset=utf-8", report.FileStem + ".json");
    }

    [HttpGet("summaries.json")]
    public async Task<IActionResult> ListingJson(CancellationToken cancellationToken) =>
        File(OpenDataListing.Json(await published.ListAsync(cancellationToken), BaseUrl), "application/json; charset=utf-8", OpenDataListing.FileStem + ".json");

    [HttpGet("summaries.csv")]
    public async Task<IActionResult> ListingCsv(CancellationToken cancellationToken) =>
        File(OpenDataListing.Csv(await published.ListAsync(cancellationToken), BaseUrl), "text/csv; charset=utf-8", OpenDataListing.FileStem + ".csv");

    /// <summary>The portal's own address as the visitor reached it (behind a proxy: as the forwarded headers say), for absolute links.</summary>
    private string BaseUrl => $"{Request.Scheme}://{Request.Host}{Request.PathBase}";
}

public sealed record PublicIndexPage(IReadOnlyList<PublishedSummary> Summaries, ReportFormat Format, ReportText Text);
