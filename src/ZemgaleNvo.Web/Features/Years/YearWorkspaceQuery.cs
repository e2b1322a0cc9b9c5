using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Domain.Checks;
using ZemgaleNvo.Domain.Entry;
using ZemgaleNvo.Domain.Reviews;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Web.Authorization;
using ZemgaleNvo.Web.Features.Review;

namespace ZemgaleNvo.Web.Features.Years;

/// <summary>Builds the year page: figures, checklist, entries, deleted records and the review panel.</summary>
public sealed class YearWorkspaceQuery(AppDbContext db, IAuthorizationService authorization, ReviewPanelQuery review)
{
    public async Task<WorkspacePage> BuildAsync(ClaimsPrincipal user, OpenedYear opened, ReviewDraft? comment, ReviewDraft? decision, CancellationToken cancellationToken,
        Explanations.ExplanationDraft? explanation = null)
    {
        ArgumentNullException.ThrowIfNull(opened);

        var regions = await db.Regions.AsNoTracking().ToListAsync(cancellationToken);
        var findings = ConsistencyChecker.Check(opened.Agreement, regions);
        var (balance, isLast) = (opened.Balance(), opened.IsLastYear);
        var canEdit = YearWorkflow.IsOpenForPerformer(opened.Year.Status)
            && (await authorization.AuthorizeAsync(user, new AgreementResource(opened.Agreement.Id, opened.Agreement.PerformerId), AgreementOperations.Edit)).Succeeded;
        var deletedResults = await db.Activities.IgnoreQueryFilters([AppDbContext.SoftDeleteFilter]).AsNoTracking()
            .Where(a => a.ImplementationYearId == opened.Year.Id && a.DeletedAtUtc != null)
            .OrderByDescending(a => a.DeletedAtUtc).ToListAsync(cancellationToken);
        var deletedSpending = await db.SpendingEntries.IgnoreQueryFilters([AppDbContext.SoftDeleteFilter]).AsNoTracking()
            .Where(s => s.ImplementationYearId == opened.Year.Id && s.DeletedAtUtc != null)
            .OrderByDescending(s => s.DeletedAtUtc).ToListAsync(cancellationToken);
        var panel = await review.BuildAsync(user, opened.Agreement, opened.Year, comment, decision, cancellationToken);
        var canAccept = opened.Year.Status == ReviewStatus.Submitted
            && (await authorization.AuthorizeAsync(user, new AgreementResource(opened.Agreement.Id, opened.Agreement.PerformerId), AgreementOperations.Review)).Succeeded;
        return new WorkspacePage(opened, balance, YearChecklist.For(opened.Agreement, opened.Year.Number, findings), canEdit, isLast, deletedResults, deletedSpending, panel)
        {
            Explanations = Explanations.ExplanationsPanel.For(opened.Agreement, opened.Year, findings, canEdit, canAccept, explanation),
            CarryOverForm = canEdit && !isLast ? CarryOverForm.Start(opened, balance) : null,
        };
    }
}
