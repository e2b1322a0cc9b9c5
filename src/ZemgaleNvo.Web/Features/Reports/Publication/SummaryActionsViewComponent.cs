using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ZemgaleNvo.Domain.Reviews;
using ZemgaleNvo.Web.Authorization;

namespace ZemgaleNvo.Web.Features.Reports.Publication;

/// <summary>What the summary page offers beside the report: the auditor's dossier and the publication, each only to whoever may use it.</summary>
/// <param name="Published">The publication in force, when the summary is public.</param>
public sealed record SummaryActions(int AgreementId, bool MayDownloadDossier, bool MayPublish, bool IsApproved, PublishedSummary? Published);

/// <summary>
/// The summary page's panel for the dossier and the publication. Outside the page's cached report
/// body: it depends on who is looking (the same authorization questions as the endpoints ask) and
/// on the publication state.
/// </summary>
public sealed class SummaryActionsViewComponent(IAuthorizationService authorization, PublishedSummaries published) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(ReportAgreement agreement)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        var resource = new AgreementResource(agreement.Id, agreement.PerformerId);
        var user = UserClaimsPrincipal;
        var actions = new SummaryActions(
            agreement.Id,
            (await authorization.AuthorizeAsync(user, resource, AgreementOperations.ReadAudit)).Succeeded,
            (await authorization.AuthorizeAsync(user, resource, AgreementOperations.Review)).Succeeded,
            agreement.SummaryStatus == ReviewStatus.Approved,
            await published.FindAsync(agreement.Id, HttpContext.RequestAborted));
        return View("~/Features/Reports/Publication/_SummaryActions.cshtml", actions);
    }
}
