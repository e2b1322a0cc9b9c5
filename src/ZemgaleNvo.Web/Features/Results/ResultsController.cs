using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Entry;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Web.Features.Years;
using ZemgaleNvo.Web.Forms;
using ZemgaleNvo.Web.Gates;
using ZemgaleNvo.Web.Resources;

namespace ZemgaleNvo.Web.Features.Results;

/// <summary>The page model of the result form.</summary>
public sealed record ResultPage(OpenedYear Opened, int? ResultId, ResultForm Form, ConcurrencyConflict? Conflict = null);

/// <summary>
/// Results (numbered activities) of a year, per strand: add, edit, delete with undo, move up and
/// down. Each action opens the year through <see cref="YearEntryGate"/>, which refuses other
/// organisations' ids, users who may not edit, and years no longer open.
/// </summary>
[Authorize]
[Route("agreements/{id:int}/years/{number:int}/results")]
public sealed class ResultsController(AppDbContext db, IStringLocalizer<SharedResource> localizer) : Controller
{
    /// <summary>The form's fields are posted as <c>Form.Text</c>, … (the page model's property), so its model-state keys carry the prefix.</summary>
    internal const string FormPrefix = "Form";

    private static string Key(string field) => $"{FormPrefix}.{field}";

    [HttpGet("new")]
    [OpensYear(AgreementOperation.Edit)]
    public async Task<IActionResult> New(int id, int number, int? line, OpenedYear opened, CancellationToken cancellationToken)
    {
        var lineId = opened.DefaultLineId(line);
        return View("Form", new ResultPage(opened, null, new ResultForm { BudgetLineId = lineId }.WithSpareRows()));
    }

    [HttpPost("new")]
    [OpensYear(AgreementOperation.Edit)]
    public async Task<IActionResult> Create(int id, int number, [FromForm(Name = FormPrefix)] ResultForm form, [FromForm] string? command, OpenedYear opened, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (command == "add-indicator")
        {
            return FormWithExtraRow(opened, null, form);
        }
        ResultFormRules.Validate(ModelState, localizer, opened, form);
        if (!ModelState.IsValid)
        {
            return Invalid(new ResultPage(opened, null, form.WithSpareRows()));
        }

        await using var transaction = await db.BeginYearWriteAsync(opened.Year.Id, cancellationToken);
        var strand = await ActiveStrandAsync(opened.Year.Id, form.BudgetLineId, cancellationToken);
        var activity = new Activity { ImplementationYearId = opened.Year.Id, Text = "", Ordinal = ResultNumbering.Next(strand) };
        form.ApplyTo(activity);
        db.Activities.Add(activity);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        TempData[Flash.Key] = localizer["Rezultāts pievienots."].Value;
        return RedirectToWorkspace(id, number, form.BudgetLineId, activity.Ordinal);
    }

    [HttpGet("{resultId:int}")]
    [OpensYear(AgreementOperation.Edit)]
    public async Task<IActionResult> Edit(int id, int number, int resultId, OpenedYear opened, CancellationToken cancellationToken)
    {
        var activity = await FindAsync(opened.Year.Id, resultId, cancellationToken);
        return activity is null
            ? NotFound()
            : View("Form", new ResultPage(opened, resultId, ResultForm.From(activity).WithSpareRows()));
    }

    [HttpPost("{resultId:int}")]
    [OpensYear(AgreementOperation.Edit)]
    public async Task<IActionResult> Update(int id, int number, int resultId, [FromForm(Name = FormPrefix)] ResultForm form, [FromForm] string? command, OpenedYear opened, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        await using var transaction = await db.BeginYearWriteAsync(opened.Year.Id, cancellationToken);
        var activity = await FindAsync(opened.Year.Id, resultId, cancellationToken);
        if (activity is null)
        {
            return await DeletedMeanwhileAsync(opened, resultId, form, cancellationToken);
        }
        if (command == "add-indicator")
        {
            return FormWithExtraRow(opened, resultId, form);
        }
        ResultFormRules.Validate(ModelState, localizer, opened, form);
        if (!ModelState.IsValid)
        {
            return Invalid(new ResultPage(opened, resultId, form.WithSpareRows()));
        }
        if (activity.Version != form.Version)
        {
            return await ConflictAsync(opened, activity, form, cancellationToken);
        }

        var movedStrand = activity.BudgetLineId != form.BudgetLineId;
        var oldLineId = activity.BudgetLineId;
        form.ApplyTo(activity);
        // Indicators are rows of their own: touch the result so its version moves with them.
        db.Entry(activity).Property(a => a.Version).IsModified = true;
        if (movedStrand)
        {
            var target = await ActiveStrandAsync(opened.Year.Id, form.BudgetLineId, cancellationToken);
            activity.Ordinal = ResultNumbering.Next(target);
            ResultNumbering.Renumber((await ActiveStrandAsync(opened.Year.Id, oldLineId, cancellationToken)).Where(a => a.Id != activity.Id));
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            var current = await FindAsync(opened.Year.Id, resultId, cancellationToken);
            return current is null
                ? await DeletedMeanwhileAsync(opened, resultId, form, cancellationToken)
                : await ConflictAsync(opened, current, form, cancellationToken);
        }
        TempData[Flash.Key] = localizer["Rezultāts saglabāts."].Value;
        return RedirectToWorkspace(id, number, form.BudgetLineId, activity.Ordinal);
    }

