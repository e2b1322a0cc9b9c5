using ZemgaleNvo.Domain.Budget;
using ZemgaleNvo.Domain.Checks;
using ZemgaleNvo.Domain.Periods;
using ZemgaleNvo.Domain.Reviews;

namespace ZemgaleNvo.Domain.Agreements;

/// <summary>One implementation year of an agreement (15.07–14.07 for the seed agreement), reported and reviewed on its own.</summary>
public class ImplementationYear : IVersioned
{
    public int Id { get; set; }
    public int AgreementId { get; set; }
    public DelegationAgreement? Agreement { get; set; }

    /// <summary>1 for the first year (I. īstenošanas gads), 2 for the second, …</summary>
    public int Number { get; set; }

    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }

    public ReviewStatus Status { get; set; } = ReviewStatus.Draft;

    /// <summary>The performer's description and evaluation of the year's results.</summary>
    public string? EvaluationText { get; set; }

    /// <summary>
    /// The year's total actual spend as the performer stated it ("Faktiski 44 135,47 euro"), kept
    /// apart from the per-line figures so a disagreement between the two can be flagged.
    /// </summary>
    public long? ReportedActualTotalCents { get; set; }

    public int Version { get; set; }

    public List<Activity> Activities { get; set; } = [];
    public List<PlannedAmount> PlannedAmounts { get; set; } = [];
    public List<SpendingEntry> SpendingEntries { get; set; } = [];
    public List<SpendingTotal> SpendingTotals { get; set; } = [];
    public List<Reallocation> Reallocations { get; set; } = [];
    public List<CarryOver> CarryOvers { get; set; } = [];
    public List<NonCompliantExpenditure> NonCompliantExpenditures { get; set; } = [];

    /// <summary>The performer's explanations of the year's deviations, current and past.</summary>
    public List<FindingExplanation> FindingExplanations { get; set; } = [];

    /// <summary>The explanation of a finding of this year, if one was written.</summary>
    public FindingExplanation? ExplanationOf(ConsistencyFinding finding) =>
        FindingKey.Of(finding) is { } key && key.YearNumber == Number ? FindingExplanations.Find(e => e.Concerns(key)) : null;

    public DateRange Period => new(StartDate, EndDate);
}
