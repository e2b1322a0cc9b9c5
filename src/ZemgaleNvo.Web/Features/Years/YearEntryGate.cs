using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Budget;
using ZemgaleNvo.Domain.Reviews;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Web.Authorization;
using ZemgaleNvo.Web.Forms;

namespace ZemgaleNvo.Web.Features.Years;

/// <summary>An implementation year opened for a request, with its agreement and budget lines.</summary>
public sealed record OpenedYear(DelegationAgreement Agreement, ImplementationYear Year)
{
    public IReadOnlyList<BudgetLine> Lines => Agreement.BudgetLines.OrderBy(l => l.Ordinal).ToList();

    public bool IsLastYear => Agreement.Years.Max(y => y.Number) == Year.Number;

    /// <summary>The year's reconciled budget; needs the reporting graph loaded (<c>graph: true</c>).</summary>
    public YearBalance Balance() => AgreementBudget.Compute(Agreement).Years.Single(y => y.YearNumber == Year.Number);

    /// <summary>The line a new entry starts on: the one asked for when it is this agreement's, else the first.</summary>
    public int DefaultLineId(int? requested)
    {
        var lines = Lines;
        return Line(requested ?? 0)?.Id ?? (lines.Count > 0 ? lines[0].Id : 0);
    }

    public BudgetLine? Line(int budgetLineId) => Agreement.BudgetLines.FirstOrDefault(l => l.Id == budgetLineId);
}

/// <summary>Either the opened year or the response that refuses the request.</summary>
public sealed record YearGateResult(OpenedYear? Opened, IActionResult? Refusal)
{
    public static YearGateResult Refuse(IActionResult refusal) => new(null, refusal);
}

/// <summary>
/// Every data-entry action starts here: find the year under the user's organisation filter (another
/// organisation's ids are simply not found), ask the authorization handler whether the user may do
/// this to the agreement (a reviewer may look but not edit), and for changes check that the year is
/// still open for the performer (a submitted or approved year is read-only).
/// </summary>
public sealed class YearEntryGate(AppDbContext db, IAuthorizationService authorization)
{
    /// <param name="graph">Loads the whole reporting graph (for the arithmetic and checks), not just the year.</param>
    public async Task<YearGateResult> OpenAsync(
        Controller controller, int agreementId, int yearNumber, OperationAuthorizationRequirement operation,
        bool graph, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(controller);
        var agreements = graph ? db.Agreements.WithReportingGraph() : db.Agreements.Include(a => a.BudgetLines).Include(a => a.Years);
        var agreement = await agreements.SingleOrDefaultAsync(a => a.Id == agreementId, cancellationToken);
        var year = agreement?.Years.SingleOrDefault(y => y.Number == yearNumber);
        if (agreement is null || year is null)
        {
            return YearGateResult.Refuse(controller.NotFound());
        }
        var access = await authorization.AuthorizeAsync(controller.User, new AgreementResource(agreement.Id, agreement.PerformerId), operation);
        if (!access.Succeeded)
        {
            return YearGateResult.Refuse(controller.Forbid());
        }
        // Entering data and submitting need a year still in the performer's hands; reviewing steps check their own status.
        if ((operation == AgreementOperations.Edit || operation == AgreementOperations.Submit) && !YearWorkflow.IsOpenForPerformer(year.Status))
        {
            return YearGateResult.Refuse(controller.ViewWithStatus("~/Features/Years/Locked.cshtml", new OpenedYear(agreement, year), StatusCodes.Status409Conflict));
        }
        return new YearGateResult(new OpenedYear(agreement, year), null);
    }
}
