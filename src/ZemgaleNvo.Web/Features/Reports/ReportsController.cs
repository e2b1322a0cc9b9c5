using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ZemgaleNvo.Web.Authorization;

namespace ZemgaleNvo.Web.Features.Reports;

/// <summary>What a report page needs beside the model: the language it is written in.</summary>
public sealed record ReportPage(SummaryReport Report, ReportFormat Format, ReportText Text, int? YearNumber = null)
{
    public ReportYear? Year => YearNumber is { } number ? Report.Year(number) : null;
}

/// <summary>The summary (Kopsavilkums) and the yearly reports of an agreement: pages and downloads.</summary>
[Authorize]
[Route("agreements/{id:int}")]
public sealed class ReportsController(SummaryReportQuery query, IAuthorizationService authorization) : Controller
{
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

    private static ReportPage Page(SummaryReport report)
    {
        var format = ReportFormat.For(CultureInfo.CurrentUICulture);
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
