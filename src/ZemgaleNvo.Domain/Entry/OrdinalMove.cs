namespace ZemgaleNvo.Domain.Entry;

/// <summary>
/// Moving a record one place up or down a numbered list: it swaps numbers with its neighbour. The
/// one rule for results (within a strand) and budget lines (within an agreement).
/// </summary>
public static class OrdinalMove
{
    /// <summary>
    /// The record the moved one swaps places with: the neighbour above (<paramref name="direction"/> -1)
    /// or below (+1) in the list's order; null when it is already at that end or not in the list.
    /// </summary>
    public static T? Neighbour<T>(IEnumerable<T> list, T moved, int direction)
        where T : class, IOrdered
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(moved);
        var ordered = list.OrderBy(r => r.Ordinal).ToList();
        var index = ordered.IndexOf(moved);
        var target = index + Math.Sign(direction);
        return index < 0 || direction == 0 || target < 0 || target >= ordered.Count ? null : ordered[target];
    }

    /// <summary>Swaps the record with its neighbour in that direction; false when there is none (nothing changes).</summary>
    public static bool Swap<T>(IEnumerable<T> list, T moved, int direction)
        where T : class, IOrdered
    {
        if (Neighbour(list, moved, direction) is not { } other)
        {
            return false;
        }
        (moved.Ordinal, other.Ordinal) = (other.Ordinal, moved.Ordinal);
        return true;
    }
}
