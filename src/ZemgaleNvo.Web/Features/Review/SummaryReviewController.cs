using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Reviews;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Web.Forms;
using ZemgaleNvo.Web.Gates;
using ZemgaleNvo.Web.Resources;

namespace ZemgaleNvo.Web.Features.Review;

public sealed record SummaryReviewPage(DelegationAgreement Agreement, ReviewPanel Panel);

/// <summary>
/// The review of the whole-period summary (Kopsavilkums): the performer submits it once every year
/// is approved, a reviewer returns or approves it (approval freezes the summary PDF), an admin may
/// reopen it. Comments as for a year.
/// </summary>
[Authorize]
[Route("agreements/{id:int}/summary")]
public sealed class SummaryReviewController(
    AppDbContext db, ReviewPanelQuery panels, ReportFreezer freezer, WorkflowNotices notices,
    IStringLocalizer<SharedResource> localizer) : Controller
{
    // The controller shares the Review feature folder, so its view is named by path.
    private const string ViewPath = "~/Features/Review/Review.cshtml";

    [HttpGet("review")]
    [OpensAgreement(AgreementOperation.View)]
    public async Task<IActionResult> Review(OpenedAgreement opened, CancellationToken cancellationToken) =>
        View(ViewPath, await PageAsync(opened.Agreement, null, null, cancellationToken));

    [HttpPost("comments")]
    [OpensAgreement(AgreementOperation.Comment)]
    public async Task<IActionResult> Comment(int id, [FromForm(Name = "Comment")] ReviewDraft draft, OpenedAgreement opened, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(opened);
        if (string.IsNullOrWhiteSpace(draft.Text))
        {
            ModelState.AddModelError("Comment.Text", localizer["Ierakstiet komentāru."]);
        }
        if (!ModelState.IsValid)
        {
            return await AgainAsync(opened.Agreement, draft, null, StatusCodes.Status422UnprocessableEntity, cancellationToken);
        }
        db.ReviewNotes.Add(ReviewHistory.Note(User, id, null, ReviewNoteKind.Comment, draft.Text));
        await db.SaveChangesAsync(cancellationToken);
        TempData[Flash.Key] = localizer["Komentārs pievienots."].Value;
        return RedirectToAction(nameof(Review), new { id });
    }

    [HttpPost("submit")]
    [OpensAgreement(AgreementOperation.Submit)]
    public Task<IActionResult> Submit(int id, OpenedAgreement opened, CancellationToken cancellationToken) =>
        StepAsync(id, ReviewTransition.Submit, opened, new ReviewDraft(), cancellationToken);

    [HttpPost("return")]
    [OpensAgreement(AgreementOperation.Review)]
    public Task<IActionResult> Return(int id, [FromForm(Name = "Decision")] ReviewDraft draft, OpenedAgreement opened, CancellationToken cancellationToken) =>
        StepAsync(id, ReviewTransition.Return, opened, draft, cancellationToken);

    [HttpPost("approve")]
    [OpensAgreement(AgreementOperation.Review)]
    public Task<IActionResult> Approve(int id, OpenedAgreement opened, CancellationToken cancellationToken) =>
        StepAsync(id, ReviewTransition.Approve, opened, new ReviewDraft(), cancellationToken);

    [HttpPost("reopen")]
    [OpensAgreement(AgreementOperation.Reopen)]
    public Task<IActionResult> Reopen(int id, [FromForm(Name = "Decision")] ReviewDraft draft, OpenedAgreement opened, CancellationToken cancellationToken) =>
        StepAsync(id, ReviewTransition.Reopen, opened, draft, cancellationToken);

    private async Task<IActionResult> StepAsync(int id, ReviewTransition transition, OpenedAgreement opened, ReviewDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var agreement = opened.Agreement;
        var allowed = YearWorkflow.Target(transition, agreement.SummaryStatus) is not null
            && (transition is not (ReviewTransition.Submit or ReviewTransition.Approve) || YearWorkflow.AllYearsApproved(agreement));
        if (!allowed)
        {
            ModelState.AddModelError("", localizer["Šo soli nevar spert: kopsavilkuma statuss ir „{0}”, un to var iesniegt un apstiprināt tikai tad, kad visi gadi ir apstiprināti.", Formatting.Display.Status(agreement.SummaryStatus)]);
            return await AgainAsync(agreement, null, draft, StatusCodes.Status409Conflict, cancellationToken);
        }
        if (YearWorkflow.RequiresReason(transition) && string.IsNullOrWhiteSpace(draft.Text))
        {
            ModelState.AddModelError("Decision.Text", localizer["Ierakstiet iemeslu: to redzēs biedrības darbinieki."]);
            return await AgainAsync(agreement, null, draft, StatusCodes.Status422UnprocessableEntity, cancellationToken);
        }
        YearWorkflow.Apply(agreement, transition);
        var note = ReviewHistory.Note(User, id, null, transition switch
        {
            ReviewTransition.Submit => ReviewNoteKind.Submitted,
            ReviewTransition.Return => ReviewNoteKind.Returned,
            ReviewTransition.Approve => ReviewNoteKind.Approved,
            _ => ReviewNoteKind.Reopened,
        }, draft.Text);
        db.ReviewNotes.Add(note);
        if (transition == ReviewTransition.Approve)
        {
            await freezer.FreezeAsync(agreement, null, note.AuthorUserId, note.AuthorName, note.AtUtc, cancellationToken);
        }
        // Queued in the same save as the step: both are committed, or neither.
        await notices.BeforeSaveAsync(id, null, transition, note.Text, note.AuthorName, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData[Flash.Key] = localizer["Kamēr jūs lēmāt, kopsavilkuma statuss mainījās. Pārskatiet un mēģiniet vēlreiz."].Value;
            return RedirectToAction(nameof(Review), new { id });
        }
        await notices.AfterSaveAsync();
        TempData[Flash.Key] = localizer["Kopsavilkuma statuss: {0}.", Formatting.Display.Status(agreement.SummaryStatus)].Value;
        return RedirectToAction(nameof(Review), new { id });
    }

    private async Task<SummaryReviewPage> PageAsync(DelegationAgreement agreement, ReviewDraft? comment, ReviewDraft? decision, CancellationToken cancellationToken) =>
        new(agreement, await panels.BuildAsync(User, agreement, null, comment, decision, cancellationToken));

    private async Task<IActionResult> AgainAsync(DelegationAgreement agreement, ReviewDraft? comment, ReviewDraft? decision, int status, CancellationToken cancellationToken)
    {
        return this.ViewWithStatus(ViewPath, await PageAsync(agreement, comment, decision, cancellationToken), status);
    }
}
