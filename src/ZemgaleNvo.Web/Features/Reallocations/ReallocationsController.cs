using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Infrastructure.Data.Configurations;
using ZemgaleNvo.Web.Features.Years;
using ZemgaleNvo.Web.Forms;
using ZemgaleNvo.Web.Gates;
using ZemgaleNvo.Web.Resources;

namespace ZemgaleNvo.Web.Features.Reallocations;

public sealed class ReallocationForm
{
    [Display(Name = "No pozīcijas")]
    public int FromBudgetLineId { get; set; }

    [Display(Name = "Uz pozīciju")]
    public int ToBudgetLineId { get; set; }

    [Display(Name = "Summa, euro")]
    public string? Amount { get; set; }

    [Required(ErrorMessage = "Ierakstiet pārdales pamatojumu.")]
    [StringLength(Limits.ShortText * 5, ErrorMessage = "Ne vairāk kā {1} zīmes.")]
    [Display(Name = "Pamatojums")]
    public string? Reason { get; set; }

    [StringLength(Limits.ShortText, ErrorMessage = "Ne vairāk kā {1} zīmes.")]
    [Display(Name = "Atsauce")]
    public string? Reference { get; set; }

    public int Version { get; set; }
}

public sealed record ReallocationPage(OpenedYear Opened, int? ReallocationId, ReallocationForm Form, ConcurrencyConflict? Conflict = null);

/// <summary>Money moved between budget lines within a year, with the reason and the ministry's consent.</summary>
[Authorize]
[Route("agreements/{id:int}/years/{number:int}/reallocations")]
public sealed class ReallocationsController(AppDbContext db, IStringLocalizer<SharedResource> localizer) : Controller
{
    private const string FormPrefix = "Form";

    private static string Key(string field) => $"{FormPrefix}.{field}";

    [HttpGet("new")]
    [OpensYear(AgreementOperation.Edit)]
    public async Task<IActionResult> New(int id, int number, OpenedYear opened, CancellationToken cancellationToken)
    {
        var lines = opened.Lines;
        var form = new ReallocationForm { FromBudgetLineId = lines.Count > 0 ? lines[0].Id : 0, ToBudgetLineId = lines.Count > 1 ? lines[1].Id : 0 };
        return View("Form", new ReallocationPage(opened, null, form));
    }

    [HttpPost("new")]
    [OpensYear(AgreementOperation.Edit)]
    public async Task<IActionResult> Create(int id, int number, [FromForm(Name = FormPrefix)] ReallocationForm form, OpenedYear opened, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var amount = Validate(opened, form);
        if (!ModelState.IsValid)
        {
            return Invalid(new ReallocationPage(opened, null, form));
        }
        var move = new Reallocation { ImplementationYearId = opened.Year.Id, Reason = "" };
        Apply(form, move, amount!.Value);
        db.Reallocations.Add(move);
        await db.SaveChangesAsync(cancellationToken);
        TempData[Flash.Key] = localizer["Pārdale pievienota."].Value;
        return RedirectToWorkspace(id, number);
    }

    [HttpGet("{reallocationId:int}")]
    [OpensYear(AgreementOperation.Edit)]
    public async Task<IActionResult> Edit(int id, int number, int reallocationId, OpenedYear opened, CancellationToken cancellationToken)
    {
        var move = await FindAsync(opened.Year.Id, reallocationId, cancellationToken);
        if (move is null)
        {
            return NotFound();
        }
        var form = new ReallocationForm
        {
            FromBudgetLineId = move.FromBudgetLineId,
            ToBudgetLineId = move.ToBudgetLineId,
            Amount = MoneyField.Prefill(move.AmountCents),
            Reason = move.Reason,
            Reference = move.Reference,
            Version = move.Version,
        };
        return View("Form", new ReallocationPage(opened, reallocationId, form));
    }

