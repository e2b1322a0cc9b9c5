using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using ZemgaleNvo.Domain.Reviews;
using ZemgaleNvo.Pdf;
using ZemgaleNvo.Web.Authorization;
using ZemgaleNvo.Web.Features.Reports.Export;
using ZemgaleNvo.Web.Features.Reports.Pdf;
using ZemgaleNvo.Web.Formatting;

namespace ZemgaleNvo.Web.Features.Reports;

/// <summary>What a report page needs beside the model: the language it is written in.</summary>
public sealed record ReportPage(SummaryReport Report, ReportFormat Format, ReportText Text, int? YearNumber = null)
{
    public ReportYear? Year => YearNumber is { } number ? Report.Year(number) : null;

    /// <summary>The data stamp the report is at least as new as (see <see cref="SummaryReportCache"/>).</summary>
    public long Stamp { get; init; }

    /// <summary>
    /// What the page's report body (everything but the frame of the layout) is made of, apart from
    /// the language: the body is the same for everyone who may see the agreement, so it is rendered
    /// once per agreement, year, data stamp and language and then reused (the views' cache tag).
    /// </summary>
    public string BodyCacheKey => $"{Report.Agreement.Id}|{YearNumber}|{Stamp}|{(Public ? "public" : "portal")}";

    /// <summary>The public page of a published summary (Publication feature): no findings, no portal navigation, the public downloads.</summary>
    public bool Public { get; init; }
}

