using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Budget;
using ZemgaleNvo.Domain.Checks;
using ZemgaleNvo.Infrastructure.Data;

namespace ZemgaleNvo.Web.Features.Reports;

/// <summary>
/// Loads an agreement with everything a report shows and computes the report model from it, or
/// takes it from <see cref="SummaryReportCache"/> when the agreement's data stamp is unchanged since it was computed.
/// </summary>
public sealed class SummaryReportQuery(AppDbContext db, SummaryReportCache cache)
{
    /// <returns>Null when there is no such agreement or the user's organisation filter hides it.</returns>
    public async Task<SummaryReport?> RunAsync(int agreementId, CancellationToken cancellationToken) =>
        (await RunWithStampAsync(agreementId, cancellationToken)).Report;

    /// <summary>The report and the data stamp it is at least as new as (what an approved report's ETag is made of).</summary>
    /// <returns>A null report when there is no such agreement or the user's organisation filter hides it.</returns>
    public async Task<(SummaryReport? Report, long Stamp)> RunWithStampAsync(int agreementId, CancellationToken cancellationToken)
    {
        // Asked under the user's organisation filter every time: the cache never widens access.
        if (await SummaryReportCache.DataStampAsync(db.Agreements, agreementId, cancellationToken) is not { } stamp)
        {
            return (null, 0);
        }
        if (cache.TryGet(agreementId, stamp) is { } cached)
        {
            return (cached, stamp);
        }

        var agreement = await db.Agreements
            .AsNoTracking()
            .WithReportingGraph()
            .SingleOrDefaultAsync(a => a.Id == agreementId, cancellationToken);
        if (agreement is null)
        {
            return (null, 0);
        }
        var regions = await db.Regions.AsNoTracking().ToListAsync(cancellationToken);
        var report = SummaryReportBuilder.Build(agreement, regions);
        cache.Store(agreementId, stamp, report);
        return (report, stamp);
    }
}

/// <summary>Turns a loaded agreement into the report model: pure, so benchmarks and tests can call it without a database.</summary>
public static class SummaryReportBuilder
{
    public static SummaryReport Build(DelegationAgreement agreement, IReadOnlyList<Domain.Organisations.Region> regions)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        var lines = agreement.BudgetLines
            .OrderBy(l => l.Ordinal)
            .Select(l => new ReportLine(l.Id, l.Ordinal, l.Name, l.ResultsHeading))
            .ToList();
        var lineById = lines.ToDictionary(l => l.Id);
        var budget = AgreementBudget.Compute(agreement);

        var years = agreement.Years
            .OrderBy(y => y.Number)
            .Select(year => BuildYear(year, lines, lineById, budget.Years.First(b => b.YearNumber == year.Number)))
            .ToList();

        var lineTotals = budget.LineTotals
            .Select(t => new ReportLineTotal(lineById[t.BudgetLineId], t.PlannedCents, t.ActualCents, t.CarriedOutCents))
            .ToList();

        var nonCompliance = agreement.Years
            .OrderBy(y => y.Number)
            .SelectMany(y => y.NonCompliantExpenditures.Select(n =>
                new ReportNonCompliance(y.Number, lineById[n.BudgetLineId], n.AmountCents, n.Reason, n.RecoveredCents, n.RecoveredOn)
                {
                    DecisionReference = n.DecisionReference,
                    DecidedOn = n.DecidedOn,
                    Recoveries = n.Recoveries.OrderBy(r => r.Date).ThenBy(r => r.Id).Select(r => new ReportRecovery(r.Date, r.AmountCents, r.Reference)).ToList(),
                }))
            .ToList();

        var finalRemaining = budget.Years.Count == 0 ? 0 : budget.Years[^1].RemainingCents;
        return new SummaryReport(
            new ReportAgreement(
                agreement.Id,
                agreement.PerformerId,
                agreement.Type,
                agreement.Number,
                agreement.SignedOn,
                agreement.DelegatingAuthority,
                agreement.Title,
                agreement.TaskText,
                agreement.Region!.Name,
                agreement.Region.Code,
                agreement.Performer!.Name,
                agreement.PeriodStart,
                agreement.PeriodEnd,
                agreement.SummaryStatus,
                string.IsNullOrWhiteSpace(agreement.OtherInformation) ? null : agreement.OtherInformation),
            years,
            lines,
            lineTotals,
            new ReportTotals(budget.PlannedCents, budget.ActualCents, budget.CarriedOverCents, finalRemaining),
            nonCompliance,
            ConsistencyChecker.Check(agreement, regions))
        {
            Returns = budget.Returns.Select(r => new ReportLineReturn(lineById[r.BudgetLineId], r.UnspentToReturnCents, r.OverspentCents)).ToList(),
            Explanations = agreement.Years
                .OrderBy(y => y.Number)
                .SelectMany(y => y.FindingExplanations
                    .OrderBy(e => e.Id)
                    .Select(e => new ReportExplanation(e.Key(y.Number), e.Text, e.WrittenByName, e.WrittenAtUtc, e.AcceptedByName, e.AcceptedAtUtc, e.MoreRequestedAtUtc)))
                .ToList(),
            Indicators = ReportIndicatorYear.From(agreement),
        };
    }

    private static ReportYear BuildYear(ImplementationYear year, IReadOnlyList<ReportLine> lines, Dictionary<int, ReportLine> lineById, YearBalance balance)
    {
        var strands = lines
            .Select(line => new ReportStrand(line, year.Activities
                .Where(a => a.BudgetLineId == line.Id)
                .OrderBy(a => a.Ordinal)
                .Select(a => new ReportResult(a.Id, a.Ordinal, a.Text,
                    a.Indicators.OrderBy(i => i.Id).Select(i => new ReportIndicator(i.Count, i.Unit, i.Qualifier)).ToList(),
                    a.StartDate, a.EndDate, a.Place))
                .ToList()))
            .ToList();

        var lineBudgets = balance.Lines
            .Select(b => new ReportLineBudget(lineById[b.BudgetLineId], b.PlannedCents, b.CarriedInCents, b.ReallocatedInCents,
                b.ReallocatedOutCents, b.AvailableCents, b.ActualCents, b.RemainingCents, b.CarriedOutCents, b.ExecutionPercent))
            .ToList();

        var spending = year.SpendingEntries
            .OrderBy(s => s.Date).ThenBy(s => s.Id)
            .Select(s => new ReportSpending(lineById[s.BudgetLineId], s.Date, s.Description, s.Supplier, s.DocumentNumber, s.AmountCents))
            .ToList();

        var reallocations = year.Reallocations
            .OrderBy(r => r.Id)
            .Select(r => new ReportReallocation(lineById[r.FromBudgetLineId], lineById[r.ToBudgetLineId], r.AmountCents, r.Reason, r.Reference))
            .ToList();

        return new ReportYear(year.Id, year.Number, year.StartDate, year.EndDate, year.Status, year.EvaluationText,
            year.ReportedActualTotalCents, strands, lineBudgets, spending, reallocations);
    }
}
