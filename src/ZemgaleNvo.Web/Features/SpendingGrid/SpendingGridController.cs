using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Web.Features.Spending;
using ZemgaleNvo.Web.Features.Years;
using ZemgaleNvo.Web.Forms;
using ZemgaleNvo.Web.Gates;
using ZemgaleNvo.Web.Resources;

namespace ZemgaleNvo.Web.Features.SpendingGrid;

/// <summary>
/// Faster entry (issue 13): every line's stated total of a year in one form. The amounts follow the
/// same rules as the one-line form (<see cref="LineTotalRules"/>); the grid is saved whole or not at all.
/// </summary>
[Authorize]
[Route("agreements/{id:int}/years/{number:int}/spending/totals")]
public sealed class SpendingGridController(AppDbContext db, IStringLocalizer<SharedResource> localizer) : Controller
{
    private const string FormPrefix = "Form";

    [HttpGet("")]
    [OpensYear(AgreementOperation.Edit, Graph = true)]
    public async Task<IActionResult> Index(OpenedYear opened, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(opened);
        var totals = await TotalsAsync(opened.Year.Id, cancellationToken);
        var form = new SpendingGridForm
        {
            Lines = opened.Lines.Select(l => totals.GetValueOrDefault(l.Id) is { } total
                ? new SpendingGridRow { BudgetLineId = l.Id, Amount = MoneyField.Prefill(total.AmountCents), Version = total.Version }
                : new SpendingGridRow { BudgetLineId = l.Id }).ToList(),
        };
        return View(await PageAsync(opened, form, null, cancellationToken));
    }

    [HttpPost("")]
    [OpensYear(AgreementOperation.Edit, Graph = true)]
    public async Task<IActionResult> Save(int id, int number, [FromForm(Name = FormPrefix)] SpendingGridForm form, OpenedYear opened, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(opened);
        var amounts = new Dictionary<int, long?>();
        for (var i = 0; i < form.Lines.Count; i++)
        {
            var row = form.Lines[i];
            // A line of another agreement, or one line twice, is not something the grid can post.
            if (opened.Line(row.BudgetLineId) is null || amounts.ContainsKey(row.BudgetLineId))
            {
                return BadRequest();
            }
            amounts[row.BudgetLineId] = LineTotalRules.Read(ModelState, $"{FormPrefix}.Lines[{i}].Amount", row.Amount, localizer);
        }
        if (!ModelState.IsValid)
        {
            // Every row comes back as typed; nothing is saved while any row is refused.
            return this.ViewWithStatus(nameof(Index), await PageAsync(opened, form, null, cancellationToken), StatusCodes.Status422UnprocessableEntity);
        }

        var totals = await TotalsAsync(opened.Year.Id, cancellationToken);
        if (form.Lines.Any(r => (totals.GetValueOrDefault(r.BudgetLineId)?.Version ?? 0) != r.Version))
        {
            return await ConflictAsync(opened, form, totals, cancellationToken);
        }
        foreach (var row in form.Lines)
        {
            LineTotalRules.Apply(db, opened.Year.Id, row.BudgetLineId, totals.GetValueOrDefault(row.BudgetLineId), amounts[row.BudgetLineId]);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (e is DbUpdateConcurrencyException or DbUpdateException)
        {
            // A colleague saved a total of this year a moment earlier: show theirs beside the grid as typed.
            db.ChangeTracker.Clear();
            return await ConflictAsync(opened, form, await TotalsAsync(opened.Year.Id, cancellationToken), cancellationToken);
        }
        TempData[Flash.Key] = localizer["Izdevumu kopsummas saglabātas."].Value;
        return Redirect(Url.Action(nameof(YearsController.Workspace), "Years", new { id, number })! + "#spending");
    }

    /// <summary>Some totals changed since the grid was opened: the saved figures beside the typed ones, the grid kept, versions moved on.</summary>
    private async Task<IActionResult> ConflictAsync(OpenedYear opened, SpendingGridForm form, Dictionary<int, SpendingTotal> totals, CancellationToken cancellationToken)
    {
        var fields = new List<ConflictField>();
        for (var i = 0; i < form.Lines.Count; i++)
        {
            var row = form.Lines[i];
            var saved = totals.GetValueOrDefault(row.BudgetLineId);
            if ((saved?.Version ?? 0) != row.Version)
            {
                fields.Add(new ConflictField(opened.Line(row.BudgetLineId)!.Name, saved is null ? "" : Formatting.Display.Money(saved.AmountCents), MoneyField.AsTyped(row.Amount)));
            }
            row.Version = saved?.Version ?? 0;
            ModelState.Remove($"{FormPrefix}.Lines[{i}].Version");
        }
        var latest = totals.Values.OrderByDescending(t => t.Id).FirstOrDefault();
        var conflict = latest is null
            ? new ConcurrencyConflict(null, null, fields, Deleted: false)
            : await ConcurrencyConflict.DescribeAsync(db, nameof(SpendingTotal), latest.Id, fields, deleted: false, cancellationToken);
        return this.ViewWithStatus(nameof(Index), await PageAsync(opened, form, conflict, cancellationToken), StatusCodes.Status409Conflict);
    }

    private async Task<SpendingGridPage> PageAsync(OpenedYear opened, SpendingGridForm form, ConcurrencyConflict? conflict, CancellationToken cancellationToken)
    {
        var itemised = await db.SpendingEntries.Where(e => e.ImplementationYearId == opened.Year.Id).Select(e => e.BudgetLineId).Distinct().ToListAsync(cancellationToken);
        return new SpendingGridPage(opened, opened.Balance(), form, itemised.ToHashSet(), conflict);
    }

    private Task<Dictionary<int, SpendingTotal>> TotalsAsync(int yearId, CancellationToken cancellationToken) =>
        db.SpendingTotals.Where(t => t.ImplementationYearId == yearId).ToDictionaryAsync(t => t.BudgetLineId, cancellationToken);
}
