using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Budget;
using ZemgaleNvo.Domain.Reviews;
using ZemgaleNvo.Infrastructure.Data;

namespace ZemgaleNvo.Web.Features.Agreements;

public sealed record AgreementDetails(
    int Id,
    int PerformerId,
    string Title,
    string TaskText,
    AgreementType Type,
    string? Number,
    DateOnly? SignedOn,
    string? DelegatingAuthority,
    string Region,
    string Performer,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    ReviewStatus SummaryStatus,
    IReadOnlyList<BudgetLineRow> Lines,
    IReadOnlyList<YearRow> Years,
    long PlannedCents,
    long ActualCents,
    long CarriedOverCents);

public sealed record BudgetLineRow(int Id, int Ordinal, string Name, long PlannedCents, long ActualCents, long CarriedOutCents);

public sealed record YearRow(
    int Id,
    int Number,
    DateOnly Start,
    DateOnly End,
    ReviewStatus Status,
    int ResultCount,
    YearBalance? Balance);

/// <summary>One agreement with its years and reconciled budget, for the agreement page.</summary>
public sealed class AgreementDetailsQuery(AppDbContext db)
{
    /// <returns>Null when there is no such agreement or the user's organisation filter hides it.</returns>
    public async Task<AgreementDetails?> RunAsync(int id, CancellationToken cancellationToken)
    {
        var agreement = await db.Agreements
            .AsNoTracking()
            .WithReportingGraph()
            .SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (agreement is null)
        {
            return null;
        }

        var budget = AgreementBudget.Compute(agreement);
        var lineTotals = budget.LineTotals.ToDictionary(t => t.BudgetLineId);
        return new AgreementDetails(
            agreement.Id,
            agreement.PerformerId,
            agreement.Title,
            agreement.TaskText,
            agreement.Type,
            agreement.Number,
            agreement.SignedOn,
            agreement.DelegatingAuthority,
            agreement.Region!.Name,
            agreement.Performer!.Name,
            agreement.PeriodStart,
            agreement.PeriodEnd,
            agreement.SummaryStatus,
            budget.Lines
                .Select(l => new BudgetLineRow(l.Id, l.Ordinal, l.Name, lineTotals[l.Id].PlannedCents, lineTotals[l.Id].ActualCents, lineTotals[l.Id].CarriedOutCents))
                .ToList(),
            agreement.Years
                .OrderBy(y => y.Number)
                .Select(y => new YearRow(y.Id, y.Number, y.StartDate, y.EndDate, y.Status,
                    y.Activities.Count, budget.Years.FirstOrDefault(b => b.YearNumber == y.Number)))
                .ToList(),
            budget.PlannedCents,
            budget.ActualCents,
            budget.CarriedOverCents);
    }
}
