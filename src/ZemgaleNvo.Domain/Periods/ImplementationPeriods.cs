namespace ZemgaleNvo.Domain.Periods;

/// <summary>
/// Splits an agreement period into implementation years: consecutive 12-month periods counted from
/// the start date (15.07.2022–14.07.2023, 15.07.2023–14.07.2024, …), the last one cut short at the
/// period's end. The years tile the period exactly: no gap, no overlap.
/// </summary>
public static class ImplementationPeriods
{
    public static IReadOnlyList<DateRange> Split(DateRange agreementPeriod)
    {
        var years = new List<DateRange>();
        var start = agreementPeriod.Start;
        var yearNumber = 1;
        while (start <= agreementPeriod.End)
        {
            // Counting each year's anniversary from the original start (not from the previous year's
            // start) keeps a 29 February start from drifting to 28 February for good after one year.
            var nextStart = AddYearsClamped(agreementPeriod.Start, yearNumber);
            var end = nextStart.AddDays(-1);
            if (end > agreementPeriod.End)
            {
                end = agreementPeriod.End;
            }
            years.Add(new DateRange(start, end));
            start = end.AddDays(1);
            yearNumber++;
        }
        return years;
    }

    /// <summary>
    /// The anniversary <paramref name="years"/> after <paramref name="start"/>; a 29 February start has
    /// its anniversary on 1 March in common years, so the year it closes still has all of February.
    /// </summary>
    private static DateOnly AddYearsClamped(DateOnly start, int years)
    {
        if (start is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(start.Year + years))
        {
            return new DateOnly(start.Year + years, 3, 1);
        }
        return start.AddYears(years);
    }
}
