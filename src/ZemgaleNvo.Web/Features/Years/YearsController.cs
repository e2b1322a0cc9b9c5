using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Budget;
using ZemgaleNvo.Domain.Checks;
using ZemgaleNvo.Domain.Entry;
using ZemgaleNvo.Domain.Reviews;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Infrastructure.Data.Configurations;
using ZemgaleNvo.Web.Authorization;
using ZemgaleNvo.Web.Features.Review;
using ZemgaleNvo.Web.Forms;
using ZemgaleNvo.Web.Gates;
using ZemgaleNvo.Web.Resources;

namespace ZemgaleNvo.Web.Features.Years;

/// <summary>
/// The year workspace of the performer's staff, and the year-wide parts of the entry: the evaluation
/// text, the carry-over split and submitting the year for review.
/// </summary>
[Authorize]
[Route("agreements/{id:int}/years/{number:int}")]
public sealed class YearsController(
    AppDbContext db, YearEntryGate gate, YearWorkspaceQuery workspace, Review.WorkflowNotices notices, IStringLocalizer<SharedResource> localizer) : Controller
{
    private const string FormPrefix = "Form";

    [HttpGet("entry")]
    [OpensYear(AgreementOperation.View, Graph = true)]
    public async Task<IActionResult> Workspace(OpenedYear opened, CancellationToken cancellationToken) =>
        View(await workspace.BuildAsync(User, opened, null, null, cancellationToken));

    [HttpPost("submit")]
    [OpensYear(AgreementOperation.Submit, Graph = true)]
    public async Task<IActionResult> Submit(int id, int number, OpenedYear opened, CancellationToken cancellationToken)
    {
        var page = await workspace.BuildAsync(User, opened, null, null, cancellationToken);
        if (!page.Checklist.CanSubmit)
        {
            ModelState.AddModelError("", localizer["Gadu vēl nevar iesniegt: pabeidziet kontrolsarakstā atzīmētās daļas."]);
            return this.ViewWithStatus(nameof(Workspace), page, StatusCodes.Status422UnprocessableEntity);
        }
        YearWorkflow.Submit(opened.Year, page.Checklist);
        var note = ReviewHistory.Note(User, id, number, ReviewNoteKind.Submitted, null);
        db.ReviewNotes.Add(note);
        await notices.BeforeSaveAsync(id, number, ReviewTransition.Submit, null, note.AuthorName, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await notices.AfterSaveAsync();
        TempData[Flash.Key] = localizer["Gads iesniegts izskatīšanai. Līdz ministrijas lēmumam to labot nevar."].Value;
        return RedirectToAction(nameof(Workspace), new { id, number });
    }

    [HttpGet("evaluation")]
    [OpensYear(AgreementOperation.Edit, Graph = true)]
    public IActionResult Evaluation(OpenedYear opened)
    {
        var year = opened.Year;
        return View(new EvaluationPage(opened, new EvaluationForm
        {
            Text = year.EvaluationText,
            ReportedTotal = year.ReportedActualTotalCents is { } total ? MoneyField.Prefill(total) : null,
            Version = year.Version,
        }));
    }

    [HttpPost("evaluation")]
    [OpensYear(AgreementOperation.Edit, Graph = true)]
    public async Task<IActionResult> SaveEvaluation(int id, int number, [FromForm(Name = FormPrefix)] EvaluationForm form, OpenedYear opened, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(opened);
        var reportedTotal = MoneyField.Read(ModelState, $"{FormPrefix}.{nameof(EvaluationForm.ReportedTotal)}", form.ReportedTotal, localizer, required: false);
        if (!ModelState.IsValid)
        {
            return this.ViewWithStatus(nameof(Evaluation), new EvaluationPage(opened, form), StatusCodes.Status422UnprocessableEntity);
        }
        var year = opened.Year;
        if (year.Version != form.Version)
        {
            return await EvaluationConflictAsync(opened, form, cancellationToken);
        }
        year.EvaluationText = FormText.Clean(form.Text);
        year.ReportedActualTotalCents = reportedTotal;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            // Look again through the same gate: the year may have been submitted meanwhile.
            var reopened = await gate.OpenAsync(User, id, number, AgreementOperations.Edit, graph: true, cancellationToken);
            return reopened.Refusal is null
                ? await EvaluationConflictAsync(reopened.Opened!, form, cancellationToken)
                : reopened.Response(MetadataProvider, ModelState);
        }
        TempData[Flash.Key] = localizer["Rezultātu apraksts saglabāts."].Value;
        return Redirect(Url.Action(nameof(Workspace), new { id, number }) + "#evaluation");
    }

    [HttpGet("carry-over")]
    [OpensYear(AgreementOperation.Edit, Graph = true)]
    public IActionResult CarryOver(OpenedYear opened)
    {
        ArgumentNullException.ThrowIfNull(opened);
        var (balance, isLast) = (opened.Balance(), opened.IsLastYear);
        var form = CarryOverForm.Start(opened, balance);
        return View(new CarryOverPage(opened, balance, isLast, form));
    }

    [HttpPost("carry-over")]
    [OpensYear(AgreementOperation.Edit, Graph = true)]
    public async Task<IActionResult> SaveCarryOver(int id, int number, [FromForm(Name = FormPrefix)] CarryOverForm form, OpenedYear opened, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(opened);
        var (balance, isLast) = (opened.Balance(), opened.IsLastYear);
        var split = new Dictionary<int, long>();
        for (var i = 0; i < form.Lines.Count; i++)
        {
            var row = form.Lines[i];
            if (opened.Line(row.BudgetLineId) is null || split.ContainsKey(row.BudgetLineId))
            {
                return BadRequest();
            }
            split[row.BudgetLineId] = MoneyField.Read(ModelState, $"{FormPrefix}.Lines[{i}].Amount", row.Amount, localizer) ?? 0;
        }
        if (ModelState.IsValid)
        {
            switch (CarryOverPlan.Validate(balance, isLast, split))
            {
                case CarryOverError.LastYear:
                    ModelState.AddModelError("", localizer["No pēdējā īstenošanas gada atlikumu pārcelt nevar: nākamā gada nav."]);
                    break;
                case CarryOverError.SumDiffersFromRemainder:
                    ModelState.AddModelError("", localizer["Pārceltajām summām kopā jābūt {0} euro (gada atlikums); tagad tās ir {1} euro.",
                        Formatting.Display.Money(Math.Max(0, balance.RemainingCents)), Formatting.Display.Money(split.Values.Sum())]);
                    break;
                case CarryOverError.UnknownLine:
                    return BadRequest();
            }
        }
        if (!ModelState.IsValid)
        {
            return this.ViewWithStatus(nameof(CarryOver), new CarryOverPage(opened, balance, isLast, form), StatusCodes.Status422UnprocessableEntity);
        }

        // Optimistic check by value: the split as saved now must still be what the form was opened with.
        var saved = CarryOverForm.Saved(opened.Year);
        var changed = form.Lines.Where(r => saved.GetValueOrDefault(r.BudgetLineId).ToString(System.Globalization.CultureInfo.InvariantCulture) != (r.Saved ?? "0")).ToList();
        if (changed.Count > 0)
        {
            var fields = form.Lines.Select(r => new ConflictField(
                opened.Line(r.BudgetLineId)!.Name, Formatting.Display.Money(saved.GetValueOrDefault(r.BudgetLineId)), r.Amount ?? "")).ToList();
            var last = opened.Year.CarryOvers.Count == 0 ? null : opened.Year.CarryOvers.MaxBy(c => c.Id);
            var conflict = last is null
                ? new ConcurrencyConflict(null, null, fields.Where(f => f.Saved != f.Yours).ToList())
                : await ConcurrencyConflict.DescribeAsync(db, nameof(Domain.Agreements.CarryOver), last.Id, fields, deleted: false, cancellationToken);
            for (var i = 0; i < form.Lines.Count; i++)
            {
                form.Lines[i].Saved = saved.GetValueOrDefault(form.Lines[i].BudgetLineId).ToString(System.Globalization.CultureInfo.InvariantCulture);
                ModelState.Remove($"{FormPrefix}.Lines[{i}].Saved");
            }
            return this.ViewWithStatus(nameof(CarryOver), new CarryOverPage(opened, balance, isLast, form, conflict), StatusCodes.Status409Conflict);
        }

        foreach (var (lineId, cents) in split)
        {
            var existing = opened.Year.CarryOvers.FirstOrDefault(c => c.BudgetLineId == lineId);
            if (existing is null && cents > 0)
            {
                opened.Year.CarryOvers.Add(new Domain.Agreements.CarryOver { BudgetLineId = lineId, AmountCents = cents });
            }
            else if (existing is not null && cents == 0)
            {
                db.CarryOvers.Remove(existing);
            }
            else if (existing is not null)
            {
                existing.AmountCents = cents;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        TempData[Flash.Key] = localizer["Atlikuma pārcelšana saglabāta."].Value;
        return Redirect(Url.Action(nameof(Workspace), new { id, number }) + "#carry-over");
    }

    private async Task<IActionResult> EvaluationConflictAsync(OpenedYear opened, EvaluationForm yours, CancellationToken cancellationToken)
    {
        var conflict = await ConcurrencyConflict.DescribeAsync(db, nameof(ImplementationYear), opened.Year.Id,
            [
                new ConflictField(localizer["Rezultātu apraksts un novērtējums"], opened.Year.EvaluationText ?? "", FormText.Clean(yours.Text) ?? ""),
                new ConflictField(localizer["Faktiskie izdevumi kopā, kā norādīts pārskatā"],
                    opened.Year.ReportedActualTotalCents is { } saved ? Formatting.Display.Money(saved) : "",
                    MoneyField.AsTyped(yours.ReportedTotal)),
            ],
            deleted: false, cancellationToken);
        yours.Version = opened.Year.Version;
        ModelState.Remove($"{FormPrefix}.{nameof(EvaluationForm.Version)}");
        return this.ViewWithStatus(nameof(Evaluation), new EvaluationPage(opened, yours, conflict), StatusCodes.Status409Conflict);
    }
}
