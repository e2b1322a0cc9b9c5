using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Budget;
using ZemgaleNvo.Domain.Reviews;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Web.Authorization;

namespace ZemgaleNvo.Web.Features.Years;

/// <summary>
/// An implementation year opened for a request, with its agreement and budget lines. Actions take
/// it as a parameter; <see cref="Gates.OpensYearAttribute"/> on the action opens it before binding.
/// </summary>
[ModelBinder(typeof(Gates.GateBinder<OpenedYear>))]
public sealed record OpenedYear(DelegationAgreement Agreement, ImplementationYear Year)
{
    public IReadOnlyList<BudgetLine> Lines => Agreement.BudgetLines.OrderBy(l => l.Ordinal).ToList();

    public bool IsLastYear => Agreement.Years.Max(y => y.Number) == Year.Number;

    /// <summary>The year's reconciled budget; needs the reporting graph loaded (<c>Graph = true</c>).</summary>
    public YearBalance Balance() => AgreementBudget.Compute(Agreement).Years.Single(y => y.YearNumber == Year.Number);

    /// <summary>The line a new entry starts on: the one asked for when it is this agreement's, else the first.</summary>
    public int DefaultLineId(int? requested)
    {
        var lines = Lines;
        return Line(requested ?? 0)?.Id ?? (lines.Count > 0 ? lines[0].Id : 0);
    }

    public BudgetLine? Line(int budgetLineId) => Agreement.BudgetLines.FirstOrDefault(l => l.Id == budgetLineId);
}

/// <summary>Why the gate refused a request.</summary>
public enum YearRefusal
{
    /// <summary>No such agreement or year under the user's organisation filter: 404.</summary>
    NotFound,

    /// <summary>The authorization handler says no: 403 (through Forbid, so the authentication scheme decides the response).</summary>
    Forbidden,

    /// <summary>The year is no longer in the performer's hands: 409 with the Locked page.</summary>
    Locked,
}

/// <summary>The opened year, or why it was refused (a locked year is still opened, for the Locked page).</summary>
public sealed record YearGateResult(OpenedYear? Opened, YearRefusal? Refusal)
{
    private const string LockedView = "~/Features/Years/Locked.cshtml";

    /// <summary>The response that refuses the request; the model state is the one the page shows.</summary>
    public IActionResult Response(IModelMetadataProvider metadata, ModelStateDictionary modelState) => Refusal switch
    {
        YearRefusal.NotFound => new NotFoundResult(),
        YearRefusal.Forbidden => new ForbidResult(),
        YearRefusal.Locked => new ViewResult
        {
            ViewName = LockedView,
            ViewData = new ViewDataDictionary<OpenedYear>(metadata, modelState) { Model = Opened! },
            StatusCode = StatusCodes.Status409Conflict,
        },
        _ => throw new InvalidOperationException("The year was opened; there is nothing to refuse."),
    };
}

/// <summary>
/// Every data-entry and year-review action starts here: find the year under the user's organisation
/// filter (another organisation's ids are simply not found), ask the authorization handler whether
/// the user may do this to the agreement (a reviewer may look but not edit), and for changes check
/// that the year is still open for the performer (a submitted or approved year is read-only).
/// Actions declare it with <see cref="Gates.OpensYearAttribute"/>; a save that must look again after
/// a conflict calls it directly.
/// </summary>
public sealed class YearEntryGate(AppDbContext db, IAuthorizationService authorization)
{
    /// <param name="graph">Loads the whole reporting graph (for the arithmetic and checks), not just the year.</param>
    public async Task<YearGateResult> OpenAsync(
        ClaimsPrincipal user, int agreementId, int yearNumber, OperationAuthorizationRequirement operation,
        bool graph, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var agreements = graph ? db.Agreements.WithReportingGraph() : db.Agreements.Include(a => a.BudgetLines).Include(a => a.PerformanceIndicators).Include(a => a.Years).AsSplitQuery();
        if (operation == AgreementOperations.View)
        {
            // Looking changes nothing: the graph is not tracked (issue 18: a big agreement's graph
            // is some 12 000 records, and tracking them cost as much as reading them).
            agreements = agreements.AsNoTrackingWithIdentityResolution();
        }
        var agreement = await agreements.SingleOrDefaultAsync(a => a.Id == agreementId, cancellationToken);
        var year = agreement?.Years.SingleOrDefault(y => y.Number == yearNumber);
        if (agreement is null || year is null)
        {
            return new YearGateResult(null, YearRefusal.NotFound);
        }
        var access = await authorization.AuthorizeAsync(user, new AgreementResource(agreement.Id, agreement.PerformerId), operation);
        if (!access.Succeeded)
        {
            return new YearGateResult(null, YearRefusal.Forbidden);
        }
        var opened = new OpenedYear(agreement, year);
        // Entering data and submitting need a year still in the performer's hands; reviewing steps check their own status.
        if ((operation == AgreementOperations.Edit || operation == AgreementOperations.Submit) && !YearWorkflow.IsOpenForPerformer(year.Status))
        {
            return new YearGateResult(opened, YearRefusal.Locked);
        }
        return new YearGateResult(opened, null);
    }
}
