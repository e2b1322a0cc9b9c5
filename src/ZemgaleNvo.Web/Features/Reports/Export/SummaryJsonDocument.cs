using System.Text.Json.Serialization;

namespace ZemgaleNvo.Web.Features.Reports.Export;

// The open-data schema (docs/open-data.md describes every field). These records are the schema:
// renaming a property or an enum member elsewhere in the code must not change the JSON, so enum
// values are mapped to fixed strings in SummaryJson and nothing here is a domain type.
// Amounts are euros as numbers with exactly two decimals (30000.00); dates are ISO 8601 (2022-07-15).

internal sealed record SummaryJsonDocument(
    string SchemaVersion,
    string Currency,
    AgreementJson Agreement,
    IReadOnlyList<LineJson> Lines,
    IReadOnlyList<YearJson> Years,
    IReadOnlyList<LineTotalJson> LineTotals,
    TotalsJson Totals,
    NonComplianceJson NonCompliance,
    string? OtherInformation,
    IReadOnlyList<FindingJson> Findings,
    IReadOnlyList<PastExplanationJson> PastExplanations)
{
    /// <summary>Per performance indicator and year: target against achieved (schema 1.2).</summary>
    public IReadOnlyList<IndicatorTargetJson> Indicators { get; init; } = [];
}

/// <summary>
/// One performance indicator in one year. <c>target</c> is null for a year without one; <c>met</c>
/// and <c>percent</c> are null then too. <c>achievedQualifier</c> says how the sum of the result
/// counts is worded ("moreThan" 60).
/// </summary>
internal sealed record IndicatorTargetJson(
    int Id,
    int Ordinal,
    string Name,
    string Unit,
    string Qualifier,
    int Year,
    int? Target,
    int Achieved,
    string AchievedQualifier,
    bool? Met,
    decimal? Percent);

internal sealed record AgreementJson(
    int Id,
    string? Number,
    string Type,
    string Title,
    string TaskText,
    RegionJson Region,
    PerformerJson Performer,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    string SummaryStatus);

internal sealed record RegionJson(string Code, string Name);

internal sealed record PerformerJson(int Id, string Name);

internal sealed record LineJson(int Id, int Ordinal, string Name, string? ResultsHeading);

internal sealed record YearJson(
    int Number,
    string Numeral,
    DateOnly Start,
    DateOnly End,
    string Status,
    string? Evaluation,
    decimal? ReportedActualTotal,
    IReadOnlyList<StrandJson> Strands,
    IReadOnlyList<LineBudgetJson> Budget,
    YearTotalsJson Totals,
    IReadOnlyList<ReallocationJson> Reallocations);

internal sealed record StrandJson(int LineOrdinal, IReadOnlyList<ResultJson> Results);

internal sealed record ResultJson(
    int Id,
    int Ordinal,
    string Text,
    IReadOnlyList<IndicatorJson> Indicators,
    DateOnly? StartDate,
    DateOnly? EndDate,
    string? Place);

internal sealed record IndicatorJson(int Count, string Unit, string Qualifier);

internal sealed record LineBudgetJson(
    int LineOrdinal,
    decimal Planned,
    decimal CarriedIn,
    decimal ReallocatedIn,
    decimal ReallocatedOut,
    decimal Available,
    decimal Actual,
    decimal Remaining,
    decimal CarriedOut,
    decimal? ExecutionPercent);

internal sealed record YearTotalsJson(
    decimal Planned,
    decimal CarriedIn,
    decimal Available,
    decimal Actual,
    decimal Remaining,
    decimal CarriedOut,
    decimal? ExecutionPercent);

internal sealed record ReallocationJson(int FromLineOrdinal, int ToLineOrdinal, decimal Amount, string Reason, string? Reference);

/// <summary>A line over the whole period: no carry-over (it only moves money between years), the money to return and the overspend instead (issue 13).</summary>
internal sealed record LineTotalJson(int LineOrdinal, decimal Planned, decimal Actual, decimal UnspentToReturn, decimal Overspent);

internal sealed record TotalsJson(decimal Planned, decimal Actual, decimal UnspentToReturn, decimal Overspent);

internal sealed record NonComplianceJson(decimal Total, decimal Unrecovered, IReadOnlyList<NonComplianceItemJson> Items);

internal sealed record NonComplianceItemJson(
    int Year,
    int LineOrdinal,
    decimal Amount,
    string Reason,
    decimal Recovered,
    DateOnly? RecoveredOn,
    decimal Unrecovered)
{
    /// <summary>The ministry's decision that found the expenditure non-compliant (issue 13).</summary>
    public string? DecisionReference { get; init; }

    public DateOnly? DecidedOn { get; init; }

    public IReadOnlyList<RecoveryJson> Recoveries { get; init; } = [];
}

internal sealed record RecoveryJson(DateOnly Date, decimal Amount, string Reference);

internal sealed record FindingJson(
    string RuleCode,
    string Severity,
    int? Year,
    int? LineOrdinal,
    int? ResultId,
    string MessageLv,
    string MessageEn,
    int? IndicatorId,
    ExplanationJson? Explanation);

/// <summary>The performer's explanation of a finding; times are UTC, ISO 8601 with the time of day.</summary>
internal sealed record ExplanationJson(
    string Text,
    string WrittenBy,
    DateTime WrittenAt,
    string? AcceptedBy,
    DateTime? AcceptedAt,
    DateTime? MoreRequestedAt);

/// <summary>An explanation whose finding is no longer found, kept as history.</summary>
internal sealed record PastExplanationJson(
    string RuleCode,
    int Year,
    int? LineOrdinal,
    int? IndicatorId,
    ExplanationJson Explanation);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(SummaryJsonDocument))]
internal sealed partial class SummaryJsonContext : JsonSerializerContext;
