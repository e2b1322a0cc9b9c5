using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Periods;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Web.Features.Years;
using ZemgaleNvo.Web.Forms;
using ZemgaleNvo.Web.Gates;
using ZemgaleNvo.Web.Resources;

namespace ZemgaleNvo.Web.Features.NonCompliance;

/// <summary>
/// Correcting or deleting a recorded non-compliant expenditure: a reviewer's typing error or an
/// amended decision must not stay in the official figures. Only reviewers, as for recording; the
/// audit trail keeps what it was. A finding money has come back against cannot be deleted, and its
/// amount cannot go below what came back.
/// </summary>
[Authorize]
[Route("agreements/{id:int}/years/{number:int}/non-compliance/{caseId:int}")]
public sealed class NonComplianceCorrectionsController(AppDbContext db, TimeProvider time, IStringLocalizer<SharedResource> localizer) : Controller
{
    private const string ChangedMeanwhile = "Kamēr jūs rakstījāt, šos izdevumus kāds laboja vai tiem reģistrēja atgūšanu. Pārskatiet un saglabājiet vēlreiz.";

    [HttpGet("edit")]
    [OpensYear(AgreementOperation.Review, Graph = true)]
    public IActionResult Edit(int id, int number, int caseId, OpenedYear opened)
    {
        var found = opened.FindCase(caseId);
        return found is null ? NotFound() : View("Case", new NonComplianceFormPage(opened, NonComplianceForm.From(found), found));
    }

    [HttpPost("edit")]
    [OpensYear(AgreementOperation.Review, Graph = true)]
    public async Task<IActionResult> Update(int id, int number, int caseId, [FromForm(Name = NonComplianceFormRules.Prefix)] NonComplianceForm form, OpenedYear opened, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var found = opened.FindCase(caseId);
        if (found is null)
        {
            return NotFound();
        }
        var amount = NonComplianceFormRules.Check(ModelState, form, opened, RigaCalendar.Today(time), localizer);
        if (ModelState.IsValid && found.Version != form.Version)
        {
            return ChangedMeanwhileView(opened, found, form);
        }
        if (ModelState.IsValid && found.Correct(form.BudgetLineId, amount!.Value, FormText.Clean(form.Reason)!, FormText.Clean(form.DecisionReference), form.DecidedOn) is { } refusal)
        {
            var (field, message) = refusal == CorrectionRefusal.BelowRecovered
                ? (nameof(NonComplianceForm.Amount), localizer["Summa nevar būt mazāka par jau atgūtajiem {0} euro.", Formatting.Display.Money(found.RecoveredCents)])
                : (nameof(NonComplianceForm.DecidedOn), localizer["Lēmuma datums nevar būt vēlāks par pirmo atgūšanu ({0}).", Formatting.Display.Date(found.Recoveries.Min(r => r.Date))]);
            ModelState.AddModelError(NonComplianceFormRules.Key(field), message);
        }
        if (!ModelState.IsValid)
        {
            return this.ViewWithStatus("Case", new NonComplianceFormPage(opened, form, found), StatusCodes.Status422UnprocessableEntity);
        }
        return await SaveAndListAsync(id, number, localizer["Neatbilstoši veiktie izdevumi laboti."], cancellationToken);
    }

    [HttpGet("delete")]
    [OpensYear(AgreementOperation.Review, Graph = true)]
    public IActionResult ConfirmDelete(int id, int number, int caseId, OpenedYear opened)
    {
        var found = opened.FindCase(caseId);
        return found is null ? NotFound() : View("Delete", new NonComplianceDeletePage(opened, found));
    }

    [HttpPost("delete")]
    [OpensYear(AgreementOperation.Review, Graph = true)]
    public async Task<IActionResult> Delete(int id, int number, int caseId, OpenedYear opened, CancellationToken cancellationToken)
    {
        var found = opened.FindCase(caseId);
        if (found is null)
        {
            return NotFound();
        }
        if (!found.CanBeDeleted)
        {
            ModelState.AddModelError("", localizer["Šos izdevumus dzēst nevar: tiem jau reģistrēta atgūšana. Ja summa bija kļūdaina, labojiet to."]);
            return this.ViewWithStatus("Delete", new NonComplianceDeletePage(opened, found), StatusCodes.Status409Conflict);
        }
        db.NonCompliantExpenditures.Remove(found);
        return await SaveAndListAsync(id, number, localizer["Neatbilstoši veiktie izdevumi dzēsti."], cancellationToken);
    }

    /// <summary>Saves, then back to the year's list with what happened: done, or changed meanwhile by someone else (nothing saved).</summary>
    private async Task<IActionResult> SaveAndListAsync(int id, int number, string done, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            TempData[Flash.Key] = done;
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData[Flash.Key] = localizer[ChangedMeanwhile].Value;
        }
        return RedirectToAction(nameof(NonComplianceController.Index), "NonCompliance", new { id, number });
    }

    private ViewResult ChangedMeanwhileView(OpenedYear opened, NonCompliantExpenditure found, NonComplianceForm form)
    {
        // What the reviewer typed stays; the version moves on, so saving again applies it over the newer state.
        ModelState.AddModelError("", localizer[ChangedMeanwhile]);
        form.Version = found.Version;
        ModelState.Remove(NonComplianceFormRules.Key(nameof(NonComplianceForm.Version)));
        return this.ViewWithStatus("Case", new NonComplianceFormPage(opened, form, found), StatusCodes.Status409Conflict);
    }
}
