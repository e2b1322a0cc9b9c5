using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Web.Features.Years;
using ZemgaleNvo.Web.Forms;
using ZemgaleNvo.Web.Gates;
using ZemgaleNvo.Web.Resources;

namespace ZemgaleNvo.Web.Features.Spending;

/// <summary>
/// Spending of a year per budget line: itemised entries (add, edit, delete with undo) or one total
/// per line. Every action opens the year through <see cref="YearEntryGate"/>.
/// </summary>
[Authorize]
[Route("agreements/{id:int}/years/{number:int}/spending")]
public sealed class SpendingController(AppDbContext db, IStringLocalizer<SharedResource> localizer) : Controller
{
    internal const string FormPrefix = "Form";

    private static string Key(string field) => $"{FormPrefix}.{field}";

    [HttpGet("new")]
    [OpensYear(AgreementOperation.Edit)]
    public async Task<IActionResult> New(int id, int number, int? line, OpenedYear opened, CancellationToken cancellationToken)
    {
        var lineId = opened.DefaultLineId(line);
        return View("Entry", new SpendingEntryPage(opened, null, new SpendingEntryForm { BudgetLineId = lineId }, StatedTotals: await StatedTotalsAsync(opened.Year.Id, cancellationToken)));
    }

    [HttpPost("new")]
    [OpensYear(AgreementOperation.Edit)]
    public async Task<IActionResult> Create(int id, int number, [FromForm(Name = FormPrefix)] SpendingEntryForm form, OpenedYear opened, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var amount = SpendingFormRules.Validate(ModelState, localizer, opened, form);
        if (!ModelState.IsValid)
        {
            return Invalid(new SpendingEntryPage(opened, null, form, StatedTotals: await StatedTotalsAsync(opened.Year.Id, cancellationToken)));
        }
        var entry = new SpendingEntry { ImplementationYearId = opened.Year.Id, Description = "" };
        form.ApplyTo(entry, amount!.Value);
        db.SpendingEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        TempData[Flash.Key] = localizer["Izdevums pievienots."].Value;
        return await RedirectToEntryAsync(id, number, entry, cancellationToken);
    }

    [HttpGet("{entryId:int}")]
    [OpensYear(AgreementOperation.Edit)]
    public async Task<IActionResult> Edit(int id, int number, int entryId, OpenedYear opened, CancellationToken cancellationToken)
    {
        var entry = await FindAsync(opened.Year.Id, entryId, cancellationToken);
        return entry is null ? NotFound() : View("Entry", new SpendingEntryPage(opened, entryId, SpendingEntryForm.From(entry)));
    }