/// <summary>The summary (Kopsavilkums) and the yearly reports of an agreement: pages and downloads.</summary>
/// <remarks>
/// Approved report pages and every report PDF, drafts too, carry ETags (<see cref="ReportDocumentCache"/>):
/// a browser that has one asks again with If-None-Match and gets 304 with no body. Access is always checked first: another
/// organisation's staff get 404 whatever tag they send.
/// </remarks>
[Authorize]
[Route("agreements/{id:int}")]
public sealed class ReportsController(
    SummaryReportQuery query, IAuthorizationService authorization, FontSet fonts, Review.ReportFreezer freezer,
    ReportDocumentCache documents, IOptions<AntiforgeryOptions> antiforgery) : Controller
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [HttpGet("summary")]
    public async Task<IActionResult> Summary(int id, CancellationToken cancellationToken)
    {
        var (report, stamp, refusal) = await LoadAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        if (report!.Agreement.SummaryStatus == ReviewStatus.Approved && NotModified(PageTag(id, null, stamp)) is { } notModified)
        {
            return notModified;
        }
        return View(Page(report) with { Stamp = stamp });
    }

    [HttpGet("years/{number:int}")]
    public async Task<IActionResult> Year(int id, int number, CancellationToken cancellationToken)
    {
        var (report, stamp, refusal) = await LoadAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var year = report!.Year(number);
        if (year is null)
        {
            return NotFound();
        }
        if (year.Status == ReviewStatus.Approved && NotModified(PageTag(id, number, stamp)) is { } notModified)
        {
            return notModified;
        }
        return View(Page(report) with { YearNumber = number, Stamp = stamp });
    }

    /// <param name="annex">With the annex of the portal's findings (for reviewers); without it, the version to publish.</param>
    [HttpGet("summary.pdf")]
    public async Task<IActionResult> SummaryPdfFile(int id, bool annex, CancellationToken cancellationToken)
    {
        var (report, stamp, refusal) = await LoadAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var format = CurrentFormat;
        return (report!.Agreement.SummaryStatus == ReviewStatus.Approved ? await FrozenAsync(id, null, annex, cancellationToken) : null)
            ?? Kept(new(id, null, format.LanguageTag, annex), stamp, () => SummaryPdf.Render(report, format, fonts, annex), SummaryPdf.FileName(report));
    }

    [HttpGet("years/{number:int}.pdf")]
    public async Task<IActionResult> YearPdfFile(int id, int number, bool annex, CancellationToken cancellationToken)
    {
        var (report, stamp, refusal) = await LoadAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var year = report!.Year(number);
        if (year is null)
        {
            return NotFound();
        }
        var format = CurrentFormat;
        return (year.Status == ReviewStatus.Approved ? await FrozenAsync(id, number, annex, cancellationToken) : null)
            ?? Kept(new(id, number, format.LanguageTag, annex), stamp, () => YearReportPdf.Render(report, number, format, fonts, annex), YearReportPdf.FileName(report, number));
    }

    /// <summary>
    /// An approved report is served as the exact bytes frozen at approval, with their SHA-256 as the
    /// ETag (a browser or proxy that has them gets 304). That is the official Latvian document
    /// without the reviewers' annex; the annex and the English translation are rendered on request
    /// from the (frozen, so unchanged) data.
    /// </summary>
    private async Task<IActionResult?> FrozenAsync(int id, int? number, bool annex, CancellationToken cancellationToken)
    {
        if (annex || !CurrentFormat.IsLatvian || await freezer.LatestAsync(id, number, cancellationToken) is not { } frozen)
        {
            return null;
        }
        Response.Headers.CacheControl = RevalidateEachTime;
        return File(frozen.Content, "application/pdf", frozen.FileName, lastModified: null,
            new EntityTagHeaderValue($"\"{frozen.Sha256}\""));
    }

    /// <summary>
    /// A draft, or an approved report with no frozen bytes for this variant (the annex, the English
    /// version, or a year approved before reports were frozen): 304
    /// when the browser has it, otherwise rendered once and then served from memory while the
    /// agreement's data stamp is unchanged.
    /// </summary>
    private IActionResult Kept(ReportDocumentCache.DocumentKey key, long stamp, Func<byte[]> render, string fileName) =>
        (IActionResult?)NotModified(ReportDocumentCache.DocumentTag(key, stamp))
        ?? File(documents.Document(key, stamp, render), "application/pdf", fileName);

    /// <summary>
    /// Private: only this user's browser may keep a report, never a shared proxy (the
    /// response is for a signed-in user). No-cache: the browser must ask each time before it shows
    /// its copy, which is when access is checked again (a user who lost access gets 404, not the
    /// copy) and a change of the data is noticed (the tag changes). Without an explicit value the
    /// security headers would make it no-store, and the browser would keep nothing to revalidate.
    /// </summary>
    private const string RevalidateEachTime = "private, no-cache";

    /// <summary>Sets the validator headers; 304 when the browser already has this version.</summary>
    private StatusCodeResult? NotModified(EntityTagHeaderValue tag)
    {
        Response.Headers.CacheControl = RevalidateEachTime;
        Response.Headers.ETag = tag.ToString();
        // A page with forms gets antiforgery's "no-cache, no-store" while it renders, which would
        // leave the browser nothing to revalidate. Put back, just before the headers go: the page is
        // private (no shared cache sees its token), and its tag is made from this user's claims and
        // antiforgery cookie, so a kept copy is only ever shown to the browser whose token it holds.
        Response.OnStarting(() =>
        {
            Response.Headers.CacheControl = RevalidateEachTime;
            Response.Headers.Pragma = Microsoft.Extensions.Primitives.StringValues.Empty;
            return Task.CompletedTask;
        });
        var asked = Request.GetTypedHeaders().IfNoneMatch;
        // If-None-Match is compared weakly (RFC 9110 13.1.2).
        return asked.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(tag, useStrongComparison: false))
            ? StatusCode(StatusCodes.Status304NotModified)
            : null;
    }

    private EntityTagHeaderValue PageTag(int id, int? number, long stamp) =>
        ReportDocumentCache.PageTag(id, number, CurrentFormat.LanguageTag, stamp, User,
            antiforgery.Value.Cookie.Name is { } cookie ? Request.Cookies[cookie] : null);

    /// <param name="findings">With the sheet of the portal's findings; like the PDF annex, left out unless asked.</param>
    [HttpGet("summary.xlsx")]
    public async Task<IActionResult> SummaryXlsxFile(int id, bool findings, CancellationToken cancellationToken)
    {
        var (report, stamp, refusal) = await LoadAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var shown = findings ? report! : report!.WithoutFindings();
        var format = CurrentFormat;
        // Kept in memory per data stamp like the PDFs (a big agreement's workbook takes half a second
        // to write, issue 18), but not tagged: a workbook download stays no-store, as it always was.
        var bytes = documents.Document(new(id, null, format.LanguageTag, findings, "xlsx"), stamp, () => SummaryXlsx.Render(shown, format));
        return File(bytes, XlsxType, report!.FileStem + ".xlsx");
    }

    [HttpGet("summary.csv")]
    public async Task<IActionResult> SummaryCsvFile(int id, CancellationToken cancellationToken)
    {
        var (report, _, refusal) = await LoadAsync(id, cancellationToken);
        return refusal ?? File(SummaryCsv.Render(report!, CurrentFormat), "text/csv; charset=utf-8", report!.FileStem + ".csv");
    }

    /// <param name="findings">The open-data file leaves the portal's findings out unless asked: they are not for publication.</param>
    [HttpGet("summary.json")]
    public async Task<IActionResult> SummaryJsonFile(int id, bool findings, CancellationToken cancellationToken)
    {
        var (report, _, refusal) = await LoadAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var published = findings ? report! : report!.WithoutFindings();
        return File(SummaryJson.Render(published), "application/json; charset=utf-8", report!.FileStem + ".json");
    }

    private static ReportFormat CurrentFormat => ReportFormat.For(CultureInfo.CurrentUICulture);

    private static ReportPage Page(SummaryReport report)
    {
        var format = CurrentFormat;
        return new ReportPage(report, format, new ReportText(format));
    }

    /// <summary>The report and its data stamp, or why the user gets none: not found (also when the organisation filter hides it) or forbidden.</summary>
    private async Task<(SummaryReport? Report, long Stamp, IActionResult? Refusal)> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var (report, stamp) = await query.RunWithStampAsync(id, cancellationToken);
        if (report is null)
        {
            return (null, 0, NotFound());
        }
        var access = await authorization.AuthorizeAsync(User, new AgreementResource(report.Agreement.Id, report.Agreement.PerformerId), AgreementOperations.View);
        return access.Succeeded ? (report, stamp, null) : (null, 0, Forbid());
    }
}
