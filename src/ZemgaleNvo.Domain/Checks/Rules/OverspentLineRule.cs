using ZemgaleNvo.Domain.Budget;
using static ZemgaleNvo.Domain.Checks.Wording;

namespace ZemgaleNvo.Domain.Checks.Rules;

/// <summary>
/// A line spent more in a year than it had available (planned + carried in ± recorded
/// reallocations). Recorded reallocations already count in "available", so a negative remainder
/// means no recorded reallocation covers the overspend. When the year has exactly one overspent
/// line and carried money out, the message also names the unrecorded reallocation that would make
/// the carry-over split add up (<see cref="ImpliedReallocation"/>).
/// A deviation, not an error: the figures can all be true (a last year with nothing left to move
/// overspends honestly), so the performer explains it and the reviewer judges the explanation.
/// </summary>
public sealed class OverspentLineRule : IConsistencyRule
{
    public IEnumerable<ConsistencyFinding> Check(ConsistencyCheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var findings = new List<ConsistencyFinding>();
        foreach (var year in context.Budget.Years)
        {
            var overspent = year.Lines.Where(l => l.RemainingCents < 0).ToList();
            foreach (var line in overspent)
            {
                // With two overspent lines the carry-over split has more unknowns than figures: no suggestion.
                var moves = overspent.Count == 1 ? ImpliedReallocation.Explain(year, line) : [];
                findings.Add(Finding(context, year, line, moves));
            }
        }
        return findings;
    }

    private static ConsistencyFinding Finding(ConsistencyCheckContext context, YearBalance year, LineYearBalance line, IReadOnlyList<ImpliedMove> moves)
    {
        var name = context.LineName(line.BudgetLineId);
        var over = -line.RemainingCents;
        var coverLv = line.ReallocatedInCents > 0
            ? $"un reģistrētā pārdale ({EuroLv(line.ReallocatedInCents)}) to nesedz."
            : "un to nesedz neviena pārdale.";
        var coverEn = line.ReallocatedInCents > 0
            ? $"and the recorded reallocation ({EuroEn(line.ReallocatedInCents)}) does not cover it."
            : "and no reallocation covers it.";
        var lv = $"{YearLocativeLv(year.YearNumber)} pozīcija {QuoteLv(name)} izlietoja {EuroLv(line.ActualCents)} " +
                 $"no pieejamajiem {EuroLv(line.AvailableCents)} (pārsniegums {EuroLv(over)}), {coverLv}";
        var en = $"In {YearEn(year.YearNumber)} the line {QuoteEn(name)} spent {EuroEn(line.ActualCents)} " +
                 $"of the {EuroEn(line.AvailableCents)} available ({EuroEn(over)} over), {coverEn}";
        if (moves.Count > 0)
        {
            lv += " " + SuggestionLv(context, name, moves);
            en += " " + SuggestionEn(context, name, moves);
        }
        return new ConsistencyFinding(ConsistencyRuleCodes.LineOverspent, FindingSeverity.Deviation, year.YearNumber, line.BudgetLineId, null, lv, en);
    }

    private static string SuggestionLv(ConsistencyCheckContext context, string receiver, IReadOnlyList<ImpliedMove> moves)
    {
        if (moves.Count == 1)
        {
            return $"Pārcelšanas sadalījums sakristu, ja no pozīcijas {QuoteLv(context.LineName(moves[0].FromBudgetLineId))} " +
                   $"uz pozīciju {QuoteLv(receiver)} būtu pārdalīti {EuroLv(moves[0].AmountCents)}.";
        }
        var sources = moves.Select(m => $"{EuroLv(m.AmountCents)} no pozīcijas {QuoteLv(context.LineName(m.FromBudgetLineId))}").ToList();
        return $"Pārcelšanas sadalījums sakristu, ja uz pozīciju {QuoteLv(receiver)} būtu pārdalīti {JoinLv(sources)}.";
    }

    private static string SuggestionEn(ConsistencyCheckContext context, string receiver, IReadOnlyList<ImpliedMove> moves)
    {
        var sources = moves.Select(m => $"{EuroEn(m.AmountCents)} from {QuoteEn(context.LineName(m.FromBudgetLineId))}").ToList();
        return $"The carry-over split would add up if {JoinEn(sources)} had been reallocated to {QuoteEn(receiver)}.";
    }
}
