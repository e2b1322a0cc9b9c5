using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Infrastructure.Evidence;
using ZemgaleNvo.Web.Features.Years;
using ZemgaleNvo.Web.Forms;
using ZemgaleNvo.Web.Gates;
using ZemgaleNvo.Web.Resources;

namespace ZemgaleNvo.Web.Features.Evidence;

/// <summary>
/// Evidence files of a year: the list (everyone who may read the year), upload, delete with undo
/// (the performer, while the year is open) and download. Every action opens the year through the
/// <see cref="OpensYearAttribute"/> gate: another organisation's year or file is 404, an approved
/// year's files cannot be added or removed (409).
/// </summary>
[Authorize]
[Route("agreements/{id:int}/years/{number:int}/evidence")]
public sealed class EvidenceController(
    AppDbContext db, EvidencePageQuery pages, EvidenceUpload upload, IEvidenceStore store, IStringLocalizer<SharedResource> localizer) : Controller
{
    /// <summary>The small upload script sends each file on its own with this header and reads a JSON answer.</summary>
    private const string ScriptHeader = "X-Evidence-Upload";

    [HttpGet("")]
    [OpensYear(AgreementOperation.View)]
    public async Task<IActionResult> Index(int id, int number, string? target, OpenedYear opened, CancellationToken cancellationToken) =>
        View("Index", await pages.BuildAsync(User, opened, target, [], cancellationToken));

    [HttpPost("")]
    [OpensYear(AgreementOperation.Edit)]
    [UploadLimits]
    public async Task<IActionResult> Upload(int id, int number, [FromForm] string? target, [FromForm] string? filter, OpenedYear opened, CancellationToken cancellationToken)
    {
        var files = Request.Form.Files;
        var byScript = Request.Headers.ContainsKey(ScriptHeader);
        var targetRef = EvidenceTargetRef.Parse(target);
        if (targetRef is not null && !await BelongsToYearAsync(targetRef, opened.Year.Id, cancellationToken))
        {
            targetRef = null;
        }
        List<UploadOutcome> outcomes = [];
        if (targetRef is null)
        {
            outcomes.Add(new UploadOutcome("", null, StatusCodes.Status422UnprocessableEntity, localizer["Izvēlieties, kam fails pievienots."].Value));
        }
        else if (files.Count == 0)
        {
            outcomes.Add(new UploadOutcome("", null, StatusCodes.Status422UnprocessableEntity, localizer["Izvēlieties vismaz vienu failu."].Value));
        }
        else
        {
            foreach (var file in files.Take(upload.MaxFilesPerUpload))
            {
                outcomes.Add(await upload.StoreAsync(opened, targetRef, file, User, cancellationToken));
            }
            if (files.Count > upload.MaxFilesPerUpload)
            {
                outcomes.Add(new UploadOutcome("", null, StatusCodes.Status422UnprocessableEntity,
                    localizer["Vienā reizē var augšupielādēt ne vairāk kā {0} failus; pārējie netika saglabāti.", upload.MaxFilesPerUpload].Value));
            }
        }

        var refused = outcomes.Where(o => !o.Stored).ToList();
        var status = refused.Count == 0 ? StatusCodes.Status200OK : refused.Max(o => o.Status);
        if (byScript)
        {
            return new JsonResult(new { stored = outcomes.Count(o => o.Stored), problems = refused.Select(o => o.Problem) }) { StatusCode = status };
        }
        if (refused.Count == 0)
        {
            TempData[Flash.Key] = localizer["Saglabāti faili: {0}.", outcomes.Count].Value;
            return RedirectToAction(nameof(Index), new { id, number, target = filter });
        }
        var page = await pages.BuildAsync(User, opened, filter, outcomes, cancellationToken);
        return this.ViewWithStatus("Index", page with { SelectedTarget = targetRef?.Key ?? page.SelectedTarget }, status);
    }

    [HttpGet("{fileId:int}")]
    [OpensYear(AgreementOperation.View)]
    public async Task<IActionResult> Download(int id, int number, int fileId, OpenedYear opened, CancellationToken cancellationToken)
    {
        var file = await db.EvidenceFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == fileId && f.ImplementationYearId == opened.Year.Id, cancellationToken);
        var content = file is null ? null : await store.OpenReadAsync(file.Sha256, cancellationToken);
        if (file is null || content is null)
        {
            return NotFound();
        }
        // Always an attachment, never shown inline: a file is somebody's upload, not a page of the portal.
        Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        return File(content, file.ContentType, file.FileName, enableRangeProcessing: false);
    }

    [HttpPost("{fileId:int}/delete")]
    [OpensYear(AgreementOperation.Edit)]
    public async Task<IActionResult> Delete(int id, int number, int fileId, [FromForm] string? filter, OpenedYear opened, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginYearWriteAsync(opened.Year.Id, cancellationToken);
        var file = await db.EvidenceFiles.SingleOrDefaultAsync(f => f.Id == fileId && f.ImplementationYearId == opened.Year.Id, cancellationToken);
        if (file is null)
        {
            return NotFound();
        }
        file.DeletedAtUtc = DateTime.UtcNow;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        TempData[Flash.Key] = localizer["Fails „{0}” izdzēsts.", file.FileName].Value;
        TempData[Flash.UndoKey] = Url.Action(nameof(Restore), new { id, number, fileId });
        return RedirectToAction(nameof(Index), new { id, number, target = filter });
    }

    [HttpPost("{fileId:int}/restore")]
    [OpensYear(AgreementOperation.Edit)]
    public async Task<IActionResult> Restore(int id, int number, int fileId, OpenedYear opened, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginYearWriteAsync(opened.Year.Id, cancellationToken);
        var file = await db.EvidenceFiles.IgnoreQueryFilters([AppDbContext.SoftDeleteFilter])
            .SingleOrDefaultAsync(f => f.Id == fileId && f.ImplementationYearId == opened.Year.Id && f.DeletedAtUtc != null, cancellationToken);
        if (file is null)
        {
            return NotFound();
        }
        file.DeletedAtUtc = null;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        TempData[Flash.Key] = localizer["Fails „{0}” atjaunots.", file.FileName].Value;
        return RedirectToAction(nameof(Index), new { id, number });
    }

    /// <summary>A result or spending entry named in the form must be one of this year's (and not deleted).</summary>
    private async Task<bool> BelongsToYearAsync(EvidenceTargetRef target, int yearId, CancellationToken cancellationToken) => target switch
    {
        { ActivityId: { } activityId } => await db.Activities.AnyAsync(a => a.Id == activityId && a.ImplementationYearId == yearId, cancellationToken),
        { SpendingEntryId: { } entryId } => await db.SpendingEntries.AnyAsync(s => s.Id == entryId && s.ImplementationYearId == yearId, cancellationToken),
        _ => true,
    };
}
