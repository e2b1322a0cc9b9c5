using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ZemgaleNvo.Pdf;
using ZemgaleNvo.Web.Authorization;
using ZemgaleNvo.Web.Features.Reports.Export;
using ZemgaleNvo.Web.Features.Reports.Pdf;

namespace ZemgaleNvo.Web.Features.Reports;

/// <summary>What a report page needs beside the model: the language it is written in.</summary>
public sealed record ReportPage(SummaryReport Report, ReportFormat Format, ReportText Text, int? YearNumber = null)
{
    public ReportYear? Year => YearNumber is { } number ? Report.Year(number) : null;
}

/// <summary>The summary (Kopsavilkums) and the yearly reports of an agreement: pages and downloads.</summary>
[Authorize]
[Route("agreements/{id:int}")]
public sealed class ReportsController(SummaryReportQuery query, IAuthorizationService authorization, FontSet fonts, Review.ReportFreezer freezer) : Controller
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [HttpGet("summary")]
    public async Task<IActionResult> Summary(int id, CancellationToken cancellationToken)
    {
        var (report, refusal) = await LoadAsync(id, cancellationToken);
        return refusal ?? View(Page(report!));
    }

    [HttpGet("years/{number:int}")]
    public async Task<IActionResult> Year(int id, int number, CancellationToken cancellationToken)
    {
        var (report, refusal) = await LoadAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        if (report!.Year(number) is null)
        {
            return NotFound();
        }
        return View(Page(report) with { YearNumber = number });
    }

    /// <param name="annex">With the annex of the portal's findings (for reviewers); without it, the version to publish.</param>
    [HttpGet("summary.pdf")]
    public async Task<IActionResult> SummaryPdfFile(int id, bool annex, CancellationToken cancellationToken)
    {
        var (report, refusal) = await LoadAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        if (report!.Agreement.SummaryStatus == Domain.Reviews.ReviewStatus.Approved && await FrozenAsync(id, null, annex, cancellationToken) is { } frozen)
        {
            return frozen;
        }
        return File(SummaryPdf.Render(report, CurrentFormat, fonts, annex), "application/pdf", SummaryPdf.FileName(report));
    }

    [HttpGet("years/{number:int}.pdf")]
    public async Task<IActionResult> YearPdfFile(int id, int number, bool annex, CancellationToken cancellationToken)
    {
        var (report, refusal) = await LoadAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var year = report!.Year(number);
        if (year is null)
        {
            return NotFound();
        }
        if (year.Status == Domain.Reviews.ReviewStatus.Approved && await FrozenAsync(id, number, annex, cancellationToken) is { } frozen)
        {
            return frozen;
        }
        return File(YearReportPdf.Render(report, number, CurrentFormat, fonts, annex), "application/pdf", YearReportPdf.FileName(report, number));
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
        Response.Headers.CacheControl = "private, no-cache";
        return File(frozen.Content, "application/pdf", frozen.FileName, lastModified: null,
            new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{frozen.Sha256}\""));
    }

    /// <param name="findings">With the sheet of the portal's findings; like the PDF annex, left out unless asked.</param>
    [HttpGet("summary.xlsx")]
    public async Task<IActionResult> SummaryXlsxFile(int id, bool findings, CancellationToken cancellationToken)
    {
        var (report, refusal) = await LoadAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var shown = findings ? report! : report! with { Findings = [] };
        return File(SummaryXlsx.Render(shown, CurrentFormat), XlsxType, report!.FileStem + ".xlsx");
    }

    [HttpGet("summary.csv")]
    public async Task<IActionResult> SummaryCsvFile(int id, CancellationToken cancellationToken)
    {
        var (report, refusal) = await LoadAsync(id, cancellationToken);
        return refusal ?? File(SummaryCsv.Render(report!, CurrentFormat), "text/csv; charset=utf-8", report!.FileStem + ".csv");
    }

    /// <param name="findings">The open-data file leaves the portal's findings out unless asked: they are not for publication.</param>
    [HttpGet("summary.json")]
    public async Task<IActionResult> SummaryJsonFile(int id, bool findings, CancellationToken cancellationToken)
    {
        var (report, refusal) = await LoadAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var published = findings ? report! : report! with { Findings = [] };
        return File(SummaryJson.Render(published), "application/json; charset=utf-8", report!.FileStem + ".json");
    }

    private static ReportFormat CurrentFormat => ReportFormat.For(CultureInfo.CurrentUICulture);

    private static ReportPage Page(SummaryReport report)
    {
        var format = CurrentFormat;
        return new ReportPage(report, format, new ReportText(format));
    }

    /// <summary>The report, or why the user gets none: not found (also when the organisation filter hides it) or forbidden.</summary>
    private async Task<(SummaryReport? Report, IActionResult? Refusal)> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var report = await query.RunAsync(id, cancellationToken);
        if (report is null)
        {
            return (null, NotFound());
        }
        var access = await authorization.AuthorizeAsync(User, new AgreementResource(report.Agreement.Id, report.Agreement.PerformerId), AgreementOperations.View);
        return access.Succeeded ? (report, null) : (null, Forbid());
    }
}
