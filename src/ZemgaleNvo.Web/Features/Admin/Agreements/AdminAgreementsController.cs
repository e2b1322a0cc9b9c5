using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Reviews;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Web.Authorization;
using ZemgaleNvo.Web.Formatting;
using ZemgaleNvo.Web.Forms;
using ZemgaleNvo.Web.Resources;

namespace ZemgaleNvo.Web.Features.Admin.Agreements;

/// <summary>
/// Setting up agreements: the facts, the period (its implementation years are generated from it),
/// and the budget lines with a planned amount per year. The years carry the reporting, so once any
/// year has data the period is fixed; approved years are frozen by the data layer, which this
/// controller turns into a 409 page.
/// </summary>
[Authorize(Policy = PortalPolicies.Administer)]
[Route("admin/agreements")]
public sealed class AdminAgreementsController(AppDbContext db, AgreementUsage usage, IStringLocalizer<SharedResource> localizer) : Controller
{
    private const string FormPrefix = "Form";

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
        View("New", new AgreementFormPage(null, new AgreementForm(), await ChoicesAsync(cancellationToken)));

    [HttpPost("new")]
    public async Task<IActionResult> Create([FromForm(Name = FormPrefix)] AgreementForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        await ValidateAsync(form, cancellationToken);
        if (!ModelState.IsValid)
        {
            return this.ViewWithStatus("New", new AgreementFormPage(null, form, await ChoicesAsync(cancellationToken)), StatusCodes.Status422UnprocessableEntity);
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
        return agreement is null ? NotFound() : View("Edit", await EditPageAsync(id, AgreementForm.From(agreement), null, cancellationToken));
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

    [HttpGet("{id:int}/lines/new")]
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

    [HttpPost("{id:int}/lines/new")]
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
        var amounts = ReadAmounts(agreement, form, line);
        if (!ModelState.IsValid)
        {
            return this.ViewWithStatus("Line", LinePage(agreement, null, form), StatusCodes.Status422UnprocessableEntity);
        }
        line.Name = FormText.Clean(form.Name)!;
        line.ResultsHeading = FormText.Clean(form.ResultsHeading);
        db.BudgetLines.Add(line);
        ApplyAmounts(line, agreement, amounts);
        var saved = await SaveLineAsync(agreement, null, form, localizer["Budžeta pozīcija „{0}” pievienota.", line.Name], cancellationToken);
        if (saved is RedirectResult)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return saved;
    }

    [HttpGet("{id:int}/lines/{lineId:int}")]
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

    [HttpPost("{id:int}/lines/{lineId:int}")]
    public async Task<IActionResult> UpdateLine(int id, int lineId, [FromForm(Name = FormPrefix)] BudgetLineForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var agreement = await db.Agreements.Include(a => a.Years).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        var line = await db.BudgetLines.Include(l => l.PlannedAmounts).SingleOrDefaultAsync(l => l.Id == lineId && l.AgreementId == id, cancellationToken);
        if (agreement is null || line is null)
        {
            return NotFound();
        }
        var amounts = ReadAmounts(agreement, form, line);
        if (!ModelState.IsValid)
        {
            return this.ViewWithStatus("Line", LinePage(agreement, lineId, form), StatusCodes.Status422UnprocessableEntity);
        }
        line.Name = FormText.Clean(form.Name)!;
        line.ResultsHeading = FormText.Clean(form.ResultsHeading);
        ApplyAmounts(line, agreement, amounts);
        return await SaveLineAsync(agreement, lineId, form, localizer["Budžeta pozīcija „{0}” saglabāta.", line.Name], cancellationToken);
    }

    [HttpPost("{id:int}/lines/{lineId:int}/up")]
    public Task<IActionResult> MoveUp(int id, int lineId, CancellationToken cancellationToken) => MoveAsync(id, lineId, -1, cancellationToken);

    [HttpPost("{id:int}/lines/{lineId:int}/down")]
    public Task<IActionResult> MoveDown(int id, int lineId, CancellationToken cancellationToken) => MoveAsync(id, lineId, +1, cancellationToken);

    /// <summary>Only a line nothing was reported against; its planned amounts go with it.</summary>
    [HttpPost("{id:int}/lines/{lineId:int}/delete")]
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
        return RedirectToAction(nameof(Edit), new { id });
    }

