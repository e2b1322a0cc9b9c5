using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Reviews;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Web.Authorization;
using ZemgaleNvo.Web.Forms;
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
    AppDbContext db, IAuthorizationService authorization, ReviewPanelQuery panels, ReportFreezer freezer, WorkflowNotices notices,
    IStringLocalizer<SharedResource> localizer) : Controller
{
    // The controller shares the Review feature folder, so its view is named by path.
    private const string ViewPath = "~/Features/Review/Review.cshtml";

    [HttpGet("review")]
    public async Task<IActionResult> Review(int id, CancellationToken cancellationToken)
    {
        var (agreement, refusal) = await OpenAsync(id, AgreementOperations.View, cancellationToken);
        return refusal ?? View(ViewPath, await PageAsync(agreement!, null, null, cancellationToken));
    }

    [HttpPost("comments")]
    public async Task<IActionResult> Comment(int id, [FromForm(Name = "Comment")] ReviewDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var (agreement, refusal) = await OpenAsync(id, AgreementOperations.Comment, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        if (string.IsNullOrWhiteSpace(draft.Text))
        {
            ModelState.AddModelError("Comment.Text", localizer["Ierakstiet komentāru."]);
        }
        if (!ModelState.IsValid)
        {
            return await AgainAsync(agreement!, draft, null, StatusCodes.Status422UnprocessableEntity, cancellationToken);
        }
        db.ReviewNotes.Add(ReviewHistory.Note(User, id, null, ReviewNoteKind.Comment, draft.Text));
        await db.SaveChangesAsync(cancellationToken);
        TempData[Flash.Key] = localizer["Komentārs pievienots."].Value;
        return RedirectToAction(nameof(Review), new { id });
    }

    [HttpPost("submit")]
    public Task<IActionResult> Submit(int id, CancellationToken cancellationToken) =>
        StepAsync(id, ReviewTransition.Submit, AgreementOperations.Submit, new ReviewDraft(), cancellationToken);

    [HttpPost("return")]
    public Task<IActionResult> Return(int id, [FromForm(Name = "Decision")] ReviewDraft draft, CancellationToken cancellationToken) =>
        StepAsync(id, ReviewTransition.Return, AgreementOperations.Review, draft, cancellationToken);

    [HttpPost("approve")]
    public Task<IActionResult> Approve(int id, CancellationToken cancellationToken) =>
        StepAsync(id, ReviewTransition.Approve, AgreementOperations.Review, new ReviewDraft(), cancellationToken);

    [HttpPost("reopen")]
    public Task<IActionResult> Reopen(int id, [FromForm(Name = "Decision")] ReviewDraft draft, CancellationToken cancellationToken) =>
        StepAsync(id, ReviewTransition.Reopen, AgreementOperations.Reopen, draft, cancellationToken);

    private async Task<IActionResult> StepAsync(int id, ReviewTransition transition, OperationAuthorizationRequirement operation, ReviewDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var (agreement, refusal) = await OpenAsync(id, operation, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var allowed = YearWorkflow.Target(transition, agreement!.SummaryStatus) is not null
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
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData[Flash.Key] = localizer["Kamēr jūs lēmāt, kopsavilkuma statuss mainījās. Pārskatiet un mēģiniet vēlreiz."].Value;
            return RedirectToAction(nameof(Review), new { id });
        }
        await notices.AfterAsync(id, null, transition, note.Text, note.AuthorName);
        TempData[Flash.Key] = localizer["Kopsavilkuma statuss: {0}.", Formatting.Display.Status(agreement.SummaryStatus)].Value;
        return RedirectToAction(nameof(Review), new { id });
    }

    private async Task<(DelegationAgreement? Agreement, IActionResult? Refusal)> OpenAsync(int id, OperationAuthorizationRequirement operation, CancellationToken cancellationToken)
    {
        var agreement = await db.Agreements.WithReportingGraph().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (agreement is null)
        {
            return (null, NotFound());
        }
        var access = await authorization.AuthorizeAsync(User, new AgreementResource(agreement.Id, agreement.PerformerId), operation);
        return access.Succeeded ? (agreement, null) : (null, Forbid());
    }

    private async Task<SummaryReviewPage> PageAsync(DelegationAgreement agreement, ReviewDraft? comment, ReviewDraft? decision, CancellationToken cancellationToken) =>
        new(agreement, await panels.BuildAsync(User, agreement, null, comment, decision, cancellationToken));

    private async Task<IActionResult> AgainAsync(DelegationAgreement agreement, ReviewDraft? comment, ReviewDraft? decision, int status, CancellationToken cancellationToken)
    {
        return this.ViewWithStatus(ViewPath, await PageAsync(agreement, comment, decision, cancellationToken), status);
    }
}
