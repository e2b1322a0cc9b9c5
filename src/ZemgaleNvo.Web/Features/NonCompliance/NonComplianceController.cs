using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Periods;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Web.Authorization;
using ZemgaleNvo.Web.Features.Years;
using ZemgaleNvo.Web.Forms;
using ZemgaleNvo.Web.Gates;
using ZemgaleNvo.Web.Resources;

namespace ZemgaleNvo.Web.Features.NonCompliance;

/// <summary>
/// Non-compliant expenditure of a year and the money recovered from it: the ministry's supervision
/// finds it, so reviewers record it (also after the year is approved: the approved report stays
/// frozen as it was), and the performer's staff read it. Every change goes through the audit trail
/// like any record of the year.
/// </summary>
[Authorize]
[Route("agreements/{id:int}/years/{number:int}/non-compliance")]
public sealed class NonComplianceController(
    AppDbContext db, IAuthorizationService authorization, TimeProvider time, IStringLocalizer<SharedResource> localizer) : Controller
{
    private const string FormPrefix = NonComplianceFormRules.Prefix;

    private static string Key(string field) => NonComplianceFormRules.Key(field);

    [HttpGet("")]
    [OpensYear(AgreementOperation.View, Graph = true)]
    public async Task<IActionResult> Index(int id, int number, OpenedYear opened, CancellationToken cancellationToken)
    {
        var canRecord = (await authorization.AuthorizeAsync(User, new AgreementResource(opened.Agreement.Id, opened.Agreement.PerformerId), AgreementOperations.Review)).Succeeded;
        var cases = opened.Year.NonCompliantExpenditures.OrderBy(c => c.DecidedOn).ThenBy(c => c.Id).ToList();
        return View("Index", new NonComplianceListPage(opened, cases, canRecord));
    }

    [HttpGet("new")]
    [OpensYear(AgreementOperation.Review)]
    public IActionResult New(int id, int number, OpenedYear opened) =>
        View("Case", new NonComplianceFormPage(opened, new NonComplianceForm { BudgetLineId = opened.Lines.Count > 0 ? opened.Lines[0].Id : 0 }));

    [HttpPost("new")]
    [OpensYear(AgreementOperation.Review)]
    public async Task<IActionResult> Create(int id, int number, [FromForm(Name = FormPrefix)] NonComplianceForm form, OpenedYear opened, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(opened);
        var amount = NonComplianceFormRules.Check(ModelState, form, opened, RigaCalendar.Today(time), localizer);
        if (!ModelState.IsValid)
        {
            return this.ViewWithStatus("Case", new NonComplianceFormPage(opened, form), StatusCodes.Status422UnprocessableEntity);
        }
        db.NonCompliantExpenditures.Add(new NonCompliantExpenditure
        {
            ImplementationYearId = opened.Year.Id,
            BudgetLineId = form.BudgetLineId,
            AmountCents = amount!.Value,
            Reason = FormText.Clean(form.Reason)!,
            DecisionReference = FormText.Clean(form.DecisionReference),
            DecidedOn = form.DecidedOn,
            RecordedByName = SignerName(User),
        });
        await db.SaveChangesAsync(cancellationToken);
        TempData[Flash.Key] = localizer["Neatbilstoši veiktie izdevumi reģistrēti."].Value;
        return RedirectToAction(nameof(Index), new { id, number });
    }

    [HttpGet("{caseId:int}/recoveries/new")]
    [OpensYear(AgreementOperation.Review, Graph = true)]
    public IActionResult NewRecovery(int id, int number, int caseId, OpenedYear opened)
    {
        var found = opened.FindCase(caseId);
        return found is null ? NotFound() : View("Recovery", new RecoveryFormPage(opened, found, new RecoveryForm { Version = found.Version }));
    }

    [HttpPost("{caseId:int}/recoveries/new")]
    [OpensYear(AgreementOperation.Review, Graph = true)]
    public async Task<IActionResult> CreateRecovery(int id, int number, int caseId, [FromForm(Name = FormPrefix)] RecoveryForm form, OpenedYear opened, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var found = opened.FindCase(caseId);
        if (found is null)
        {
            return NotFound();
        }
        var amount = MoneyField.Read(ModelState, Key(nameof(RecoveryForm.Amount)), form.Amount, localizer);
        if (ModelState.IsValid && found.Version != form.Version)
        {
            // Another recovery was recorded meanwhile: what is still unrecovered has changed.
            ModelState.AddModelError("", localizer["Kamēr jūs rakstījāt, šiem izdevumiem reģistrēja citu atgūšanu. Pārskatiet neatgūto summu un saglabājiet vēlreiz."]);
            form.Version = found.Version;
            ModelState.Remove(Key(nameof(RecoveryForm.Version)));
            return this.ViewWithStatus("Recovery", new RecoveryFormPage(opened, found, form), StatusCodes.Status409Conflict);
        }
        if (ModelState.IsValid)
        {
            var refusal = found.Recover(amount!.Value, form.Date!.Value, FormText.Clean(form.Reference)!, RigaCalendar.Today(time));
            if (refusal is { } reason)
            {
                var (field, message) = Refusal(reason, found);
                ModelState.AddModelError(Key(field), message);
            }
        }
        if (!ModelState.IsValid)
        {
            return this.ViewWithStatus("Recovery", new RecoveryFormPage(opened, found, form), StatusCodes.Status422UnprocessableEntity);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData[Flash.Key] = localizer["Kamēr jūs rakstījāt, šiem izdevumiem reģistrēja citu atgūšanu. Pārskatiet neatgūto summu un saglabājiet vēlreiz."].Value;
            return RedirectToAction(nameof(Index), new { id, number });
        }
        TempData[Flash.Key] = localizer["Atgūšana reģistrēta."].Value;
        return RedirectToAction(nameof(Index), new { id, number });
    }

    private (string Field, string Message) Refusal(RecoveryRefusal refusal, NonCompliantExpenditure found) => refusal switch
    {
        RecoveryRefusal.NotPositive => (nameof(RecoveryForm.Amount), localizer["Summai jābūt lielākai par nulli."]),
        RecoveryRefusal.AboveUnrecovered => (nameof(RecoveryForm.Amount), localizer["Atgūt var ne vairāk kā vēl neatgūtos {0} euro.", Formatting.Display.Money(found.UnrecoveredCents)]),
        RecoveryRefusal.InFuture => (nameof(RecoveryForm.Date), localizer["Atgūšanas datums nevar būt nākotnē."]),
        _ => (nameof(RecoveryForm.Date), localizer["Atgūt nevar pirms lēmuma par neatbilstošajiem izdevumiem ({0}).", Formatting.Display.Date(found.DecidedOn!.Value)]),
    };

    private static string SignerName(ClaimsPrincipal user) =>
        user.FindFirstValue(PortalClaims.FullName) ?? user.Identity?.Name ?? "?";
}
