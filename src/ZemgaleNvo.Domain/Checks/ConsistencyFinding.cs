using System.Globalization;

namespace ZemgaleNvo.Domain.Checks;

/// <summary>
/// What kind of finding it is, declared by each rule. An <see cref="Error"/> is a contradiction:
/// figures or dates that cannot all be true at once, which the performer fixes in the data. A
/// <see cref="Deviation"/> is the year going off plan (an overspent line, a strand without
/// results, an indicator below its target): true data, so it asks for the performer's explanation
/// and the reviewer's judgement, never for different figures. A <see cref="Warning"/> informs.
/// </summary>
public enum FindingSeverity
{
    Warning,
    Error,
    Deviation,
}

/// <summary>
/// One thing a consistency check found in an agreement. The rule code is stable (pages, filters
/// and tests key on it); the messages are complete sentences with the figures, in Latvian and in
/// English, so a page only has to pick one.
/// </summary>
/// <param name="RuleCode">One of <see cref="ConsistencyRuleCodes"/>.</param>
/// <param name="YearNumber">The implementation year concerned (1 for I), none for the agreement as a whole.</param>
/// <param name="BudgetLineId">The budget line (strand) concerned, if one.</param>
/// <param name="ActivityId">The result (activity) concerned, if one.</param>
public sealed record ConsistencyFinding(
    string RuleCode,
    FindingSeverity Severity,
    int? YearNumber,
    int? BudgetLineId,
    int? ActivityId,
    string MessageLv,
    string MessageEn)
{
    /// <summary>
    /// The agreement's performance indicator concerned (a result count below its yearly target),
    /// if one. An init property rather than a position so the rules that never concern an
    /// indicator stay as they are.
    /// </summary>
    public int? IndicatorId { get; init; }

    /// <summary>The Latvian message for Latvian (or no) culture, the English one for any other.</summary>
    public string Message(CultureInfo? culture) =>
        culture is null || culture.TwoLetterISOLanguageName == "lv" ? MessageLv : MessageEn;
}
