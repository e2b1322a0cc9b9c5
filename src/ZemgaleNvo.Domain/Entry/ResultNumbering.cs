using ZemgaleNvo.Domain.Agreements;

namespace ZemgaleNvo.Domain.Entry;

/// <summary>
/// Results are numbered 1, 2, 3, … within their strand, as the report prints them. Every change to
/// a strand's list (add, delete, undo, move) goes through here so the numbers stay unique and
/// without gaps.
/// </summary>
public static class ResultNumbering
{
    /// <summary>The ordinal a new result gets: after the last one.</summary>
    public static int Next(IEnumerable<Activity> strand) => strand.Select(a => a.Ordinal).DefaultIfEmpty(0).Max() + 1;

    /// <summary>Numbers the strand 1..n in its current order.</summary>
    public static void Renumber(IEnumerable<Activity> strand)
    {
        var ordinal = 1;
        foreach (var activity in strand.OrderBy(a => a.Ordinal).ThenBy(a => a.Id).ToList())
        {
            activity.Ordinal = ordinal++;
        }
    }

    /// <summary>Swaps the result with its neighbour above (-1) or below (+1); false when already at that end.</summary>
    public static bool Move(IReadOnlyList<Activity> strand, Activity activity, int direction)
    {
        ArgumentNullException.ThrowIfNull(strand);
        ArgumentNullException.ThrowIfNull(activity);
        Renumber(strand);
        return OrdinalMove.Swap(strand, activity, direction);
    }

    /// <summary>
    /// Puts a restored result back where it was: at its old number when that still exists (the
    /// ones from there on move down by one), otherwise at the end.
    /// </summary>
    public static void Restore(IReadOnlyList<Activity> strand, Activity restored)
    {
        ArgumentNullException.ThrowIfNull(strand);
        ArgumentNullException.ThrowIfNull(restored);
        var others = strand.Where(a => !ReferenceEquals(a, restored)).ToList();
        Renumber(others);
        var position = Math.Clamp(restored.Ordinal, 1, others.Count + 1);
        foreach (var other in others.Where(a => a.Ordinal >= position))
        {
            other.Ordinal++;
        }
        restored.Ordinal = position;
    }
}
