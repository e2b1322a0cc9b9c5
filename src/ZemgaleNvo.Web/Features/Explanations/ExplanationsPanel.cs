using System.ComponentModel.DataAnnotations;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Checks;

namespace ZemgaleNvo.Web.Features.Explanations;

/// <summary>An explanation as its form posts it: which finding (<see cref="FindingKey.FormValue"/>) and the text.</summary>
public sealed class ExplanationDraft
{
    public string? Finding { get; set; }

    [Display(Name = "Paskaidrojums")]
    public string? Text { get; set; }

    /// <summary>The explanation's version when the form was opened (0 for a new one).</summary>
    public int Version { get; set; }
}

/// <summary>One deviation of the year found now, with its explanation if one was written.</summary>
public sealed record ExplainedFinding(ConsistencyFinding Finding, FindingKey Key, FindingExplanation? Explanation)
{
    public bool IsExplained => Explanation?.IsGiven == true;
    public bool IsAccepted => Explanation?.IsAccepted == true;
}

/// <summary>
/// The year's deviations and their explanations, as the year page shows them to the performer (who
/// writes) and the reviewer (who accepts, returns or approves); and the explanations whose finding
/// is no longer found, kept as history.
/// </summary>
public sealed record ExplanationsPanel(
    int AgreementId,
    int YearNumber,
    IReadOnlyList<ExplainedFinding> Deviations,
    IReadOnlyList<FindingExplanation> Past,
    bool CanExplain,
    bool CanAccept,
    ExplanationDraft? Draft)
{
    /// <summary>Deviations the reviewer has not accepted: approving with any asks for confirmation.</summary>
    public IReadOnlyList<ExplainedFinding> Unaccepted => Deviations.Where(d => !d.IsAccepted).ToList();

    /// <summary>What the performer typed for a finding (after a refusal), else the saved text.</summary>
    public string? TextFor(ExplainedFinding deviation)
    {
        ArgumentNullException.ThrowIfNull(deviation);
        return Draft is not null && Draft.Finding == deviation.Key.FormValue ? Draft.Text : deviation.Explanation?.Text;
    }

    public static ExplanationsPanel For(DelegationAgreement agreement, ImplementationYear year, IReadOnlyList<ConsistencyFinding> findings, bool canExplain, bool canAccept, ExplanationDraft? draft)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(year);
        ArgumentNullException.ThrowIfNull(findings);
        var deviations = DeviationsOf(year, findings);
        var current = deviations.Select(d => d.Key).ToHashSet();
        var past = year.FindingExplanations
            .Where(e => !current.Contains(e.Key(year.Number)))
            .OrderByDescending(e => e.WrittenAtUtc)
            .ToList();
        return new ExplanationsPanel(agreement.Id, year.Number, deviations, past, canExplain, canAccept, draft);
    }

    /// <summary>The year's deviations, each with its explanation; the one place that pairs them.</summary>
    public static IReadOnlyList<ExplainedFinding> DeviationsOf(ImplementationYear year, IReadOnlyList<ConsistencyFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(year);
        ArgumentNullException.ThrowIfNull(findings);
        return findings
            .Where(f => f.YearNumber == year.Number && f.Severity == FindingSeverity.Deviation)
            .Select(f => (Finding: f, Key: FindingKey.Of(f)!))
            .DistinctBy(x => x.Key)
            .Select(x => new ExplainedFinding(x.Finding, x.Key, year.ExplanationOf(x.Finding)))
            .ToList();
    }
}
