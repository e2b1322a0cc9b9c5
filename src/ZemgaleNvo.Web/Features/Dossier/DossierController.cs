using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using ZemgaleNvo.Domain.Audit;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Web.Authorization;
using ZemgaleNvo.Web.Features.Reports;

namespace ZemgaleNvo.Web.Features.Dossier;

/// <summary>
/// The auditor's dossier of an agreement: one ZIP with the approved documents, the summary in every
/// form, the audit trail and a manifest of hashes (<see cref="DossierWriter"/>). For reviewers and
/// admins: the same people who may read the audit trail, which the dossier holds.
/// </summary>
[Authorize]
[Route("agreements/{id:int}")]
public sealed class DossierController(SummaryReportQuery query, AppDbContext db, IAuthorizationService authorization, DossierWriter writer) : Controller
{
    /// <summary>Data older than any portal: the "as of" of an agreement with no recorded change (created straight in the database).</summary>
    private static readonly DateTime NoRecordedChange = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [HttpGet("dossier.zip")]
    public async Task<IActionResult> Download(int id, CancellationToken cancellationToken)
    {
        var report = await query.RunAsync(id, cancellationToken);
        if (report is null)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, new AgreementResource(report.Agreement.Id, report.Agreement.PerformerId), AgreementOperations.ReadAudit)).Succeeded)
        {
            return Forbid();
        }
        var asOf = await db.AuditEntries.AsNoTracking()
            .Where(e => e.AgreementId == id && (e.Action == AuditAction.Created || e.Action == AuditAction.Updated || e.Action == AuditAction.Deleted))
            .OrderByDescending(e => e.Id)
            .Select(e => (DateTime?)e.AtUtc)
            .FirstOrDefaultAsync(cancellationToken) ?? NoRecordedChange;

        // The dossier is the official, Latvian record whatever language the reviewer reads the
        // portal in: the same data gives the same ZIP for everyone.
        var latvian = CultureInfo.GetCultureInfo("lv-LV");
        CultureInfo.CurrentCulture = latvian;
        CultureInfo.CurrentUICulture = latvian;

        Response.ContentType = "application/zip";
        Response.Headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue("attachment") { FileName = FileName(report) }.ToString();
        // Sent as it is written: the ZIP is never whole in memory, on this side or in a response buffer.
        HttpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await writer.WriteAsync(new DossierContext(report, asOf), Response.Body, cancellationToken);
        return new EmptyResult();
    }

    /// <summary><c>dosje-zemgale-2022-2025.zip</c></summary>
    public static string FileName(SummaryReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var agreement = report.Agreement;
        return FormattableString.Invariant($"dosje-{agreement.RegionCode}-{agreement.PeriodStart.Year}-{agreement.PeriodEnd.Year}.zip");
    }
}
