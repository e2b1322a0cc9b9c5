using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Entry;
using ZemgaleNvo.Domain.Reviews;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Web.Authorization;
using ZemgaleNvo.Web.Features.Admin.Agreements;
using ZemgaleNvo.Web.Forms;
using ZemgaleNvo.Web.Resources;

namespace ZemgaleNvo.Web.Features.Admin.Indicators;

/// <summary>
/// An agreement's performance indicators with a target per implementation year: add, change, and
/// delete one no result count reports on. Approved years are frozen: their targets cannot change,
/// which the form says against the field and the data layer enforces (409).
/// </summary>
[Authorize(Policy = PortalPolicies.Administer)]
[Route("admin/agreements/{id:int}/indicators")]
public sealed class AdminIndicatorsController(AppDbContext db, AgreementUsage usage, IStringLocalizer<SharedResource> localizer) : Controller
{
    public const string FormPrefix = "Form";

    [HttpGet("new")]
    public async Task<IActionResult> New(int id, CancellationToken cancellationToken)
    {
        var agreement = await AgreementAsync(id, tracked: false, cancellationToken);
        return agreement is null ? NotFound() : View("Indicator", Page(agreement, null, IndicatorForm.Blank(agreement.Years)));
    }

    [HttpPost("new")]
    public async Task<IActionResult> Create(int id, [FromForm(Name = FormPrefix)] IndicatorForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        // Two admins adding an indicator at once would both read the same last number.
        await using var transaction = await db.BeginAgreementWriteAsync(id, cancellationToken);
        var agreement = await AgreementAsync(id, tracked: true, cancellationToken);
        if (agreement is null)
        {
            return NotFound();
        }
        var ordinals = await db.PerformanceIndicators.Where(i => i.AgreementId == id).Select(i => i.Ordinal).ToListAsync(cancellationToken);
        var indicator = new PerformanceIndicator { AgreementId = id, Name = "", Unit = "", Ordinal = ordinals.Count == 0 ? 1 : ordinals.Max() + 1 };
        var targets = Validate(agreement, form, indicator);
        if (!ModelState.IsValid)
        {
            return this.ViewWithStatus("Indicator", Page(agreement, null, form), StatusCodes.Status422UnprocessableEntity);
        }
        IndicatorTargets.ApplyFacts(form, indicator);
        db.PerformanceIndicators.Add(indicator);
        IndicatorTargets.Apply(db, indicator, agreement, targets);
        var saved = await SaveAsync(agreement, null, form, localizer["Rādītājs „{0}” pievienots.", indicator.Name], cancellationToken);
        if (saved is RedirectResult)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return saved;
    }

    [HttpGet("{indicatorId:int}")]
    public async Task<IActionResult> Edit(int id, int indicatorId, CancellationToken cancellationToken)
    {
        var agreement = await AgreementAsync(id, tracked: false, cancellationToken);
        var indicator = await db.PerformanceIndicators.AsNoTracking().Include(i => i.Targets)
            .SingleOrDefaultAsync(i => i.Id == indicatorId && i.AgreementId == id, cancellationToken);
        return agreement is null || indicator is null
            ? NotFound()
            : View("Indicator", Page(agreement, indicatorId, IndicatorForm.From(indicator, agreement.Years)));
    }

    [HttpPost("{indicatorId:int}")]
    public async Task<IActionResult> Update(int id, int indicatorId, [FromForm(Name = FormPrefix)] IndicatorForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var agreement = await AgreementAsync(id, tracked: true, cancellationToken);
        var indicator = await db.PerformanceIndicators.Include(i => i.Targets)
            .SingleOrDefaultAsync(i => i.Id == indicatorId && i.AgreementId == id, cancellationToken);
        if (agreement is null || indicator is null)
        {
            return NotFound();
        }
        var targets = Validate(agreement, form, indicator);
        if (!ModelState.IsValid)
        {
            return this.ViewWithStatus("Indicator", Page(agreement, indicatorId, form), StatusCodes.Status422UnprocessableEntity);
        }
        // The version the admin started from: a change saved meanwhile is not overwritten unseen.
        db.Entry(indicator).Property(i => i.Version).OriginalValue = form.Version;
        IndicatorTargets.ApplyFacts(form, indicator);
        IndicatorTargets.Apply(db, indicator, agreement, targets);
        return await SaveAsync(agreement, indicatorId, form, localizer["Rādītājs „{0}” saglabāts.", indicator.Name], cancellationToken);
    }