    [HttpPost("{resultId:int}/delete")]
    [OpensYear(AgreementOperation.Edit)]
    public async Task<IActionResult> Delete(int id, int number, int resultId, OpenedYear opened, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginYearWriteAsync(opened.Year.Id, cancellationToken);
        var activity = await FindAsync(opened.Year.Id, resultId, cancellationToken);
        if (activity is null)
        {
            return NotFound();
        }
        activity.DeletedAtUtc = DateTime.UtcNow;
        ResultNumbering.Renumber((await ActiveStrandAsync(activity.ImplementationYearId, activity.BudgetLineId, cancellationToken)).Where(a => a.Id != activity.Id));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        TempData[Flash.Key] = localizer["Rezultāts izdzēsts."].Value;
        TempData[Flash.UndoKey] = Url.Action(nameof(Restore), new { id, number, resultId });
        return RedirectToWorkspace(id, number, activity.BudgetLineId, activity.Ordinal);
    }

    [HttpPost("{resultId:int}/restore")]
    [OpensYear(AgreementOperation.Edit)]
    public async Task<IActionResult> Restore(int id, int number, int resultId, OpenedYear opened, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginYearWriteAsync(opened.Year.Id, cancellationToken);
        var activity = await db.Activities
            .IgnoreQueryFilters([AppDbContext.SoftDeleteFilter])
            .SingleOrDefaultAsync(a => a.Id == resultId && a.ImplementationYearId == opened.Year.Id && a.DeletedAtUtc != null, cancellationToken);
        if (activity is null)
        {
            return NotFound();
        }
        activity.DeletedAtUtc = null;
        var strand = await ActiveStrandAsync(activity.ImplementationYearId, activity.BudgetLineId, cancellationToken);
        ResultNumbering.Restore([.. strand, activity], activity);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        TempData[Flash.Key] = localizer["Rezultāts atjaunots."].Value;
        return RedirectToWorkspace(id, number, activity.BudgetLineId, activity.Ordinal);
    }

    [HttpPost("{resultId:int}/move")]
    [OpensYear(AgreementOperation.Edit)]
    public async Task<IActionResult> Move(int id, int number, int resultId, [FromForm] string? direction, OpenedYear opened, CancellationToken cancellationToken)
    {
        if (direction is not ("up" or "down"))
        {
            return BadRequest();
        }
        await using var transaction = await db.BeginYearWriteAsync(opened.Year.Id, cancellationToken);
        var activity = await FindAsync(opened.Year.Id, resultId, cancellationToken);
        if (activity is null)
        {
            return NotFound();
        }
        var strand = await ActiveStrandAsync(activity.ImplementationYearId, activity.BudgetLineId, cancellationToken);
        if (ResultNumbering.Move(strand, strand.Single(a => a.Id == activity.Id), direction == "up" ? -1 : 1))
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return RedirectToWorkspace(id, number, activity.BudgetLineId, strand.Single(a => a.Id == activity.Id).Ordinal, $"result-{resultId}");
    }

    private ViewResult Invalid(ResultPage page)
    {
        return this.ViewWithStatus("Form", page, StatusCodes.Status422UnprocessableEntity);
    }

    /// <summary>"Add indicator" without JavaScript: the form comes back as typed, with one more blank row, nothing saved.</summary>
    private ViewResult FormWithExtraRow(OpenedYear opened, int? resultId, ResultForm form)
    {
        ModelState.Clear();
        return View("Form", new ResultPage(opened, resultId, form.WithSpareRows(form.Indicators.Count(r => r.IsBlank) + 1)));
    }

    private async Task<IActionResult> ConflictAsync(OpenedYear opened, Activity saved, ResultForm yours, CancellationToken cancellationToken)
    {
        var fields = ResultFormRules.ConflictFields(localizer, opened, saved, yours);
        var conflict = await ConcurrencyConflict.DescribeAsync(db, nameof(Activity), saved.Id, fields, deleted: false, cancellationToken);
        yours.Version = saved.Version;
        ModelState.Remove(Key(nameof(ResultForm.Version)));
        return this.ViewWithStatus("Form", new ResultPage(opened, saved.Id, yours.WithSpareRows(), conflict), StatusCodes.Status409Conflict);
    }

    private async Task<IActionResult> DeletedMeanwhileAsync(OpenedYear opened, int resultId, ResultForm yours, CancellationToken cancellationToken)
    {
        var deleted = await db.Activities.IgnoreQueryFilters([AppDbContext.SoftDeleteFilter])
            .AnyAsync(a => a.Id == resultId && a.ImplementationYearId == opened.Year.Id, cancellationToken);
        if (!deleted)
        {
            return NotFound();
        }
        var conflict = await ConcurrencyConflict.DescribeAsync(db, nameof(Activity), resultId, [], deleted: true, cancellationToken);
        return this.ViewWithStatus("Form", new ResultPage(opened, resultId, yours.WithSpareRows(), conflict), StatusCodes.Status409Conflict);
    }

    private Task<Activity?> FindAsync(int yearId, int resultId, CancellationToken cancellationToken) =>
        db.Activities.Include(a => a.Indicators).SingleOrDefaultAsync(a => a.Id == resultId && a.ImplementationYearId == yearId, cancellationToken);

    private Task<List<Activity>> ActiveStrandAsync(int yearId, int lineId, CancellationToken cancellationToken) =>
        db.Activities.Where(a => a.ImplementationYearId == yearId && a.BudgetLineId == lineId).OrderBy(a => a.Ordinal).ToListAsync(cancellationToken);

    /// <summary>Back to the year page, on the page of the strand's list that holds the result at <paramref name="ordinal"/> (issue 18: a long strand is paged).</summary>
    private RedirectResult RedirectToWorkspace(int id, int number, int lineId, int ordinal, string? anchor = null)
    {
        var page = EntryPaging.PageOf(ordinal);
        return Redirect(Url.Action(nameof(YearsController.Workspace), "Years", new { id, number })!
            + (page > 1 ? $"?{EntryPaging.ResultsKey(lineId)}={page}" : "") + "#" + (anchor ?? $"strand-{lineId}"));
    }
}
