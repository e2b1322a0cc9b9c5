namespace ZemgaleNvo.Domain.Periods;

/// <summary>
/// The public holidays (svētku dienas, non-working days) of Latvia, the one list every due date is
/// moved by. Source: the law "Par svētku, atceres un atzīmējamām dienām" (Article 1), as amended up
/// to 2024: 1 January; Good Friday, Easter Sunday and Easter Monday (Western Easter); 1 May; 4 May,
/// with the next Monday off when it falls on a Saturday or Sunday; Midsummer 23 and 24 June; the
/// closing day of the General Latvian Song and Dance Festival, with the next working day off when it
/// falls on a weekend; 18 November, with the Monday rule; 24, 25 and 26 December; 31 December.
/// Mother's Day and Whitsunday are holidays in the law but always Sundays, so they change nothing.
/// </summary>
/// <remarks>
/// Not covered, on purpose: working days the Cabinet moves by order (pārceltās darba dienas; the
/// Saturday that is worked stays a weekend day here, the Friday given off stays a working day), and
/// holidays the Saeima declares once — the only one since 2018 is 29 May 2023 (ice-hockey bronze),
/// kept in <see cref="OneOffHolidays"/>. The Song and Dance Festival's closing day is set for each
/// festival (every five years), so its observed days are listed here by date; add the next one when
/// the festival's programme is announced.
/// </remarks>
public static class LatvianPublicHolidays
{
    /// <summary>The observed non-working day after each General Song and Dance Festival (closing on a Sunday or Saturday so far).</summary>
    private static readonly DateOnly[] SongFestivalDays =
    [
        new(2018, 7, 9),  // closing concert Sunday 8 July 2018
        new(2023, 7, 10), // closing concert Sunday 9 July 2023
        new(2028, 7, 10), // closing day Saturday 8 July 2028 as planned; Monday 10 July off
    ];

    /// <summary>Holidays the Saeima declared for one year only.</summary>
    private static readonly DateOnly[] OneOffHolidays =
    [
        new(2023, 5, 29),
    ];

    public static bool IsHoliday(DateOnly day) => In(day.Year).Contains(day);

    public static bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsHoliday(day);

    /// <summary>The day itself when it is a working day, otherwise the first working day after it.</summary>
    public static DateOnly OnOrNextWorkingDay(DateOnly day)
    {
        while (!IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }
        return day;
    }

    /// <summary>Every public holiday of a calendar year, sorted.</summary>
    public static IReadOnlySet<DateOnly> In(int year)
    {
        var easter = EasterSunday(year);
        var days = new SortedSet<DateOnly>
        {
            new(year, 1, 1),
            easter.AddDays(-2),
            easter,
            easter.AddDays(1),
            new(year, 5, 1),
            new(year, 5, 4),
            new(year, 6, 23),
            new(year, 6, 24),
            new(year, 11, 18),
            new(year, 12, 24),
            new(year, 12, 25),
            new(year, 12, 26),
            new(year, 12, 31),
        };
        // 4 May and 18 November on a weekend give the next Monday off (Article 1, second part).
        foreach (var day in new[] { new DateOnly(year, 5, 4), new DateOnly(year, 11, 18) })
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                days.Add(day.AddDays(day.DayOfWeek == DayOfWeek.Saturday ? 2 : 1));
            }
        }
        foreach (var day in SongFestivalDays.Concat(OneOffHolidays).Where(d => d.Year == year))
        {
            days.Add(day);
        }
        return days;
    }

    /// <summary>Western (Gregorian) Easter Sunday: the anonymous Gregorian algorithm (Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