    /// <summary>Only an indicator no result count reports on; its targets go with it (none of an approved year).</summary>
    [HttpPost("{indicatorId:int}/delete")]
    public async Task<IActionResult> Delete(int id, int indicatorId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginAgreementWriteAsync(id, cancellationToken);
        var indicators = await db.PerformanceIndicators.Include(i => i.Targets).Where(i => i.AgreementId == id).OrderBy(i => i.Ordinal).ToListAsync(cancellationToken);
        var indicator = indicators.SingleOrDefault(i => i.Id == indicatorId);
        if (indicator is null)
        {
            return NotFound();
        }
        // Deleted (undoable) results count: they can be restored with their counts.
        var uses = await db.Indicators.IgnoreQueryFilters().CountAsync(c => c.PerformanceIndicatorId == indicatorId, cancellationToken);
        if (uses > 0)
        {
            return await RefuseAsync(id, localizer["Rādītāju „{0}” dzēst nevar: uz to atsaucas rezultātu skaiti ({1}). Pārdēvējiet to, ja nosaukums nav pareizs.", indicator.Name, uses], cancellationToken);
        }
        try
        {
            db.IndicatorTargets.RemoveRange(indicator.Targets);
            db.PerformanceIndicators.Remove(indicator);
            await db.SaveChangesAsync(cancellationToken);
            // The indicators after it move up one by one, each in its own statement: (agreement, ordinal) is unique.
            foreach (var later in indicators.Where(i => i.Ordinal > indicator.Ordinal))
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
            return await RefuseAsync(id, localizer["Rādītājam ir mērķis apstiprinātā gadā, tāpēc to dzēst nevar."], cancellationToken);
        }
        TempData[Flash.Key] = localizer["Rādītājs „{0}” izdzēsts.", indicator.Name].Value;
        return Redirect(ListUrl(id));
    }

    private Dictionary<int, int?> Validate(DelegationAgreement agreement, IndicatorForm form, PerformanceIndicator indicator)
    {
        if (!Enum.IsDefined(form.Qualifier))
        {
            ModelState.AddModelError($"{FormPrefix}.{nameof(IndicatorForm.Qualifier)}", localizer["Izvēlieties mērķa precizējumu no saraksta."]);
        }
        return IndicatorTargets.Read(ModelState, localizer, agreement, form, indicator);
    }

    private async Task<IActionResult> SaveAsync(DelegationAgreement agreement, int? indicatorId, IndicatorForm form, string done, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (FrozenRecordException)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError(string.Empty, localizer["Apstiprināta gada mērķi mainīt nevar. Ja tas jālabo, vispirms atveriet gadu no jauna."]);
            return this.ViewWithStatus("Indicator", Page(agreement, indicatorId, form), StatusCodes.Status409Conflict);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError(string.Empty, localizer["Kāds cits pa to laiku šo rādītāju mainīja vai izdzēsa. Atveriet to no jauna un ievadiet izmaiņas vēlreiz."]);
            return this.ViewWithStatus("Indicator", Page(agreement, indicatorId, form), StatusCodes.Status409Conflict);
        }
        TempData[Flash.Key] = done;
        return Redirect(ListUrl(agreement.Id));
    }

    /// <summary>A refused delete answers with the agreement's page and the reason, as a refused budget line delete does.</summary>
    private async Task<IActionResult> RefuseAsync(int id, string message, CancellationToken cancellationToken)
    {
        var agreement = await db.Agreements.AsNoTracking().SingleAsync(a => a.Id == id, cancellationToken);
        ModelState.AddModelError(string.Empty, message);
        var page = await new AgreementEditPages(db, usage).BuildAsync(id, AgreementForm.From(agreement), null, cancellationToken);
        return this.ViewWithStatus("~/Features/Admin/Agreements/Edit.cshtml", page, StatusCodes.Status409Conflict);
    }

    private async Task<DelegationAgreement?> AgreementAsync(int id, bool tracked, CancellationToken cancellationToken)
    {
        var agreements = tracked ? db.Agreements : db.Agreements.AsNoTracking();
        return await agreements.Include(a => a.Years).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
    }

    private static IndicatorPage Page(DelegationAgreement agreement, int? indicatorId, IndicatorForm form) =>
        new(agreement.Id, agreement.Title, indicatorId, form, [.. agreement.Years.OrderBy(y => y.Number)],
            agreement.Years.Where(y => FrozenData.IsFrozen(y.Status)).Select(y => y.Number).ToHashSet());

    private static string ListUrl(int id) => $"/admin/agreements/{id}/edit#indicators";
}
