using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ZemgaleNvo.Web.Authorization;
using ZemgaleNvo.Web.Features.Reports;

namespace ZemgaleNvo.Web.Features.Agreements;

/// <summary>
/// The agreement page: facts, years and budget. It reads the same (cached) report model as the
/// summary, so the two pages cannot show different figures.
/// </summary>
[Authorize]
[Route("agreements")]
public sealed class AgreementsController(SummaryReportQuery reports, IAuthorizationService authorization) : Controller
{
    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        var report = await reports.RunAsync(id, cancellationToken);
        if (report is null)
        {
            return NotFound();
        }
        var access = await authorization.AuthorizeAsync(User, new AgreementResource(report.Agreement.Id, report.Agreement.PerformerId), AgreementOperations.View);
        if (!access.Succeeded)
        {
            return Forbid();
        }
        return View(report);
    }
}
