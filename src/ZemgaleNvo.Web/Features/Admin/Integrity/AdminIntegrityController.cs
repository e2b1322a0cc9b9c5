using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Web.Authorization;
using ZemgaleNvo.Web.Features.Audit;
using ZemgaleNvo.Web.Forms;
using ZemgaleNvo.Web.Resources;

namespace ZemgaleNvo.Web.Features.Admin.Integrity;

/// <summary>An approved year the page names: its agreement, its number and the kinds of record, in words.</summary>
public sealed record IntegrityYear(int AgreementId, string AgreementTitle, int YearNumber, IReadOnlyList<string> Kinds);

public sealed record IntegrityPage(RecordedIntegrityCheck? Last, IReadOnlyList<IntegrityYear> Differing, IReadOnlyList<IntegrityYear> Unsealed);

/// <summary>
/// Data integrity for admins (issue 17): the last <c>audit verify</c>'s result (the audit chain and
/// the seals of the approved years), wherever it ran, and "check now", which runs the same check
/// (<see cref="IntegrityCheck"/>) and records it the same way.
/// </summary>
[Authorize(Policy = PortalPolicies.Administer)]
[Route("admin/integrity")]
public sealed class AdminIntegrityController(AppDbContext db, IDataScope scope, AuditWording wording, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var last = await IntegrityCheck.LatestAsync(db, cancellationToken);
        var years = last is null ? [] : last.Result.Differing.Concat(last.Result.Unsealed).ToList();
        var agreementIds = years.Select(y => y.AgreementId).Distinct().ToList();
        var titles = await db.Agreements.AsNoTracking().Where(a => agreementIds.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => a.Title, cancellationToken);
        IntegrityYear Named(VerifiedYear year) => new(
            year.AgreementId, titles.GetValueOrDefault(year.AgreementId) ?? $"#{year.AgreementId}", year.YearNumber,
            year.Kinds.Select(wording.Entity).ToList());
        return View(new IntegrityPage(
            last,
            last?.Result.Differing.Select(Named).ToList() ?? [],
            last?.Result.Unsealed.Select(Named).ToList() ?? []));
    }

    /// <summary>Runs the check now; on a large trail it takes a while, so it is a button, not part of the page.</summary>
    [HttpPost("verify")]
    public async Task<IActionResult> Verify(CancellationToken cancellationToken)
    {
        var (_, _, result) = await IntegrityCheck.RunAsync(db, cancellationToken);
        await IntegrityCheck.RecordAsync(db, result, scope.Actor, clock.GetUtcNow().UtcDateTime, cancellationToken);
        TempData[Flash.Key] = (result.Intact
            ? localizer["Pārbaude pabeigta: neatbilstību nav."]
            : localizer["Pārbaude pabeigta: atrastas neatbilstības."]).Value;
        return RedirectToAction(nameof(Index));
    }
}
