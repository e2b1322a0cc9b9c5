using System.Globalization;

namespace ZemgaleNvo.Domain.Checks;

/// <summary>
/// How sure a finding is. An <see cref="Error"/> is a contradiction: figures or dates that cannot
/// all be true at once. A <see cref="Warning"/> is something a reviewer should look at but that may
/// have an explanation the data does not record.
/// </summary>
public enum FindingSeverity
{
    Warning,
    Error,
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
    /// <summary>The Latvian message for Latvian (or no) culture, the English one for any other.</summary>
    public string Message(CultureInfo? culture) =>
        culture is null || culture.TwoLetterISOLanguageName == "lv" ? MessageLv : MessageEn;
}
