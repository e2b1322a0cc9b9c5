using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Domain.Reviews;
using ZemgaleNvo.Infrastructure.Data;

namespace ZemgaleNvo.Web.Features.Admin.Agreements;

/// <summary>
/// What history already hangs on an agreement's years and budget lines, so the admin screens refuse
/// changes that would cut it off. Deleted (undoable) results and expenses count: they can be restored.
/// </summary>
public sealed class AgreementUsage(AppDbContext db)
{
    /// <summary>Numbers of the years that carry any reporting, review step or comment.</summary>
    public async Task<IReadOnlyList<int>> YearsWithDataAsync(int agreementId, CancellationToken cancellationToken)
    {
        var years = db.ImplementationYears.IgnoreQueryFilters().Where(y => y.AgreementId == agreementId);
        var reported = await years
            .Where(y => y.Status != ReviewStatus.Draft
                || y.EvaluationText != null
                || y.ReportedActualTotalCents != null
                || db.Activities.IgnoreQueryFilters().Any(a => a.ImplementationYearId == y.Id)
                || db.SpendingEntries.IgnoreQueryFilters().Any(s => s.ImplementationYearId == y.Id)
                || db.SpendingTotals.IgnoreQueryFilters().Any(s => s.ImplementationYearId == y.Id)
                || db.Reallocations.IgnoreQueryFilters().Any(r => r.ImplementationYearId == y.Id)
                || db.CarryOvers.IgnoreQueryFilters().Any(c => c.ImplementationYearId == y.Id)
                || db.NonCompliantExpenditures.IgnoreQueryFilters().Any(n => n.ImplementationYearId == y.Id)
                || db.ReviewNotes.IgnoreQueryFilters().Any(n => n.AgreementId == agreementId && n.YearNumber == y.Number)
                || db.FrozenReports.IgnoreQueryFilters().Any(f => f.AgreementId == agreementId && f.YearNumber == y.Number))
            .Select(y => y.Number)
            .OrderBy(n => n)
            .ToListAsync(cancellationToken);
        return reported;
    }

    /// <summary>How many records of the year pages use a budget line (results, spending, reallocations, carry-overs, non-compliance).</summary>
    public async Task<int> LineUsesAsync(int lineId, CancellationToken cancellationToken) =>
        await db.Activities.IgnoreQueryFilters().CountAsync(a => a.BudgetLineId == lineId, cancellationToken)
        + await db.SpendingEntries.IgnoreQueryFilters().CountAsync(s => s.BudgetLineId == lineId, cancellationToken)
        + await db.SpendingTotals.IgnoreQueryFilters().CountAsync(s => s.BudgetLineId == lineId, cancellationToken)
        + await db.Reallocations.IgnoreQueryFilters().CountAsync(r => r.FromBudgetLineId == lineId || r.ToBudgetLineId == lineId, cancellationToken)
        + await db.CarryOvers.IgnoreQueryFilters().CountAsync(c => c.BudgetLineId == lineId, cancellationToken)
        + await db.NonCompliantExpenditures.IgnoreQueryFilters().CountAsync(n => n.BudgetLineId == lineId, cancellationToken);
}
