using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Periods;
using ZemgaleNvo.Domain.Reviews;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Web.Authorization;
using ZemgaleNvo.Web.Formatting;
using ZemgaleNvo.Web.Forms;
using ZemgaleNvo.Web.Resources;

namespace ZemgaleNvo.Web.Features.Admin.Agreements;

/// <summary>
/// Setting up agreements: the facts and the period (its implementation years are generated from it).
/// The years carry the reporting, so once any year has data the period is fixed; an approved summary
/// freezes the facts in the data layer, which this controller turns into a 409 page. Budget lines and
/// their plan: <see cref="AdminBudgetLinesController"/>.
/// </summary>
[Authorize(Policy = PortalPolicies.Administer)]
[Route("admin/agreements")]
public sealed class AdminAgreementsController(AppDbContext db, AgreementUsage usage, IStringLocalizer<SharedResource> localizer) : Controller
{
    private const string FormPrefix = "Form";

    private readonly AgreementEditPages pages = new(db, usage);

    private static string Key(string field) => $"{FormPrefix}.{field}";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var rows = await db.Agreements.AsNoTracking()
            .OrderBy(a => a.Region!.Name).ThenByDescending(a => a.PeriodStart)
            .Select(a => new AgreementAdminRow(a.Id, a.Title, a.Number, a.Performer!.Name, a.Region!.Name, a.PeriodStart, a.PeriodEnd, a.Years.Count, a.BudgetLines.Count))
            .ToListAsync(cancellationToken);
        return View("Index", rows);
    }

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken cancellationToken) =>
        View("New", new AgreementFormPage(null, new AgreementForm(), await pages.ChoicesAsync(cancellationToken)));

    [HttpPost("new")]
    public async Task<IActionResult> Create([FromForm(Name = FormPrefix)] AgreementForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        await ValidateAsync(form, cancellationToken);
        if (!ModelState.IsValid)
        {
            return this.ViewWithStatus("New", new AgreementFormPage(null, form, await pages.ChoicesAsync(cancellationToken)), StatusCodes.Status422UnprocessableEntity);
        }
        var agreement = new DelegationAgreement { Title = "", TaskText = "", PeriodStart = form.PeriodStart!.Value, PeriodEnd = form.PeriodEnd!.Value };
        form.ApplyFactsTo(agreement);
        agreement.GenerateYears();
        db.Agreements.Add(agreement);
        await db.SaveChangesAsync(cancellationToken);
        TempData[Flash.Key] = localizer["Līgums izveidots; īstenošanas gadu skaits: {0}. Pievienojiet budžeta pozīcijas un plānotās summas.", agreement.Years.Count].Value;
        return RedirectToAction(nameof(Edit), new { id = agreement.Id });
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var agreement = await db.Agreements.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        return agreement is null ? NotFound() : View("Edit", await pages.BuildAsync(id, AgreementForm.From(agreement), null, cancellationToken));
    }

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Update(int id, [FromForm(Name = FormPrefix)] AgreementForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var agreement = await db.Agreements.Include(a => a.Years).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (agreement is null)
        {
            return NotFound();
        }
        await ValidateAsync(form, cancellationToken);
        if (!ModelState.IsValid)
        {
            return await EditViewAsync(id, form, null, StatusCodes.Status422UnprocessableEntity, cancellationToken);
        }
        if (agreement.Version != form.Version)
        {
            return await ConflictAsync(agreement, form, cancellationToken);
        }
        var periodChanged = agreement.PeriodStart != form.PeriodStart || agreement.PeriodEnd != form.PeriodEnd;
        if (periodChanged)
        {
            var withData = await usage.YearsWithDataAsync(id, cancellationToken);
            if (withData.Count > 0)
            {
                ModelState.AddModelError(Key(nameof(AgreementForm.PeriodStart)), localizer["Periodu mainīt nevar: gados {0} jau ir dati (rezultāti, izdevumi, izskatīšana vai komentāri). Īstenošanas gadi nes pārskatus, tāpēc tos vairs nepārveido.",
                    string.Join(", ", withData.Select(Display.Roman))]);
                return await EditViewAsync(id, form, null, StatusCodes.Status409Conflict, cancellationToken);
            }
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            form.ApplyFactsTo(agreement);
            var regenerated = periodChanged ? await RegenerateYearsAsync(agreement, form.PeriodStart!.Value, form.PeriodEnd!.Value, cancellationToken) : null;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            TempData[Flash.Key] = regenerated is null
                ? localizer["Līgums saglabāts."].Value
                : localizer["Līgums saglabāts. Īstenošanas gadi izveidoti no jauna pēc jaunā perioda: {0}.", regenerated].Value;
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            var current = await db.Agreements.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
            return current is null ? NotFound() : await ConflictAsync(current, form, cancellationToken);
        }
        catch (FrozenRecordException)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return await FrozenAsync(id, form, localizer["Līguma kopsavilkums ir apstiprināts, tāpēc līguma datus mainīt nevar. Ja tie jālabo, vispirms atveriet kopsavilkumu no jauna."], cancellationToken);
        }
        return RedirectToAction(nameof(Edit), new { id });
    }

    /// <summary>
    /// Replaces the years of an agreement that has no reporting yet; the plan follows the year numbers
    /// (<see cref="YearRegeneration"/>).
    /// </summary>
    /// <returns>The new years as text, for the confirmation.</returns>
    private async Task<string> RegenerateYearsAsync(DelegationAgreement agreement, DateOnly start, DateOnly end, CancellationToken cancellationToken)
    {
        var yearIds = agreement.Years.Select(y => y.Id).ToList();
        var planned = await db.PlannedAmounts.Where(p => yearIds.Contains(p.ImplementationYearId)).ToListAsync(cancellationToken);
        var plan = YearRegeneration.PlanByNumber(agreement.Years, planned);
        db.PlannedAmounts.RemoveRange(planned);
        // Indicator targets follow the year numbers too, like the plan.
        var targets = await db.IndicatorTargets.Where(t => yearIds.Contains(t.ImplementationYearId)).ToListAsync(cancellationToken);
        var numberOf = agreement.Years.ToDictionary(y => y.Id, y => y.Number);
        var targetsByNumber = targets.Select(t => (t.PerformanceIndicatorId, Number: numberOf[t.ImplementationYearId], t.Count)).ToList();
        db.IndicatorTargets.RemoveRange(targets);
        db.ImplementationYears.RemoveRange(agreement.Years);
        agreement.PeriodStart = start;
        agreement.PeriodEnd = end;
        // Old years go in a save of their own first: the new ones reuse their (agreement, number) pairs.
        await db.SaveChangesAsync(cancellationToken);
        db.PlannedAmounts.AddRange(YearRegeneration.Regenerate(agreement, plan));
        var newYears = agreement.Years.ToDictionary(y => y.Number);
        db.IndicatorTargets.AddRange(targetsByNumber.Where(t => newYears.ContainsKey(t.Number))
            .Select(t => new IndicatorTarget { PerformanceIndicatorId = t.PerformanceIndicatorId, ImplementationYear = newYears[t.Number], Count = t.Count }));
        return string.Join(", ", agreement.Years.Select(y => $"{Display.Roman(y.Number)} {Display.Period(y.StartDate, y.EndDate)}"));
    }

    private async Task ValidateAsync(AgreementForm form, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(form.Type))
        {
            ModelState.AddModelError(Key(nameof(AgreementForm.Type)), localizer["Izvēlieties līguma veidu."]);
        }
        if (form.PerformerId is { } performerId && !await db.Organisations.AnyAsync(o => o.Id == performerId, cancellationToken))
        {
            ModelState.AddModelError(Key(nameof(AgreementForm.PerformerId)), localizer["Izvēlieties izpildītāju no saraksta."]);
        }
        if (form.RegionId is { } regionId && !await db.Regions.AnyAsync(r => r.Id == regionId, cancellationToken))
        {
            ModelState.AddModelError(Key(nameof(AgreementForm.RegionId)), localizer["Izvēlieties reģionu no saraksta."]);
        }
        if (form is { PeriodStart: { } start, PeriodEnd: { } end })
        {
            switch (AgreementPeriodRule.Check(start, end))
            {
                case AgreementPeriodError.EndBeforeStart:
                    ModelState.AddModelError(Key(nameof(AgreementForm.PeriodEnd)), localizer["Perioda beigas nevar būt pirms sākuma."]);
                    break;
                case AgreementPeriodError.TooLong:
                    ModelState.AddModelError(Key(nameof(AgreementForm.PeriodEnd)), localizer["Periods nevar būt garāks par {0} īstenošanas gadiem; pārbaudiet gadu.", AgreementPeriodRule.MaxYears]);
                    break;
            }
        }
    }

    private async Task<IActionResult> ConflictAsync(DelegationAgreement saved, AgreementForm yours, CancellationToken cancellationToken)
    {
        var choices = await pages.ChoicesAsync(cancellationToken);
        string Organisation(int? organisationId) => choices.Organisations.FirstOrDefault(o => o.Id == organisationId)?.Name ?? "";
        string Region(int? regionId) => choices.Regions.FirstOrDefault(r => r.Id == regionId)?.Name ?? "";
        var fields = new List<ConflictField>
        {
            new(localizer["Līguma veids"], AdminLabels.AgreementType(saved.Type, localizer), AdminLabels.AgreementType(yours.Type, localizer)),
            new(localizer["Līguma numurs"], saved.Number ?? "", FormText.Clean(yours.Number) ?? ""),
            new(localizer["Noslēgšanas datums"], Display.Date(saved.SignedOn), Display.Date(yours.SignedOn)),
            new(localizer["Deleģētājs"], saved.DelegatingAuthority ?? "", FormText.Clean(yours.DelegatingAuthority) ?? ""),
            new(localizer["Nosaukums"], saved.Title, FormText.Clean(yours.Title) ?? ""),
            new(localizer["Uzdevums"], saved.TaskText, yours.TaskText?.Trim() ?? ""),
            new(localizer["Izpildītājs"], Organisation(saved.PerformerId), Organisation(yours.PerformerId)),
            new(localizer["Reģions"], Region(saved.RegionId), Region(yours.RegionId)),
            new(localizer["Perioda sākums"], Display.Date(saved.PeriodStart), Display.Date(yours.PeriodStart)),
            new(localizer["Perioda beigas"], Display.Date(saved.PeriodEnd), Display.Date(yours.PeriodEnd)),
            new(localizer["Gada pārskats jāiesniedz dienās pēc gada beigām"], $"{saved.YearReportDueDays}", $"{yours.YearReportDueDays}"),
            new(localizer["Kopsavilkums jāiesniedz dienās pēc līguma beigām"], $"{saved.SummaryDueDays}", $"{yours.SummaryDueDays}"),
        };
        var conflict = await ConcurrencyConflict.DescribeAsync(db, nameof(DelegationAgreement), saved.Id, fields, deleted: false, cancellationToken);
        yours.Version = saved.Version;
        ModelState.Remove(Key(nameof(AgreementForm.Version)));
        return await EditViewAsync(saved.Id, yours, conflict, StatusCodes.Status409Conflict, cancellationToken);
    }

    private async Task<IActionResult> FrozenAsync(int id, AgreementForm form, string message, CancellationToken cancellationToken)
    {
        ModelState.AddModelError(string.Empty, message);
        return await EditViewAsync(id, form, null, StatusCodes.Status409Conflict, cancellationToken);
    }

    private async Task<IActionResult> EditViewAsync(int id, AgreementForm form, ConcurrencyConflict? conflict, int status, CancellationToken cancellationToken) =>
        this.ViewWithStatus("Edit", await pages.BuildAsync(id, form, conflict, cancellationToken), status);
}
