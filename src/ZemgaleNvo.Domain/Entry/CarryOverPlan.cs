using ZemgaleNvo.Domain.Budget;

namespace ZemgaleNvo.Domain.Entry;

/// <summary>Why a carry-over split was refused.</summary>
public enum CarryOverError
{
    None,

    /// <summary>The last year has no next year to carry into.</summary>
    LastYear,

    /// <summary>The amounts do not add up to the year's remainder.</summary>
    SumDiffersFromRemainder,

    /// <summary>A line id that is not one of the year's lines.</summary>
    UnknownLine,
}

/// <summary>
/// Carrying a year's unspent money into the next year. The whole remainder goes over; the performer
/// chooses how it is split over the lines, starting from a split that follows each line's own remainder.
/// </summary>
public static class CarryOverPlan
{
    /// <summary>
    /// The starting split: each line's positive remainder. When an overspent line eats into the
    /// total, the excess is taken off the last lines first, so the split always adds up to the
    /// year's total remainder (zero everywhere when nothing is left).
    /// </summary>
    public static IReadOnlyDictionary<int, long> Prefill(YearBalance year)
    {
        ArgumentNullException.ThrowIfNull(year);
        var split = year.Lines.ToDictionary(l => l.BudgetLineId, l => Math.Max(0, l.RemainingCents));
        var excess = split.Values.Sum() - Math.Max(0, year.RemainingCents);
        foreach (var line in year.Lines.Reverse())
        {
            if (excess <= 0)
            {
                break;
            }
            var cut = Math.Min(excess, split[line.BudgetLineId]);
            split[line.BudgetLineId] -= cut;
            excess -= cut;
        }
        return split;
    }

    /// <summary>Checks a split the performer entered (amounts already read as non-negative cents).</summary>
    public static CarryOverError Validate(YearBalance year, bool isLastYear, IReadOnlyDictionary<int, long> split)
    {
        ArgumentNullException.ThrowIfNull(year);
        ArgumentNullException.ThrowIfNull(split);
        if (isLastYear)
        {
            return CarryOverError.LastYear;
        }
        if (split.Keys.Any(id => year.Line(id) is null))
        {
            return CarryOverError.UnknownLine;
        }
        return split.Values.Sum() == Math.Max(0, year.RemainingCents) ? CarryOverError.None : CarryOverError.SumDiffersFromRemainder;
    }
}
