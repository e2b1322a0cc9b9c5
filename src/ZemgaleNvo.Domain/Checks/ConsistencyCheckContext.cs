using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Budget;
using ZemgaleNvo.Domain.Organisations;
using ZemgaleNvo.Domain.Reviews;

namespace ZemgaleNvo.Domain.Checks;

/// <summary>
/// What every rule needs, worked out once: the agreement, its region, its years in order and its
/// reconciled budget (the same arithmetic the summary shows, so a finding never disagrees with a page).
/// </summary>
public sealed class ConsistencyCheckContext
{
    private readonly Dictionary<int, BudgetLine> linesById;
    private readonly Dictionary<int, YearBalance> balancesByYear;

    public ConsistencyCheckContext(DelegationAgreement agreement, IReadOnlyList<Region> allRegions)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(allRegions);
        Agreement = agreement;
        AllRegions = allRegions;
        AgreementRegion = agreement.Region ?? allRegions.FirstOrDefault(r => r.Id == agreement.RegionId);
        Years = agreement.Years.OrderBy(y => y.Number).ToList();
        Budget = AgreementBudget.Compute(agreement);
        // Rules key on ids, as the budget does, so the graph must come from the database. DistinctBy
        // only keeps a graph with missing ids (all 0) from crashing the check; its figures would
        // not be meaningful anyway.
        linesById = agreement.BudgetLines.DistinctBy(l => l.Id).ToDictionary(l => l.Id);
        balancesByYear = Budget.Years.DistinctBy(y => y.YearNumber).ToDictionary(y => y.YearNumber);
    }

    public DelegationAgreement Agreement { get; }
    public IReadOnlyList<Region> AllRegions { get; }

    /// <summary>The agreement's own region; none when neither the navigation nor the list has it.</summary>
    public Region? AgreementRegion { get; }

    /// <summary>The implementation years, first to last.</summary>
    public IReadOnlyList<ImplementationYear> Years { get; }

    public AgreementBudget Budget { get; }

    /// <summary>The number of the agreement's last year; none when it has no years.</summary>
    public int? LastYearNumber => Years.Count == 0 ? null : Years[^1].Number;

    public bool IsLastYear(ImplementationYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        return year.Number == LastYearNumber;
    }

    /// <summary>The reconciled figures of a year (lines in report order).</summary>
    public YearBalance Balance(ImplementationYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        return balancesByYear[year.Number];
    }

    /// <summary>The line's name as the budget table words it; its id when the line is not loaded.</summary>
    public string LineName(int budgetLineId) =>
        linesById.TryGetValue(budgetLineId, out var line) ? line.Name : "#" + budgetLineId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Whether the performer has started reporting the year: submitted (or further), or with any
    /// spending or result entered. Rules about what a year should contain skip years not yet
    /// reported, so an agreement in progress is not flagged for its future years.
    /// </summary>
    public static bool IsReported(ImplementationYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        return year.Status != ReviewStatus.Draft
            || year.SpendingEntries.Count > 0
            || year.SpendingTotals.Count > 0
            || year.Activities.Count > 0;
    }
}
