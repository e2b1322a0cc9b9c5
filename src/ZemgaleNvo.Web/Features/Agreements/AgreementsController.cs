using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Reviews;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Infrastructure.Data.Configurations;
using ZemgaleNvo.Web.Authorization;
using ZemgaleNvo.Web.Features.Reports;
using ZemgaleNvo.Web.Forms;
using ZemgaleNvo.Web.Resources;

namespace ZemgaleNvo.Web.Features.Agreements;

public sealed class OtherInformationForm
{
    [StringLength(Limits.LongText, ErrorMessage = "Ne vairāk kā {1} zīmes.")]
    [Display(Name = "Cita informācija")]
    public string? Text { get; set; }

    public int Version { get; set; }
}

/// <param name="ReturnYear">The year workspace the user came from, to go back to.</param>
public sealed record OtherInformationPage(DelegationAgreement Agreement, int? ReturnYear, OtherInformationForm Form, ConcurrencyConflict? Conflict = null);

/// <summary>
/// The agreement page: facts, years and budget. It reads the same (cached) report model as the
/// summary, so the two pages cannot show different figures. Also the agreement-wide "other
/// information" the performer writes for the summary.
/// </summary>
[Authorize]
[Route("agreements")]
public sealed class AgreementsController(
    SummaryReportQuery reports, AppDbContext db, IAuthorizationService authorization, IStringLocalizer<SharedResource> localizer) : Controller
{
    private const string FormPrefix = "Form";

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        var report = await reports.RunAsync(id, cancellationToken);
        if (report is null)
        {
            return NotFound();
        }
        var resource = new AgreementResource(report.Agreement.Id, report.Agreement.PerformerId);
        if (!(await authorization.AuthorizeAsync(User, resource, AgreementOperations.View)).Succeeded)
        {
            return Forbid();
        }
        ViewData["CanEdit"] = (await authorization.AuthorizeAsync(User, resource, AgreementOperations.Edit)).Succeeded;
        return View(report);
    }

    [HttpGet("{id:int}/other-information")]
    public async Task<IActionResult> OtherInformation(int id, int? year, CancellationToken cancellationToken)
    {
        var (agreement, refusal) = await OpenForEditAsync(id, cancellationToken);
        return refusal ?? View(new OtherInformationPage(agreement!, year, new OtherInformationForm { Text = agreement!.OtherInformation, Version = agreement.Version }));
    }

    [HttpPost("{id:int}/other-information")]
    public async Task<IActionResult> SaveOtherInformation(int id, int? year, [FromForm(Name = FormPrefix)] OtherInformationForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var (agreement, refusal) = await OpenForEditAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        if (!ModelState.IsValid)
        {
            return this.ViewWithStatus(nameof(OtherInformation), new OtherInformationPage(agreement!, year, form), StatusCodes.Status422UnprocessableEntity);
        }
        if (agreement!.Version != form.Version)
        {
            return await ConflictAsync(agreement, year, form, cancellationToken);
        }
        agreement.OtherInformation = FormText.Clean(form.Text);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Agreements.SingleAsync(a => a.Id == id, cancellationToken);
            return await ConflictAsync(current, year, form, cancellationToken);
        }
        TempData[Flash.Key] = localizer["Cita informācija saglabāta."].Value;
        return year is { } number && agreement.Years.Any(y => y.Number == number)
            ? RedirectToAction("Workspace", "Years", new { id, number })
            : RedirectToAction(nameof(Details), new { id });
    }

    /// <summary>The agreement, tracked, when the user may edit it and its summary is still open; otherwise the refusal.</summary>
    private async Task<(DelegationAgreement? Agreement, IActionResult? Refusal)> OpenForEditAsync(int id, CancellationToken cancellationToken)
    {
        var agreement = await db.Agreements.Include(a => a.Years).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (agreement is null)
        {
            return (null, NotFound());
        }
        if (!(await authorization.AuthorizeAsync(User, new AgreementResource(agreement.Id, agreement.PerformerId), AgreementOperations.Edit)).Succeeded)
        {
            return (null, Forbid());
        }
        if (!YearWorkflow.IsOpenForPerformer(agreement.SummaryStatus))
        {
            return (null, this.ViewWithStatus("SummaryLocked", agreement, StatusCodes.Status409Conflict));
        }
        return (agreement, null);
    }

    private async Task<IActionResult> ConflictAsync(DelegationAgreement saved, int? year, OtherInformationForm yours, CancellationToken cancellationToken)
    {
        var conflict = await ConcurrencyConflict.DescribeAsync(db, nameof(DelegationAgreement), saved.Id,
            [new ConflictField(localizer["Cita informācija"], saved.OtherInformation ?? "", FormText.Clean(yours.Text) ?? "")], deleted: false, cancellationToken);
        yours.Version = saved.Version;
        ModelState.Remove($"{FormPrefix}.{nameof(OtherInformationForm.Version)}");
        return this.ViewWithStatus(nameof(OtherInformation), new OtherInformationPage(saved, year, yours, conflict), StatusCodes.Status409Conflict);
    }
}
