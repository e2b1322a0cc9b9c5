using System.Text;
using System.Text.RegularExpressions;
using static ZemgaleNvo.Domain.Checks.Wording;

namespace ZemgaleNvo.Domain.Checks.Rules;

/// <summary>
/// The task text names another region than the agreement's ("… jomā Kurzemes reģionā" in a Zemgale
/// agreement): usually a copy-paste from another region's agreement. A region counts as named when
/// its name stem stands as a word of its own and is followed by a form of "reģions" (reģiona,
/// reģionā, …), so "Zemgales NVO centrs" or a stem inside a longer word is not a mention.
/// The agreement's own region not being named at all is deliberately not flagged: many task texts
/// are national in wording.
/// </summary>
public sealed class TaskRegionRule : IConsistencyRule
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    public IEnumerable<ConsistencyFinding> Check(ConsistencyCheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var ownRegion = context.AgreementRegion;
        if (ownRegion is null)
        {
            return [];
        }
        var taskText = context.Agreement.TaskText.Normalize(NormalizationForm.FormC);
        var findings = new List<ConsistencyFinding>();
        foreach (var region in context.AllRegions)
        {
            if (region.Id == ownRegion.Id
                || string.IsNullOrWhiteSpace(region.NameStem)
                || string.Equals(region.NameStem, ownRegion.NameStem, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var mention = FindMention(taskText, region.NameStem);
            if (mention is null)
            {
                continue;
            }
            findings.Add(new ConsistencyFinding(
                ConsistencyRuleCodes.TaskRegionMismatch,
                FindingSeverity.Error,
                YearNumber: null,
                BudgetLineId: null,
                ActivityId: null,
                $"Valsts pārvaldes uzdevuma tekstā minēts {QuoteLv(mention)} ({region.Name}), bet līguma reģions ir {ownRegion.Name}.",
                $"The task text names {QuoteEn(mention)} ({region.Name}), but the agreement's region is {ownRegion.Name}."));
        }
        return findings;
    }

    /// <summary>The mention as written ("Kurzemes reģionā"), or none.</summary>
    internal static string? FindMention(string text, string nameStem)
    {
        var stem = Regex.Escape(nameStem.Trim().Normalize(NormalizationForm.FormC));
        // "Kurzemes reģionā" and the official "Kurzemes plānošanas reģionā" alike.
        var pattern = @"(?<!\p{L})" + stem + @"\s+(?:plānošanas\s+)?reģion\p{L}*";
        var match = Regex.Match(text, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout);
        return match.Success ? match.Value : null;
    }
}
