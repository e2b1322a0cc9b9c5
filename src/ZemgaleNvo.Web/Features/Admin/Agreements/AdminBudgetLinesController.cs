using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Entry;
using ZemgaleNvo.Domain.Reviews;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Web.Authorization;
using ZemgaleNvo.Web.Formatting;
using ZemgaleNvo.Web.Forms;
using ZemgaleNvo.Web.Resources;

namespace ZemgaleNvo.Web.Features.Admin.Agreements;

/// <summary>
/// An agreement's budget lines with a planned amount per year: add, change, move up and down, and
/// delete a line nothing was reported against. Approved years are frozen: their planned amounts
/// cannot change, which the form says against the field and the data layer enforces (409).
/// </summary>
[Authorize(Policy = PortalPolicies.Administer)]
[Route("admin/agreements/{id:int}/lines")]
public sealed class AdminBudgetLinesController(AppDbContext db, AgreementUsage usage, IStringLocalizer<SharedResource> localizer) : Controller
{
    private const string FormPrefix = "Form";

    private readonly AgreementEditPages pages = new(db, usage);

    [HttpGet("new")]
    public async Task<IActionResult> NewLine(int id, CancellationToken cancellationToken)
    {
        var agreement = await db.Agreements.AsNoTracking().Include(a => a.Years).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (agreement is null)
        {
            return NotFound();
        }
        var form = new BudgetLineForm { Amounts = [.. agreement.Years.OrderBy(y => y.Number).Select(y => new PlannedAmountRow { YearNumber = y.Number })] };
        return View("Line", LinePage(agreement, null, form));
    }

    [HttpPost("new")]
    public async Task<IActionResult> CreateLine(int id, [FromForm(Name = FormPrefix)] BudgetLineForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        // Two admins adding a line at once would both read the same last number.
        await using var transaction = await db.BeginAgreementWriteAsync(id, cancellationToken);
        var agreement = await db.Agreements.Include(a => a.Years).Include(a => a.BudgetLines).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (agreement is null)
        {
            return NotFound();
        }
        var line = new BudgetLine { AgreementId = id, Name = "", Ordinal = agreement.BudgetLines.Count == 0 ? 1 : agreement.BudgetLines.Max(l => l.Ordinal) + 1 };
        var amounts = BudgetLinePlan.Read(ModelState, localizer, agreement, form, line);
        if (!ModelState.IsValid)
        {
            return this.ViewWithStatus("Line", LinePage(agreement, null, form), StatusCodes.Status422UnprocessableEntity);
        }
        line.Name = FormText.Clean(form.Name)!;
        line.ResultsHeading = FormText.Clean(form.ResultsHeading);
        db.BudgetLines.Add(line);
        BudgetLinePlan.Apply(db, line, agreement, amounts);
        var saved = await SaveLineAsync(agreement, null, form, localizer["Budžeta pozīcija „{0}” pievienota.", line.Name], cancellationToken);
        if (saved is RedirectResult)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return saved;
    }

    [HttpGet("{lineId:int}")]
    public async Task<IActionResult> EditLine(int id, int lineId, CancellationToken cancellationToken)
    {
        var agreement = await db.Agreements.AsNoTracking().Include(a => a.Years).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        var line = await db.BudgetLines.AsNoTracking().Include(l => l.PlannedAmounts).SingleOrDefaultAsync(l => l.Id == lineId && l.AgreementId == id, cancellationToken);
        if (agreement is null || line is null)
        {
            return NotFound();
        }
        var form = new BudgetLineForm
        {
            Name = line.Name,
            ResultsHeading = line.ResultsHeading,
            Amounts = [.. agreement.Years.OrderBy(y => y.Number).Select(y => new PlannedAmountRow
            {
                YearNumber = y.Number,
                Amount = line.PlannedAmounts.FirstOrDefault(p => p.ImplementationYearId == y.Id) is { } planned ? MoneyField.Prefill(planned.AmountCents) : null,
            })],
        };
        return View("Line", LinePage(agreement, lineId, form));
    }

    [HttpPost("{lineId:int}")]
    public async Task<IActionResult> UpdateLine(int id, int lineId, [FromForm(Name = FormPrefix)] BudgetLineForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var agreement = await db.Agreements.Include(a => a.Years).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        var line = await db.BudgetLines.Include(l => l.PlannedAmounts).SingleOrDefaultAsync(l => l.Id == lineId && l.AgreementId == id, cancellationToken);
        if (agreement is null || line is null)
        {
            return NotFound();
        }
        var amounts = BudgetLinePlan.Read(ModelState, localizer, agreement, form, line);
        if (!ModelState.IsValid)
        {
            return this.ViewWithStatus("Line", LinePage(agreement, lineId, form), StatusCodes.Status422UnprocessableEntity);
        }
        line.Name = FormText.Clean(form.Name)!;
        line.ResultsHeading = FormText.Clean(form.ResultsHeading);
        BudgetLinePlan.Apply(db, line, agreement, amounts);
        return await SaveLineAsync(agreement, lineId, form, localizer["Budžeta pozīcija „{0}” saglabāta.", line.Name], cancellationToken);
    }

