using ZemgaleNvo.Domain.Budget;

namespace ZemgaleNvo.Domain.Checks.Rules;

/// <summary>A move of money between two lines that the figures imply but nobody recorded.</summary>
public sealed record ImpliedMove(int FromBudgetLineId, int ToBudgetLineId, long AmountCents);

/// <summary>
/// Works out which unrecorded reallocation would make a year's carry-over split add up, when an
/// overspent line carried money out anyway.
/// <para>
/// If lines only ever moved money through reallocations, every line would carry out exactly what
/// it had left: carried out = remaining − moved out + moved in. So a line that had more left than
/// it carried gave away (remaining − carried out), and the overspent line must have received its
/// shortfall plus what it carried out. When the gifts of all other lines are non-negative and add
/// up to exactly what the overspent line needed, those moves are the explanation; otherwise the
/// figures do not point to one and nothing is suggested.
/// </para>
/// </summary>
public static class ImpliedReallocation
{
    public static IReadOnlyList<ImpliedMove> Explain(YearBalance year, LineYearBalance overspentLine)
    {
        ArgumentNullException.ThrowIfNull(year);
        ArgumentNullException.ThrowIfNull(overspentLine);
        // Without a carry-over there is no split to explain.
        if (overspentLine.RemainingCents >= 0 || year.CarriedOutCents == 0)
        {
            return [];
        }
        var needed = checked(-overspentLine.RemainingCents + overspentLine.CarriedOutCents);
        var gifts = year.Lines
            .Where(l => l.BudgetLineId != overspentLine.BudgetLineId)
            .Select(l => (l.BudgetLineId, Cents: checked(l.RemainingCents - l.CarriedOutCents)))
            .ToList();
        if (gifts.Any(g => g.Cents < 0) || gifts.Sum(g => g.Cents) != needed)
        {
            return [];
        }
        return gifts
            .Where(g => g.Cents > 0)
            .Select(g => new ImpliedMove(g.BudgetLineId, overspentLine.BudgetLineId, g.Cents))
            .ToList();
    }
}
