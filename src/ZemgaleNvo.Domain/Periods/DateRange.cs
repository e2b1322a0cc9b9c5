namespace ZemgaleNvo.Domain.Periods;

/// <summary>An inclusive range of calendar days: both <see cref="Start"/> and <see cref="End"/> belong to it.</summary>
public readonly record struct DateRange
{
    public DateRange(DateOnly start, DateOnly end)
    {
        if (end < start)
        {
            throw new ArgumentException($"The end {end:yyyy-MM-dd} lies before the start {start:yyyy-MM-dd}.", nameof(end));
        }
        Start = start;
        End = end;
    }

    public DateOnly Start { get; }
    public DateOnly End { get; }

    public int Days => End.DayNumber - Start.DayNumber + 1;

    public bool Contains(DateOnly day) => day >= Start && day <= End;
}
