using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Checks;
using ZemgaleNvo.Domain.Reviews;
using ZemgaleNvo.Web.Formatting;

namespace ZemgaleNvo.Web.Features.Reports;

/// <summary>
/// The official summary (Kopsavilkums) of an agreement, computed once from the data. The HTML page,
/// the PDF and the spreadsheet all read this one model, so the three cannot disagree. Amounts are
/// cents; each output formats them with <see cref="ReportFormat"/>.
/// </summary>
public sealed record SummaryReport(
    ReportAgreement Agreement,
    IReadOnlyList<ReportYear> Years,
    IReadOnlyList<ReportLine> Lines,
    IReadOnlyList<ReportLineTotal> LineTotals,
    ReportTotals Totals,
    IReadOnlyList<ReportNonCompliance> NonCompliance,
    IReadOnlyList<ConsistencyFinding> Findings)
{
    /// <summary>
    /// The performer's explanations of findings, current and past. Like the findings, for the annex
    /// only: the published versions leave both out.
    /// </summary>
    public IReadOnlyList<ReportExplanation> Explanations { get; init; } = [];

    /// <summary>Per performance indicator and year: target against achieved (<see cref="IndicatorTable"/>).</summary>
    public IReadOnlyList<ReportIndicatorYear> Indicators { get; init; } = [];

    /// <summary>The explanation of a finding, if one was written.</summary>
    public ReportExplanation? ExplanationOf(ConsistencyFinding finding) =>
        FindingKey.Of(finding) is { } key ? Explanations.FirstOrDefault(e => e.Key == key) : null;

    /// <summary>Explanations whose finding is no longer found (of one year, or all): kept as history.</summary>
    public IReadOnlyList<ReportExplanation> PastExplanations(int? yearNumber)
    {
        var current = Findings.Select(FindingKey.Of).OfType<FindingKey>().ToHashSet();
        return Explanations.Where(e => !current.Contains(e.Key) && (yearNumber is null || e.Key.YearNumber == yearNumber)).ToList();
    }

    /// <summary>The version to publish: without the portal's findings and the explanations of them.</summary>
    public SummaryReport WithoutFindings() => this with { Findings = [], Explanations = [] };

    /// <summary>Issue 13: per line, the unspent money to return to the state budget and the overspend (never netted).</summary>
    public IReadOnlyList<ReportLineReturn> Returns { get; init; } = [];

    public long UnspentToReturnCents => Returns.Sum(r => r.UnspentToReturnCents);

    public long OverspentCents => Returns.Sum(r => r.OverspentCents);

    public long NonCompliantCents => NonCompliance.Sum(n => n.AmountCents);
    public long UnrecoveredCents => NonCompliance.Sum(n => n.UnrecoveredCents);

    /// <summary>File name stem: <c>kopsavilkums-zemgale-2022-2025</c>.</summary>
    public string FileStem => $"kopsavilkums-{Agreement.RegionCode}-{Agreement.PeriodStart.Year}-{Agreement.PeriodEnd.Year}";

    public ReportYear? Year(int number) => Years.FirstOrDefault(y => y.Number == number);
}

public sealed record ReportAgreement(
    int Id,
    int PerformerId,
    AgreementType Type,
    string? Number,
    DateOnly? SignedOn,
    string? DelegatingAuthority,
    string Title,
    string TaskText,
    string Region,
    string RegionCode,
    string Performer,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    ReviewStatus SummaryStatus,
    string? OtherInformation);

/// <summary>An explanation of a finding, with who wrote it and who accepted it.</summary>
public sealed record ReportExplanation(
    FindingKey Key,
    string Text,
    string WrittenByName,
    DateTime WrittenAtUtc,
    string? AcceptedByName,
    DateTime? AcceptedAtUtc,
    DateTime? MoreRequestedAtUtc);

public sealed record ReportLine(int Id, int Ordinal, string Name, string? ResultsHeading);

/// <summary>One implementation year: its results per strand and its budget per line.</summary>
public sealed record ReportYear(
    int Id,
    int Number,
    DateOnly Start,
    DateOnly End,
    ReviewStatus Status,
    string? EvaluationText,
    long? ReportedActualTotalCents,
    IReadOnlyList<ReportStrand> Strands,
    IReadOnlyList<ReportLineBudget> Budget,
    IReadOnlyList<ReportSpending> Spending,
    IReadOnlyList<ReportReallocation> Reallocations)
{
    public int ResultCount => Strands.Sum(s => s.Results.Count);
    public long PlannedCents => Budget.Sum(b => b.PlannedCents);
    public long CarriedInCents => Budget.Sum(b => b.CarriedInCents);
    public long AvailableCents => Budget.Sum(b => b.AvailableCents);
    public long ActualCents => Budget.Sum(b => b.ActualCents);
    public long RemainingCents => Budget.Sum(b => b.RemainingCents);
    public long CarriedOutCents => Budget.Sum(b => b.CarriedOutCents);
    public decimal? ExecutionPercent => Domain.Budget.BudgetReconciliation.ExecutionPercent(ActualCents, AvailableCents);
}

/// <summary>The numbered results of one strand (budget line) in one year.</summary>
public sealed record ReportStrand(ReportLine Line, IReadOnlyList<ReportResult> Results);

public sealed record ReportResult(int Id, int Ordinal, string Text, IReadOnlyList<ReportIndicator> Indicators, DateOnly? StartDate, DateOnly? EndDate, string? Place);

public sealed record ReportIndicator(int Count, string Unit, IndicatorQualifier Qualifier);

public sealed record ReportLineBudget(
    ReportLine Line,
    long PlannedCents,
    long CarriedInCents,
    long ReallocatedInCents,
    long ReallocatedOutCents,
    long AvailableCents,
    long ActualCents,
    long RemainingCents,
    long CarriedOutCents,
    decimal? ExecutionPercent);

public sealed record ReportSpending(ReportLine Line, DateOnly Date, string Description, string? Supplier, string? DocumentNumber, long AmountCents);

public sealed record ReportReallocation(ReportLine From, ReportLine To, long AmountCents, string Reason, string? Reference);

public sealed record ReportLineTotal(ReportLine Line, long PlannedCents, long ActualCents, long CarriedOutCents);

public sealed record ReportTotals(long PlannedCents, long ActualCents, long CarriedOverCents, long FinalRemainingCents);

public sealed record ReportNonCompliance(int YearNumber, ReportLine Line, long AmountCents, string Reason, long RecoveredCents, DateOnly? RecoveredOn)
{
    public long UnrecoveredCents => AmountCents - RecoveredCents;

    /// <summary>The ministry's decision that found the expenditure non-compliant (issue 13).</summary>
    public string? DecisionReference { get; init; }

    public DateOnly? DecidedOn { get; init; }

    /// <summary>Each repayment, oldest first; empty for figures taken over with a recovered total only.</summary>
    public IReadOnlyList<ReportRecovery> Recoveries { get; init; } = [];
}

public sealed record ReportLineReturn(ReportLine Line, long UnspentToReturnCents, long OverspentCents);

public sealed record ReportRecovery(DateOnly Date, long AmountCents, string Reference);
