using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ZemgaleNvo.Domain.Reviews;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Web.Features.Years;
using ZemgaleNvo.Web.Forms;
using ZemgaleNvo.Web.Gates;
using ZemgaleNvo.Web.Resources;

namespace ZemgaleNvo.Web.Features.Review;

/// <summary>
/// The review of an implementation year: comments, returning with a reason, approving (which
/// freezes the year and its report), and an admin's reopening. Every step is a POST checked by
/// the authorization handler (who) and the workflow (from which status).
/// </summary>
[Authorize]
[Route("agreements/{id:int}/years/{number:int}")]
public sealed class ReviewController(
    AppDbContext db, YearWorkspaceQuery workspace, ReportFreezer freezer, WorkflowNotices notices,
    IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpPost("comments")]
    [OpensYear(AgreementOperation.Comment, Graph = true)]
    public async Task<IActionResult> Comment(int id, int number, [FromForm(Name = "Comment")] ReviewDraft draft, OpenedYear opened, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        int? activityId = null, spendingEntryId = null;
        if (!string.IsNullOrEmpty(draft.Target))
        {
            var parts = draft.Target.Split(':');
            var known = parts.Length == 2 && int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var targetId) && parts[0] switch
            {
                "result" => opened.Year.Activities.Exists(a => a.Id == (activityId = targetId)),
                "spending" => opened.Year.SpendingEntries.Exists(e => e.Id == (spendingEntryId = targetId)),
                _ => false,
            };
            if (!known)
            {
                ModelState.AddModelError("Comment.Target", localizer["Izvēlieties šī gada rezultātu vai izdevumu."]);
            }
        }
        if (string.IsNullOrWhiteSpace(draft.Text))
        {
            ModelState.AddModelError("Comment.Text", localizer["Ierakstiet komentāru."]);
        }
        if (!ModelState.IsValid)
        {
            return await WorkspaceAgainAsync(opened, draft, null, cancellationToken);
        }
        db.ReviewNotes.Add(ReviewHistory.Note(User, id, number, ReviewNoteKind.Comment, draft.Text, activityId, spendingEntryId));
        await db.SaveChangesAsync(cancellationToken);
        TempData[Flash.Key] = localizer["Komentārs pievienots."].Value;
        return Redirect(Url.Action("Workspace", "Years", new { id, number }) + "#review");
    }

    [HttpPost("return")]
    [OpensYear(AgreementOperation.Review, Graph = true)]
    public Task<IActionResult> Return(int id, int number, [FromForm(Name = "Decision")] ReviewDraft draft, OpenedYear opened, CancellationToken cancellationToken) =>
        StepAsync(id, number, ReviewTransition.Return, opened, draft, cancellationToken);

    [HttpPost("approve")]
    [OpensYear(AgreementOperation.Review, Graph = true)]
    public async Task<IActionResult> Approve(int id, int number, OpenedYear opened, [FromForm] bool confirmed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(opened);
        // Deviations the reviewer has not accepted: approving anyway is allowed, but asked twice.
        var page = await workspace.BuildAsync(User, opened, null, null, cancellationToken);
        if (!confirmed && opened.Year.Status == ReviewStatus.Submitted && page.Explanations?.Unaccepted.Count > 0)
        {
            return this.ViewWithStatus("~/Features/Years/Workspace.cshtml", page with { ApprovalToConfirm = true }, StatusCodes.Status200OK);
        }
        return await StepAsync(id, number, ReviewTransition.Approve, opened, new ReviewDraft(), cancellationToken);
    }

    [HttpPost("reopen")]
    [OpensYear(AgreementOperation.Reopen, Graph = true)]
    public Task<IActionResult> Reopen(int id, int number, [FromForm(Name = "Decision")] ReviewDraft draft, OpenedYear opened, CancellationToken cancellationToken) =>
        StepAsync(id, number, ReviewTransition.Reopen, opened, draft, cancellationToken);

    private async Task<IActionResult> StepAsync(int id, int number, ReviewTransition transition, OpenedYear opened, ReviewDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (YearWorkflow.Target(transition, opened.Year.Status) is null)
        {
            ModelState.AddModelError("", localizer["Šo soli nevar spert: gada statuss ir „{0}”.", Formatting.Display.Status(opened.Year.Status)]);
            return await WorkspaceAgainAsync(opened, null, draft, cancellationToken, StatusCodes.Status409Conflict);
        }
        if (YearWorkflow.RequiresReason(transition) && string.IsNullOrWhiteSpace(draft.Text))
        {
            ModelState.AddModelError("Decision.Text", localizer["Ierakstiet iemeslu: to redzēs biedrības darbinieki."]);
        }
        if (!ModelState.IsValid)
        {
            return await WorkspaceAgainAsync(opened, null, draft, cancellationToken);
        }

        var named = transition == ReviewTransition.Return ? await NamedDeviationsAsync(opened, draft, cancellationToken) : [];
        YearWorkflow.Apply(opened.Year, transition);
        var note = ReviewHistory.Note(User, id, number, transition switch
        {
            ReviewTransition.Return => ReviewNoteKind.Returned,
            ReviewTransition.Approve => ReviewNoteKind.Approved,
            _ => ReviewNoteKind.Reopened,
        }, draft.Text);
        if (named.Count > 0)
        {
            // The named findings go into the reason itself, so the history and the e-mail say them too.
            // Stored once for every reader, so in the report's language, Latvian.
            note.Text += "\nLūgts papildināt paskaidrojumus:\n" + string.Join("\n", named.Select(d => "– " + d.Finding.MessageLv));
            foreach (var deviation in named)
            {
                deviation.Explanation?.RequestMore(note.AtUtc);
            }
        }
        db.ReviewNotes.Add(note);
        if (transition == ReviewTransition.Approve)
        {
            await freezer.FreezeAsync(opened.Agreement, number, note.AuthorUserId, note.AuthorName, note.AtUtc, cancellationToken);
        }
        // Queued in the same save as the step: both are committed, or neither.
        await notices.BeforeSaveAsync(id, number, transition, note.Text, note.AuthorName, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Somebody else took a step on this year at the same moment: show the year as it is now.
            TempData[Flash.Key] = localizer["Kamēr jūs lēmāt, gada statuss mainījās. Pārskatiet un mēģiniet vēlreiz."].Value;
            return RedirectToAction("Workspace", "Years", new { id, number });
        }
        await notices.AfterSaveAsync();
        TempData[Flash.Key] = transition switch
        {
            ReviewTransition.Return => localizer["Gads atgriezts biedrībai labošanai."].Value,
            ReviewTransition.Approve => localizer["Gads apstiprināts. Pārskats iesaldēts."].Value,
            _ => localizer["Gads atvērts no jauna labošanai."].Value,
        };
        return RedirectToAction("Workspace", "Years", new { id, number });
    }

    /// <summary>The year's current deviations that the return form names; unknown names are ignored.</summary>
    private async Task<List<Explanations.ExplainedFinding>> NamedDeviationsAsync(OpenedYear opened, ReviewDraft draft, CancellationToken cancellationToken)
    {
        if (draft.Findings.Count == 0)
        {
            return [];
        }
        var regions = await db.Regions.AsNoTracking().ToListAsync(cancellationToken);
        var deviations = Explanations.ExplanationsPanel.DeviationsOf(opened.Year, Domain.Checks.ConsistencyChecker.Check(opened.Agreement, regions));
        return deviations.Where(d => draft.Findings.Contains(d.Key.FormValue)).ToList();
    }

    private async Task<IActionResult> WorkspaceAgainAsync(OpenedYear opened, ReviewDraft? comment, ReviewDraft? decision, CancellationToken cancellationToken, int status = StatusCodes.Status422UnprocessableEntity)
    {
        var page = await workspace.BuildAsync(User, opened, comment, decision, cancellationToken);
        return this.ViewWithStatus("~/Features/Years/Workspace.cshtml", page, status);
    }
}
