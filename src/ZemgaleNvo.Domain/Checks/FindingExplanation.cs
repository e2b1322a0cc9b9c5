using System.Globalization;
using ZemgaleNvo.Domain.Agreements;

namespace ZemgaleNvo.Domain.Checks;

/// <summary>
/// The stable identity of a finding about a year: the rule, the year, and the budget line (strand)
/// and indicator it concerns. The figures in the message may change with every edit (a larger
/// overspend, a new remainder) while the identity stays, so an explanation written for it stays
/// with it. The result (activity) is deliberately not part of it: deviations concern a line, a
/// strand or an indicator, never one result.
/// </summary>
public sealed record FindingKey(string RuleCode, int YearNumber, int? BudgetLineId, int? IndicatorId)
{
    /// <summary>The key of a finding about a year; none for a finding about the agreement as a whole.</summary>
    public static FindingKey? Of(ConsistencyFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return finding.YearNumber is { } year ? new FindingKey(finding.RuleCode, year, finding.BudgetLineId, finding.IndicatorId) : null;
    }

    /// <summary>The key within its year as a form posts it: <c>line-overspent:12:</c>, <c>indicator-below-target::7</c>.</summary>
    public string FormValue => string.Create(CultureInfo.InvariantCulture, $"{RuleCode}:{BudgetLineId}:{IndicatorId}");

    /// <summary>Reads <see cref="FormValue"/> back for a year; none when it is not one.</summary>
    public static FindingKey? Parse(string? value, int yearNumber)
    {
        var parts = value?.Split(':');
        if (parts is not { Length: 3 } || parts[0].Length is 0 or > 50)
        {
            return null;
        }
        if (!TryOptional(parts[1], out var line) || !TryOptional(parts[2], out var indicator))
        {
            return null;
        }
        return new FindingKey(parts[0], yearNumber, line, indicator);
    }

    private static bool TryOptional(string text, out int? value)
    {
        value = null;
        if (text.Length == 0)
        {
            return true;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
            return true;
        }
        return false;
    }
}

/// <summary>
/// The performer's explanation of a deviation (a line overspent with nothing left to move, a strand
/// without results, money carried in and not spent), and the reviewer's judgement of it. Tied to
/// the finding's <see cref="FindingKey"/>, not to the finding's text, so it stays while the finding
/// persists through edits; when the finding disappears the explanation is kept, as history.
/// Changes are audited like every other record of the year, and frozen with it at approval.
/// </summary>
public class FindingExplanation : IVersioned
{
    /// <summary>Longest explanation the form and the database take: a few paragraphs, not a report.</summary>
    public const int MaxLength = 2000;

    public int Id { get; set; }
    public int ImplementationYearId { get; set; }
    public ImplementationYear? ImplementationYear { get; set; }

    public required string RuleCode { get; set; }
    public int? BudgetLineId { get; set; }
    public int? IndicatorId { get; set; }

    public required string Text { get; set; }
    public string? WrittenByUserId { get; set; }
    public required string WrittenByName { get; set; }
    public DateTime WrittenAtUtc { get; set; }

    /// <summary>Set when a reviewer accepted the explanation; cleared when the text changes.</summary>
    public string? AcceptedByUserId { get; set; }
    public string? AcceptedByName { get; set; }
    public DateTime? AcceptedAtUtc { get; set; }

    /// <summary>
    /// Set when a reviewer returned the year naming this finding as needing more; cleared when the
    /// performer writes the explanation again. While set, the explanation does not count as given.
    /// </summary>
    public DateTime? MoreRequestedAtUtc { get; set; }

    public int Version { get; set; }

    public bool IsAccepted => AcceptedAtUtc is not null;

    /// <summary>Written, and not sent back for more.</summary>
    public bool IsGiven => !string.IsNullOrWhiteSpace(Text) && MoreRequestedAtUtc is null;

    public bool Concerns(FindingKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return RuleCode == key.RuleCode && BudgetLineId == key.BudgetLineId && IndicatorId == key.IndicatorId;
    }

    /// <summary>The identity of the finding explained, in its year.</summary>
    public FindingKey Key(int yearNumber) => new(RuleCode, yearNumber, BudgetLineId, IndicatorId);

    /// <summary>
    /// The performer writes (or rewrites) the text. A changed text is a new explanation for the
    /// reviewer: any earlier acceptance no longer applies to it.
    /// </summary>
    public void Write(string text, string? userId, string userName, DateTime atUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        ArgumentNullException.ThrowIfNull(userName);
        if (text != Text)
        {
            AcceptedAtUtc = null;
            AcceptedByName = null;
            AcceptedByUserId = null;
        }
        Text = text;
        WrittenByUserId = userId;
        WrittenByName = userName;
        WrittenAtUtc = atUtc;
        MoreRequestedAtUtc = null;
    }

    public void Accept(string? userId, string userName, DateTime atUtc)
    {
        ArgumentNullException.ThrowIfNull(userName);
        AcceptedByUserId = userId;
        AcceptedByName = userName;
        AcceptedAtUtc = atUtc;
        MoreRequestedAtUtc = null;
    }

    public void RequestMore(DateTime atUtc)
    {
        AcceptedAtUtc = null;
        AcceptedByName = null;
        AcceptedByUserId = null;
        MoreRequestedAtUtc = atUtc;
    }
}