    [HttpPost("{lineId:int}/up")]
    public Task<IActionResult> MoveUp(int id, int lineId, CancellationToken cancellationToken) => MoveAsync(id, lineId, -1, cancellationToken);

    [HttpPost("{lineId:int}/down")]
    public Task<IActionResult> MoveDown(int id, int lineId, CancellationToken cancellationToken) => MoveAsync(id, lineId, +1, cancellationToken);

    /// <summary>Only a line nothing was reported against; its planned amounts go with it.</summary>
    [HttpPost("{lineId:int}/delete")]
    public async Task<IActionResult> DeleteLine(int id, int lineId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginAgreementWriteAsync(id, cancellationToken);
        var lines = await db.BudgetLines.Include(l => l.PlannedAmounts).Where(l => l.AgreementId == id).OrderBy(l => l.Ordinal).ToListAsync(cancellationToken);
        var line = lines.SingleOrDefault(l => l.Id == lineId);
        if (line is null)
        {
            return NotFound();
        }
        var uses = await usage.LineUsesAsync(lineId, cancellationToken);
        if (uses > 0)
        {
            return await RefuseOnEditPageAsync(id, localizer["Budžeta pozīciju „{0}” dzēst nevar: uz to atsaucas gadu pārskatu ieraksti ({1}) — rezultāti, izdevumi, pārdales vai atlikumi. Pārdēvējiet to, ja nosaukums nav pareizs.",
                line.Name, uses], cancellationToken);
        }
        try
        {
            db.PlannedAmounts.RemoveRange(line.PlannedAmounts);
            db.BudgetLines.Remove(line);
            await db.SaveChangesAsync(cancellationToken);
            // The lines after it move up one by one, each in its own statement: (agreement, ordinal) is unique.
            foreach (var later in lines.Where(l => l.Ordinal > line.Ordinal))
            {
                later.Ordinal--;
                await db.SaveChangesAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        catch (FrozenRecordException)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return await RefuseOnEditPageAsync(id, localizer["Budžeta pozīcijai ir plānotās summas apstiprinātā gadā, tāpēc to dzēst nevar."], cancellationToken);
        }
        TempData[Flash.Key] = localizer["Budžeta pozīcija „{0}” izdzēsta.", line.Name].Value;
        return Redirect(EditUrl(id));
    }

    /// <summary>
    /// Swaps a line with its neighbour (<see cref="OrdinalMove"/>). Three saves in one transaction, through
    /// a free ordinal (0): the unique (agreement, ordinal) index would refuse a direct swap in the middle.
    /// </summary>
    private async Task<IActionResult> MoveAsync(int id, int lineId, int step, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginAgreementWriteAsync(id, cancellationToken);
        var lines = await db.BudgetLines.Where(l => l.AgreementId == id).OrderBy(l => l.Ordinal).ToListAsync(cancellationToken);
        if (lines.Find(l => l.Id == lineId) is not { } line)
        {
            return NotFound();
        }
        if (OrdinalMove.Neighbour(lines, line, step) is { } other)
        {
            var (ordinal, otherOrdinal) = (line.Ordinal, other.Ordinal);
            line.Ordinal = 0;
            await db.SaveChangesAsync(cancellationToken);
            other.Ordinal = ordinal;
            await db.SaveChangesAsync(cancellationToken);
            line.Ordinal = otherOrdinal;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return Redirect(EditUrl(id) + "#budget-lines");
    }

    private async Task<IActionResult> SaveLineAsync(DelegationAgreement agreement, int? lineId, BudgetLineForm form, string done, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (FrozenRecordException)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError(string.Empty, localizer["Apstiprināta gada plānotās summas mainīt nevar. Ja tās jālabo, vispirms atveriet gadu no jauna."]);
            var fresh = await db.Agreements.AsNoTracking().Include(a => a.Years).SingleAsync(a => a.Id == agreement.Id, cancellationToken);
            return this.ViewWithStatus("Line", LinePage(fresh, lineId, form), StatusCodes.Status409Conflict);
        }
        TempData[Flash.Key] = done;
        return Redirect(EditUrl(agreement.Id) + "#budget-lines");
    }

    private async Task<IActionResult> RefuseOnEditPageAsync(int id, string message, CancellationToken cancellationToken)
    {
        var agreement = await db.Agreements.AsNoTracking().SingleAsync(a => a.Id == id, cancellationToken);
        ModelState.AddModelError(string.Empty, message);
        return await EditViewAsync(id, AgreementForm.From(agreement), null, StatusCodes.Status409Conflict, cancellationToken);
    }

    private async Task<IActionResult> EditViewAsync(int id, AgreementForm form, ConcurrencyConflict? conflict, int status, CancellationToken cancellationToken) =>
        this.ViewWithStatus("Edit", await pages.BuildAsync(id, form, conflict, cancellationToken), status);

    private static BudgetLinePage LinePage(DelegationAgreement agreement, int? lineId, BudgetLineForm form) =>
        new(agreement.Id, agreement.Title, lineId, form, [.. agreement.Years.OrderBy(y => y.Number)],
            agreement.Years.Where(y => FrozenData.IsFrozen(y.Status)).Select(y => y.Number).ToHashSet());

    private string EditUrl(int id) => Url.Action(nameof(AdminAgreementsController.Edit), "AdminAgreements", new { id })!;
}
