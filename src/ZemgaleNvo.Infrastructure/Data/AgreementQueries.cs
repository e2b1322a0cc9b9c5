using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Domain.Agreements;

namespace ZemgaleNvo.Infrastructure.Data;

/// <summary>Loading shapes of agreements shared by the pages, the reports and their tests.</summary>
public static class AgreementQueries
{
    /// <summary>
    /// An agreement with everything the budget arithmetic, the consistency checks and the reports
    /// read: region, performer, budget lines, and every year's plan, spending, reallocations,
    /// carry-overs, non-compliance, explanations of findings and results with indicators, and the
    /// agreement's performance indicators with their yearly targets. Split queries: one per collection
    /// instead of one huge cartesian join.
    /// </summary>
    public static IQueryable<DelegationAgreement> WithReportingGraph(this IQueryable<DelegationAgreement> agreements) =>
        agreements
            .AsSplitQuery()
            .Include(a => a.Region)
            .Include(a => a.Performer)
            .Include(a => a.BudgetLines)
            .Include(a => a.PerformanceIndicators).ThenInclude(i => i.Targets)
            .Include(a => a.Years).ThenInclude(y => y.PlannedAmounts)
            .Include(a => a.Years).ThenInclude(y => y.SpendingEntries)
            .Include(a => a.Years).ThenInclude(y => y.SpendingTotals)
            .Include(a => a.Years).ThenInclude(y => y.Reallocations)
            .Include(a => a.Years).ThenInclude(y => y.CarryOvers)
            .Include(a => a.Years).ThenInclude(y => y.NonCompliantExpenditures).ThenInclude(n => n.Recoveries)
            .Include(a => a.Years).ThenInclude(y => y.FindingExplanations)
            .Include(a => a.Years).ThenInclude(y => y.Activities).ThenInclude(a => a.Indicators);
}
