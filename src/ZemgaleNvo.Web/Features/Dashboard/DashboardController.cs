using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ZemgaleNvo.Web.Authorization;
using ZemgaleNvo.Web.Features.Reports;
using ZemgaleNvo.Web.Formatting;

namespace ZemgaleNvo.Web.Features.Dashboard;

/// <summary>What the dashboard view needs beside the result: the language figures are written in.</summary>
public sealed record DashboardPage(DashboardResult Result, ReportFormat Format)
{
    public DashboardFilter Filter => Result.Filter;
}

/// <summary>
/// The reviewer dashboard: every agreement of every region on one page, with its years' statuses,
/// budget execution, open findings and last change. Only GET and the query string, so a view can be
/// bookmarked or sent to a colleague and works without JavaScript.
/// </summary>
[Authorize(Policy = PortalPolicies.ReadAllAgreements)]
public sealed class DashboardController(DashboardQuery query) : Controller
{
    [HttpGet("/dashboard")]
    public async Task<IActionResult> Index([FromQuery] DashboardRequest request, CancellationToken cancellationToken)
    {
        var result = await query.RunAsync(DashboardFilter.Parse(request ?? new DashboardRequest(null, null, null, null, null)), cancellationToken);
        return View(new DashboardPage(result, ReportFormat.For(CultureInfo.CurrentUICulture)));
    }
}