    [HttpPost("{entryId:int}")]
    [OpensYear(AgreementOperation.Edit)]
    public async Task<IActionResult> Update(int id, int number, int entryId, [FromForm(Name = FormPrefix)] SpendingEntryForm form, OpenedYear opened, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var entry = await FindAsync(opened.Year.Id, entryId, cancellationToken);
        if (entry is null)
        {
            return await DeletedMeanwhileAsync(opened, entryId, form, cancellationToken);
        }
        var amount = SpendingFormRules.Validate(ModelState, localizer, opened, form);
        if (!ModelState.IsValid)
        {
            return Invalid(new SpendingEntryPage(opened, entryId, form));
        }
        if (entry.Version != form.Version)
        {
            return await ConflictAsync(opened, entry, form, cancellationToken);
        }
        form.ApplyTo(entry, amount!.Value);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await FindAsync(opened.Year.Id, entryId, cancellationToken);
            return current is null
                ? await DeletedMeanwhileAsync(opened, entryId, form, cancellationToken)
                : await ConflictAsync(opened, current, form, cancellationToken);
        }
        TempData[Flash.Key] = localizer["Izdevums saglabāts."].Value;
        return await RedirectToEntryAsync(id, number, entry, cancellationToken);
    }

    [HttpPost("{entryId:int}/delete")]
    [OpensYear(AgreementOperation.Edit)]
    public async Task<IActionResult> Delete(int id, int number, int entryId, OpenedYear opened, CancellationToken cancellationToken)
    {
        var entry = await FindAsync(opened.Year.Id, entryId, cancellationToken);
        if (entry is null)
        {
            return NotFound();
        }
        entry.DeletedAtUtc = DateTime.UtcNow;
        await db.SaveChangesAsync(cancellationToken);
        TempData[Flash.Key] = localizer["Izdevums izdzēsts."].Value;
        TempData[Flash.UndoKey] = Url.Action(nameof(Restore), new { id, number, entryId });
        return await RedirectToEntryAsync(id, number, entry, cancellationToken);
    }

    [HttpPost("{entryId:int}/restore")]
    [OpensYear(AgreementOperation.Edit)]
    public async Task<IActionResult> Restore(int id, int number, int entryId, OpenedYear opened, CancellationToken cancellationToken)
    {
        var entry = await db.SpendingEntries
            .IgnoreQueryFilters([AppDbContext.SoftDeleteFilter])
            .SingleOrDefaultAsync(e => e.Id == entryId && e.ImplementationYearId == opened.Year.Id && e.DeletedAtUtc != null, cancellationToken);
        if (entry is null)
        {
            return NotFound();
        }
        entry.DeletedAtUtc = null;
        await db.SaveChangesAsync(cancellationToken);
        TempData[Flash.Key] = localizer["Izdevums atjaunots."].Value;
        return await RedirectToEntryAsync(id, number, entry, cancellationToken);
    }

    [HttpGet("lines/{lineId:int}/total")]
    [OpensYear(AgreementOperation.Edit)]
    public async Task<IActionResult> LineTotal(int id, int number, int lineId, OpenedYear opened, CancellationToken cancellationToken)
    {
        var line = opened.Line(lineId);
        if (line is null)
        {
            return NotFound();
        }
        var total = await FindTotalAsync(opened.Year.Id, lineId, cancellationToken);
        var form = new LineTotalForm { Amount = total is null ? null : MoneyField.Prefill(total.AmountCents), Version = total?.Version ?? 0 };
        return View(new LineTotalPage(opened, line, await HasEntriesAsync(opened.Year.Id, lineId, cancellationToken), form));
    }

    [HttpPost("lines/{lineId:int}/total")]
    [OpensYear(AgreementOperation.Edit)]
    public async Task<IActionResult> SaveLineTotal(int id, int number, int lineId, [FromForm(Name = FormPrefix)] LineTotalForm form, OpenedYear opened, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var line = opened.Line(lineId);
        if (line is null)
        {
            return NotFound();
        }
        var amount = LineTotalRules.Read(ModelState, Key(nameof(LineTotalForm.Amount)), form.Amount, localizer);
        var hasEntries = await HasEntriesAsync(opened.Year.Id, lineId, cancellationToken);
        if (!ModelState.IsValid)
        {
            return this.ViewWithStatus(nameof(LineTotal), new LineTotalPage(opened, line, hasEntries, form), StatusCodes.Status422UnprocessableEntity);
        }
        var total = await FindTotalAsync(opened.Year.Id, lineId, cancellationToken);
        if ((total?.Version ?? 0) != form.Version)
        {
            return await LineTotalConflictAsync(opened, line, hasEntries, form, total, cancellationToken);
        }
        LineTotalRules.Apply(db, opened.Year.Id, lineId, total, amount);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (e is DbUpdateConcurrencyException or DbUpdateException)
        {
            // A colleague saved or removed the same line total a moment earlier: show the form again with theirs.
            db.ChangeTracker.Clear();
            return await LineTotalConflictAsync(opened, line, hasEntries, form, await FindTotalAsync(opened.Year.Id, line.Id, cancellationToken), cancellationToken);
        }
        TempData[Flash.Key] = localizer["Izdevumu kopsumma saglabāta."].Value;
        return RedirectToWorkspace(id, number, lineId);
    }

    /// <summary>The line total changed (or appeared, or went) since the form was opened: show what is saved now beside what was typed.</summary>
    private async Task<IActionResult> LineTotalConflictAsync(OpenedYear opened, BudgetLine line, bool hasEntries, LineTotalForm form, SpendingTotal? total, CancellationToken cancellationToken)
    {
        var fields = new[] { new ConflictField(localizer["Izdevumi kopā, euro"], total is null ? "" : Formatting.Display.Money(total.AmountCents), form.Amount ?? "") };
        var conflict = total is null
            ? new ConcurrencyConflict(null, null, fields.Where(f => f.Saved != f.Yours).ToList(), Deleted: true)
            : await ConcurrencyConflict.DescribeAsync(db, nameof(SpendingTotal), total.Id, fields, deleted: false, cancellationToken);
        form.Version = total?.Version ?? 0;
        ModelState.Remove(Key(nameof(LineTotalForm.Version)));
        return this.ViewWithStatus(nameof(LineTotal), new LineTotalPage(opened, line, hasEntries, form, conflict), StatusCodes.Status409Conflict);
    }

    private ViewResult Invalid(SpendingEntryPage page)
    {
        return this.ViewWithStatus("Entry", page, StatusCodes.Status422UnprocessableEntity);
    }

    private async Task<IActionResult> ConflictAsync(OpenedYear opened, SpendingEntry saved, SpendingEntryForm yours, CancellationToken cancellationToken)
    {
        var fields = SpendingFormRules.ConflictFields(localizer, opened, saved, yours);
        var conflict = await ConcurrencyConflict.DescribeAsync(db, nameof(SpendingEntry), saved.Id, fields, deleted: false, cancellationToken);
        yours.Version = saved.Version;
        ModelState.Remove(Key(nameof(SpendingEntryForm.Version)));
        return this.ViewWithStatus("Entry", new SpendingEntryPage(opened, saved.Id, yours, conflict), StatusCodes.Status409Conflict);
    }

    private async Task<IActionResult> DeletedMeanwhileAsync(OpenedYear opened, int entryId, SpendingEntryForm yours, CancellationToken cancellationToken)
    {
        var deleted = await db.SpendingEntries.IgnoreQueryFilters([AppDbContext.SoftDeleteFilter])
            .AnyAsync(e => e.Id == entryId && e.ImplementationYearId == opened.Year.Id, cancellationToken);
        if (!deleted)
        {
            return NotFound();
        }
        var conflict = await ConcurrencyConflict.DescribeAsync(db, nameof(SpendingEntry), entryId, [], deleted: true, cancellationToken);
        return this.ViewWithStatus("Entry", new SpendingEntryPage(opened, entryId, yours, conflict), StatusCodes.Status409Conflict);
    }

    /// <summary>Stated line totals that a first itemised entry would replace, so the form can say so before it happens.</summary>
    private async Task<IReadOnlyDictionary<int, long>> StatedTotalsAsync(int yearId, CancellationToken cancellationToken)
    {
        var itemised = await db.SpendingEntries.Where(e => e.ImplementationYearId == yearId).Select(e => e.BudgetLineId).Distinct().ToListAsync(cancellationToken);
        return await db.SpendingTotals.Where(t => t.ImplementationYearId == yearId && !itemised.Contains(t.BudgetLineId))
            .ToDictionaryAsync(t => t.BudgetLineId, t => t.AmountCents, cancellationToken);
    }

    private Task<SpendingEntry?> FindAsync(int yearId, int entryId, CancellationToken cancellationToken) =>
        db.SpendingEntries.SingleOrDefaultAsync(e => e.Id == entryId && e.ImplementationYearId == yearId, cancellationToken);

    private Task<SpendingTotal?> FindTotalAsync(int yearId, int lineId, CancellationToken cancellationToken) =>
        db.SpendingTotals.SingleOrDefaultAsync(t => t.ImplementationYearId == yearId && t.BudgetLineId == lineId, cancellationToken);

    private Task<bool> HasEntriesAsync(int yearId, int lineId, CancellationToken cancellationToken) =>
        db.SpendingEntries.AnyAsync(e => e.ImplementationYearId == yearId && e.BudgetLineId == lineId, cancellationToken);

    private RedirectResult RedirectToWorkspace(int id, int number, int lineId, int page = 1) =>
        Redirect(Url.Action(nameof(YearsController.Workspace), "Years", new { id, number })!
            + (page > 1 ? $"?{EntryPaging.SpendingKey(lineId)}={page}" : "") + $"#spending-{lineId}");

    /// <summary>
    /// Back to the year page, on the page of the line's list that holds the entry (issue 18: a long
    /// line is paged; the year page orders it by date, then id). A deleted entry's place is where it
    /// was, among its neighbours.
    /// </summary>
    private async Task<RedirectResult> RedirectToEntryAsync(int id, int number, SpendingEntry entry, CancellationToken cancellationToken)
    {
        var before = await db.SpendingEntries.CountAsync(e => e.ImplementationYearId == entry.ImplementationYearId && e.BudgetLineId == entry.BudgetLineId
            && (e.Date < entry.Date || (e.Date == entry.Date && e.Id < entry.Id)), cancellationToken);
        return RedirectToWorkspace(id, number, entry.BudgetLineId, EntryPaging.PageOf(before + 1));
    }
}