    /// <summary>
    /// Swaps a line with its neighbour. Three saves in one transaction, through a free ordinal (0):
    /// the unique (agreement, ordinal) index would refuse a direct swap in the middle.
    /// </summary>
    private async Task<IActionResult> MoveAsync(int id, int lineId, int step, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginAgreementWriteAsync(id, cancellationToken);
        var lines = await db.BudgetLines.Where(l => l.AgreementId == id).OrderBy(l => l.Ordinal).ToListAsync(cancellationToken);
        var index = lines.FindIndex(l => l.Id == lineId);
        if (index < 0)
        {
            return NotFound();
        }
        var other = index + step;
        if (other >= 0 && other < lines.Count)
        {
            var (a, b) = (lines[index], lines[other]);
            var (ordinalA, ordinalB) = (a.Ordinal, b.Ordinal);
            a.Ordinal = 0;
            await db.SaveChangesAsync(cancellationToken);
            b.Ordinal = ordinalA;
            await db.SaveChangesAsync(cancellationToken);
            a.Ordinal = ordinalB;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return Redirect(Url.Action(nameof(Edit), new { id })! + "#budget-lines");
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
        return Redirect(Url.Action(nameof(Edit), new { id = agreement.Id })! + "#budget-lines");
    }

    /// <summary>The typed planned amounts per year number; empty means none. Refusals go into ModelState against their field.</summary>
    private Dictionary<int, long?> ReadAmounts(DelegationAgreement agreement, BudgetLineForm form, BudgetLine line)
    {
        var frozen = agreement.Years.Where(y => y.Status == ReviewStatus.Approved).Select(y => y.Id).ToHashSet();
        var amounts = new Dictionary<int, long?>();
        for (var i = 0; i < form.Amounts.Count; i++)
        {
            var row = form.Amounts[i];
            var year = agreement.Years.SingleOrDefault(y => y.Number == row.YearNumber);
            if (year is null || amounts.ContainsKey(year.Number))
            {
                continue;
            }
            var key = Key($"{nameof(BudgetLineForm.Amounts)}[{i}].{nameof(PlannedAmountRow.Amount)}");
            var cents = MoneyField.Read(ModelState, key, row.Amount, localizer, required: false);
            var saved = line.PlannedAmounts.FirstOrDefault(p => p.ImplementationYearId == year.Id)?.AmountCents;
            if (frozen.Contains(year.Id) && cents != saved && ModelState.GetFieldValidationState(key) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
            {
                ModelState.AddModelError(key, localizer["{0} ir apstiprināts: tā plānoto summu mainīt nevar.", Display.YearName(year.Number)]);
            }
            amounts[year.Number] = cents;
        }
        return amounts;
    }

    /// <summary>Adds, changes or removes planned amounts; years whose amount is unchanged are not touched (approved years stay frozen).</summary>
    private void ApplyAmounts(BudgetLine line, DelegationAgreement agreement, Dictionary<int, long?> amounts)
    {
        foreach (var year in agreement.Years)
        {
            if (!amounts.TryGetValue(year.Number, out var cents))
            {
                continue;
            }
            var saved = line.PlannedAmounts.FirstOrDefault(p => p.ImplementationYearId == year.Id);
            if (cents is null && saved is not null)
            {
                db.PlannedAmounts.Remove(saved);
            }
            else if (cents is not null && saved is null)
            {
                line.PlannedAmounts.Add(new PlannedAmount { BudgetLine = line, ImplementationYearId = year.Id, AmountCents = cents.Value });
            }
            else if (cents is not null && saved!.AmountCents != cents)
            {
                saved.AmountCents = cents.Value;
            }
        }
    }

    /// <summary>
    /// Replaces the years of an agreement that has no reporting yet. Planned amounts stay with the
    /// year of the same number (year I keeps year I's plan); those of years that no longer exist go.
    /// </summary>
    /// <returns>The new years as text, for the confirmation.</returns>
    private async Task<string> RegenerateYearsAsync(DelegationAgreement agreement, DateOnly start, DateOnly end, CancellationToken cancellationToken)
    {
        var yearIds = agreement.Years.Select(y => y.Id).ToList();
        var planned = await db.PlannedAmounts.Where(p => yearIds.Contains(p.ImplementationYearId)).ToListAsync(cancellationToken);
        var numberOf = agreement.Years.ToDictionary(y => y.Id, y => y.Number);
        var kept = planned.Select(p => (p.BudgetLineId, Number: numberOf[p.ImplementationYearId], p.AmountCents)).ToList();

        db.PlannedAmounts.RemoveRange(planned);
        db.ImplementationYears.RemoveRange(agreement.Years);
        agreement.PeriodStart = start;
        agreement.PeriodEnd = end;
        // Old years go in a save of their own first: the new ones reuse their (agreement, number) pairs.
        await db.SaveChangesAsync(cancellationToken);

        agreement.Years.Clear();
        agreement.GenerateYears();
        foreach (var (lineId, number, cents) in kept)
        {
            if (agreement.Years.FirstOrDefault(y => y.Number == number) is { } year)
            {
                db.PlannedAmounts.Add(new PlannedAmount { BudgetLineId = lineId, ImplementationYear = year, AmountCents = cents });
            }
        }
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
        var choices = await ChoicesAsync(cancellationToken);
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

    private async Task<IActionResult> RefuseOnEditPageAsync(int id, string message, CancellationToken cancellationToken)
    {
        var agreement = await db.Agreements.AsNoTracking().SingleAsync(a => a.Id == id, cancellationToken);
        ModelState.AddModelError(string.Empty, message);
        return await EditViewAsync(id, AgreementForm.From(agreement), null, StatusCodes.Status409Conflict, cancellationToken);
    }

    private async Task<IActionResult> EditViewAsync(int id, AgreementForm form, ConcurrencyConflict? conflict, int status, CancellationToken cancellationToken) =>
        this.ViewWithStatus("Edit", await EditPageAsync(id, form, conflict, cancellationToken), status);

    private async Task<AgreementEditPage> EditPageAsync(int id, AgreementForm form, ConcurrencyConflict? conflict, CancellationToken cancellationToken)
    {
        var years = await db.ImplementationYears.AsNoTracking().Where(y => y.AgreementId == id).OrderBy(y => y.Number).ToListAsync(cancellationToken);
        var lines = await db.BudgetLines.AsNoTracking().Include(l => l.PlannedAmounts).Where(l => l.AgreementId == id).OrderBy(l => l.Ordinal).ToListAsync(cancellationToken);
        var numberOf = years.ToDictionary(y => y.Id, y => y.Number);
        var views = new List<BudgetLineView>();
        foreach (var line in lines)
        {
            var planned = line.PlannedAmounts.Where(p => numberOf.ContainsKey(p.ImplementationYearId)).ToDictionary(p => numberOf[p.ImplementationYearId], p => p.AmountCents);
            views.Add(new BudgetLineView(line.Id, line.Ordinal, line.Name, line.ResultsHeading, planned, await usage.LineUsesAsync(line.Id, cancellationToken) > 0));
        }
        return new AgreementEditPage(
            new AgreementFormPage(id, form, await ChoicesAsync(cancellationToken), conflict),
            years, views, await usage.YearsWithDataAsync(id, cancellationToken));
    }

    private static BudgetLinePage LinePage(DelegationAgreement agreement, int? lineId, BudgetLineForm form) =>
        new(agreement.Id, agreement.Title, lineId, form, [.. agreement.Years.OrderBy(y => y.Number)],
            agreement.Years.Where(y => y.Status == ReviewStatus.Approved).Select(y => y.Number).ToHashSet());

    private async Task<AgreementChoices> ChoicesAsync(CancellationToken cancellationToken) => new(
        await db.Organisations.AsNoTracking().OrderBy(o => o.Name).ToListAsync(cancellationToken),
        await db.Regions.AsNoTracking().OrderBy(r => r.Name).ToListAsync(cancellationToken));
}