    [HttpPost("{reallocationId:int}")]
    [OpensYear(AgreementOperation.Edit)]
    public async Task<IActionResult> Update(int id, int number, int reallocationId, [FromForm(Name = FormPrefix)] ReallocationForm form, OpenedYear opened, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var move = await FindAsync(opened.Year.Id, reallocationId, cancellationToken);
        if (move is null)
        {
            return await DeletedMeanwhileAsync(opened, reallocationId, form, cancellationToken);
        }
        var amount = Validate(opened, form);
        if (!ModelState.IsValid)
        {
            return Invalid(new ReallocationPage(opened, reallocationId, form));
        }
        if (move.Version != form.Version)
        {
            return await ConflictAsync(opened, move, form, cancellationToken);
        }
        Apply(form, move, amount!.Value);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await FindAsync(opened.Year.Id, reallocationId, cancellationToken);
            return current is null
                ? await DeletedMeanwhileAsync(opened, reallocationId, form, cancellationToken)
                : await ConflictAsync(opened, current, form, cancellationToken);
        }
        TempData[Flash.Key] = localizer["Pārdale saglabāta."].Value;
        return RedirectToWorkspace(id, number);
    }

    [HttpPost("{reallocationId:int}/delete")]
    [OpensYear(AgreementOperation.Edit)]
    public async Task<IActionResult> Delete(int id, int number, int reallocationId, OpenedYear opened, CancellationToken cancellationToken)
    {
        var move = await FindAsync(opened.Year.Id, reallocationId, cancellationToken);
        if (move is null)
        {
            return NotFound();
        }
        db.Reallocations.Remove(move);
        await db.SaveChangesAsync(cancellationToken);
        TempData[Flash.Key] = localizer["Pārdale izdzēsta."].Value;
        return RedirectToWorkspace(id, number);
    }

    private long? Validate(OpenedYear opened, ReallocationForm form)
    {
        if (opened.Line(form.FromBudgetLineId) is null)
        {
            ModelState.AddModelError(Key(nameof(ReallocationForm.FromBudgetLineId)), localizer["Izvēlieties šī līguma budžeta pozīciju."]);
        }
        if (opened.Line(form.ToBudgetLineId) is null)
        {
            ModelState.AddModelError(Key(nameof(ReallocationForm.ToBudgetLineId)), localizer["Izvēlieties šī līguma budžeta pozīciju."]);
        }
        else if (form.ToBudgetLineId == form.FromBudgetLineId)
        {
            ModelState.AddModelError(Key(nameof(ReallocationForm.ToBudgetLineId)), localizer["Naudu var pārdalīt tikai uz citu pozīciju."]);
        }
        var amount = MoneyField.Read(ModelState, Key(nameof(ReallocationForm.Amount)), form.Amount, localizer);
        if (amount == 0)
        {
            ModelState.AddModelError(Key(nameof(ReallocationForm.Amount)), localizer["Summai jābūt lielākai par nulli."]);
        }
        return amount;
    }

    private static void Apply(ReallocationForm form, Reallocation move, long amountCents)
    {
        move.FromBudgetLineId = form.FromBudgetLineId;
        move.ToBudgetLineId = form.ToBudgetLineId;
        move.AmountCents = amountCents;
        move.Reason = FormText.Clean(form.Reason)!;
        move.Reference = FormText.Clean(form.Reference);
    }

    private ViewResult Invalid(ReallocationPage page)
    {
        return this.ViewWithStatus("Form", page, StatusCodes.Status422UnprocessableEntity);
    }

    private async Task<IActionResult> ConflictAsync(OpenedYear opened, Reallocation saved, ReallocationForm yours, CancellationToken cancellationToken)
    {
        var fields = new List<ConflictField>
        {
            new(localizer["No pozīcijas"], opened.Line(saved.FromBudgetLineId)?.Name ?? "", opened.Line(yours.FromBudgetLineId)?.Name ?? ""),
            new(localizer["Uz pozīciju"], opened.Line(saved.ToBudgetLineId)?.Name ?? "", opened.Line(yours.ToBudgetLineId)?.Name ?? ""),
            new(localizer["Summa, euro"], Formatting.Display.Money(saved.AmountCents),
                MoneyField.AsTyped(yours.Amount)),
            new(localizer["Pamatojums"], saved.Reason, FormText.Clean(yours.Reason) ?? ""),
            new(localizer["Atsauce"], saved.Reference ?? "", FormText.Clean(yours.Reference) ?? ""),
        };
        var conflict = await ConcurrencyConflict.DescribeAsync(db, nameof(Reallocation), saved.Id, fields, deleted: false, cancellationToken);
        yours.Version = saved.Version;
        ModelState.Remove(Key(nameof(ReallocationForm.Version)));
        return this.ViewWithStatus("Form", new ReallocationPage(opened, saved.Id, yours, conflict), StatusCodes.Status409Conflict);
    }

    /// <summary>
    /// The reallocation is gone. Only when the audit trail shows it was deleted from this very year
    /// is that a colleague's delete worth telling about (who, when); an id that never was in this
    /// year, another organisation's included, answers 404 exactly like one that never existed, so
    /// the answer says nothing about records outside the caller's scope.
    /// </summary>
    private async Task<IActionResult> DeletedMeanwhileAsync(OpenedYear opened, int reallocationId, ReallocationForm yours, CancellationToken cancellationToken)
    {
        var key = reallocationId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var year = opened.Year.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var deletedHere = await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(Reallocation) && e.EntityKey == key
            && e.Action == Domain.Audit.AuditAction.Deleted && e.Field == nameof(Reallocation.ImplementationYearId) && e.OldValue == year, cancellationToken);
        if (!deletedHere)
        {
            return NotFound();
        }
        var conflict = await ConcurrencyConflict.DescribeAsync(db, nameof(Reallocation), reallocationId, [], deleted: true, cancellationToken);
        return this.ViewWithStatus("Form", new ReallocationPage(opened, reallocationId, yours, conflict), StatusCodes.Status409Conflict);
    }

    private Task<Reallocation?> FindAsync(int yearId, int reallocationId, CancellationToken cancellationToken) =>
        db.Reallocations.SingleOrDefaultAsync(r => r.Id == reallocationId && r.ImplementationYearId == yearId, cancellationToken);

    private RedirectResult RedirectToWorkspace(int id, int number) =>
        Redirect(Url.Action(nameof(YearsController.Workspace), "Years", new { id, number })! + "#reallocations");
}
