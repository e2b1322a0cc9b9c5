using ZemgaleNvo.Domain.Periods;
using ZemgaleNvo.Domain.Reviews;

namespace ZemgaleNvo.UnitTests.Periods;

public class LatvianPublicHolidaysTests
{
    [Theory]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    public void Easter_sunday_is_the_western_one(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), LatvianPublicHolidays.EasterSunday(year));

    [Fact]
    public void The_holidays_of_2025_are_exactly_the_laws_list()
    {
        DateOnly D(int m, int d) => new(2025, m, d);
        Assert.Equal(
            [D(1, 1), D(4, 18), D(4, 20), D(4, 21), D(5, 1), D(5, 4), D(5, 5), D(6, 23), D(6, 24), D(11, 18), D(12, 24), D(12, 25), D(12, 26), D(12, 31)],
            LatvianPublicHolidays.In(2025));
    }

    [Theory]
    [InlineData(2025, 5, 5, true)]    // 4 May 2025 is a Sunday: Monday off
    [InlineData(2024, 11, 18, true)]  // a Monday anyway
    [InlineData(2023, 11, 20, true)]  // 18 November 2023 is a Saturday: Monday 20th off
    [InlineData(2026, 5, 4, true)]    // a Monday
    [InlineData(2026, 5, 5, false)]   // no extra day when 4 May is a working day
    [InlineData(2025, 5, 11, false)]  // Mother's Day is a Sunday, not an extra day
    [InlineData(2023, 7, 10, true)]   // the Song and Dance Festival's closing, observed
    [InlineData(2023, 5, 29, true)]   // the one-off holiday
    public void Moved_and_special_days(int year, int month, int day, bool holiday) =>
        Assert.Equal(holiday, LatvianPublicHolidays.IsHoliday(new DateOnly(year, month, day)));

    [Fact]
    public void A_weekend_before_a_holiday_moves_to_the_first_working_day_after_both()
    {
        // Saturday 2 May 2026 → Sunday 3 May → Monday 4 May (holiday) → Tuesday 5 May.
        Assert.Equal(new DateOnly(2026, 5, 5), LatvianPublicHolidays.OnOrNextWorkingDay(new DateOnly(2026, 5, 2)));
        // Saturday 1 May 2027 (holiday and weekend) → Monday 3 May, a working day (4 May is a Tuesday: no extra day).
        Assert.Equal(new DateOnly(2027, 5, 3), LatvianPublicHolidays.OnOrNextWorkingDay(new DateOnly(2027, 5, 1)));
        // 24–26 December 2026 Thursday–Saturday, Sunday 27th → Monday 28th.
        Assert.Equal(new DateOnly(2026, 12, 28), LatvianPublicHolidays.OnOrNextWorkingDay(new DateOnly(2026, 12, 24)));
        Assert.Equal(new DateOnly(2026, 12, 22), LatvianPublicHolidays.OnOrNextWorkingDay(new DateOnly(2026, 12, 22)));
    }
}

public class ReportingScheduleTests
{
    [Fact]
    public void The_demo_years_and_summary_fall_due_by_the_default_clause()
    {
        var schedule = ReportingSchedule.Default;
        // Year III ends Monday 14.07.2025; +30 days is Wednesday 13.08.2025, a working day.
        Assert.Equal(new DateOnly(2025, 8, 13), schedule.YearDue(new DateOnly(2025, 7, 14)));
        // +60 days is Friday 12.09.2025.
        Assert.Equal(new DateOnly(2025, 9, 12), schedule.SummaryDue(new DateOnly(2025, 7, 14)));
        // Year I ends 14.07.2023; +30 is Sunday 13.08.2023 → Monday 14.08.2023.
        Assert.Equal(new DateOnly(2023, 8, 14), schedule.YearDue(new DateOnly(2023, 7, 14)));
    }

    [Fact]
    public void A_due_date_on_a_holiday_moves_to_the_next_working_day()
    {
        // 31 December 2025 (Wednesday) and 1 January 2026 are holidays → Friday 2 January 2026.
        var schedule = new ReportingSchedule(0, 0);
        Assert.Equal(new DateOnly(2026, 1, 2), schedule.YearDue(new DateOnly(2025, 12, 31)));
        // 19 October 2025 + 30 = 18 November 2025 (Tuesday, holiday) → Wednesday 19 November.
        Assert.Equal(new DateOnly(2025, 11, 19), ReportingSchedule.Default.YearDue(new DateOnly(2025, 10, 19)));
    }
}

public class DeadlineTests
{
    private static readonly DateOnly Due = new(2025, 8, 13);

    [Fact]
    public void A_draft_past_its_due_date_is_overdue_by_the_days_since()
    {
        var deadline = Deadline.Evaluate(Due, ReviewStatus.Draft, null, Due.AddDays(12));
        Assert.True(deadline.IsOverdue);
        Assert.Equal("nokavēts 12 dienas", deadline.Latvian());
        Assert.Equal("overdue by 12 days", deadline.English());
    }

    [Theory]
    [InlineData(1, "nokavēts 1 dienu", "jāiesniedz 1 dienā")]
    [InlineData(2, "nokavēts 2 dienas", "jāiesniedz 2 dienās")]
    [InlineData(11, "nokavēts 11 dienas", "jāiesniedz 11 dienās")]
    [InlineData(21, "nokavēts 21 dienu", "jāiesniedz 21 dienā")]
    [InlineData(111, "nokavēts 111 dienas", "jāiesniedz 111 dienās")]
    [InlineData(101, "nokavēts 101 dienu", "jāiesniedz 101 dienā")]
    public void Latvian_agrees_the_day_count(int days, string overdue, string upcoming)
    {
        Assert.Equal(overdue, Deadline.Evaluate(Due, ReviewStatus.Draft, null, Due.AddDays(days)).Latvian());
        Assert.Equal(upcoming, Deadline.Evaluate(Due, ReviewStatus.Draft, null, Due.AddDays(-days)).Latvian());
    }

    [Theory]
    [InlineData(1, "1 diena")]
    [InlineData(2, "2 dienas")]
    [InlineData(21, "21 diena")]
    [InlineData(11, "11 dienas")]
    [InlineData(0, "0 dienas")]
    public void Nominative_forms(int days, string expected) => Assert.Equal(expected, LatvianDays.Nominative(days));

    [Fact]
    public void Due_within_fourteen_days_is_due_soon_and_today_is_still_on_time()
    {
        Assert.True(Deadline.Evaluate(Due, ReviewStatus.Draft, null, Due.AddDays(-14)).IsDueSoon);
        Assert.False(Deadline.Evaluate(Due, ReviewStatus.Draft, null, Due.AddDays(-15)).IsDueSoon);
        var today = Deadline.Evaluate(Due, ReviewStatus.Draft, null, Due);
        Assert.Equal(DeadlineStatus.Upcoming, today.Status);
        Assert.Equal("jāiesniedz šodien", today.Latvian());
        Assert.Equal("jāiesniedz 5 dienās", Deadline.Evaluate(Due, ReviewStatus.Draft, null, Due.AddDays(-5)).Latvian());
        Assert.Equal("due in 5 days", Deadline.Evaluate(Due, ReviewStatus.Draft, null, Due.AddDays(-5)).English());
    }

    [Fact]
    public void The_first_submission_decides_on_time_or_late_even_after_a_return()
    {
        var onTime = Deadline.Evaluate(Due, ReviewStatus.Returned, Due, Due.AddDays(40));
        Assert.Equal("iesniegts laikā", onTime.Latvian());
        Assert.Equal("submitted on time", onTime.English());
        var late = Deadline.Evaluate(Due, ReviewStatus.Submitted, Due.AddDays(3), Due.AddDays(40));
        Assert.Equal("iesniegts 3 dienas pēc termiņa", late.Latvian());
        Assert.Equal("submitted 3 days late", late.English());
        Assert.Equal(DeadlineStatus.SubmittedDateUnknown, Deadline.Evaluate(Due, ReviewStatus.Approved, null, Due.AddDays(40)).Status);
    }

    [Fact]
    public void A_wait_counts_days_since_the_latest_submission()
    {
        Assert.Equal("gaida izskatīšanu 21 dienu", ReviewWait.Since(Due, Due.AddDays(21)).Latvian());
        Assert.Equal("gaida izskatīšanu 12 dienas", ReviewWait.Since(Due, Due.AddDays(12)).Latvian());
        Assert.Equal("waiting for review for 1 day", ReviewWait.Since(Due, Due.AddDays(1)).English());
    }

    [Fact]
    public void Riga_dates_follow_summer_time()
    {
        // 21:30 UTC on 13 August is 00:30 on 14 August in Riga (UTC+3 in summer).
        Assert.Equal(new DateOnly(2025, 8, 14), RigaCalendar.DateOf(new DateTime(2025, 8, 13, 21, 30, 0, DateTimeKind.Utc)));
        // 22:30 UTC on 13 January is 00:30 on 14 January (UTC+2 in winter).
        Assert.Equal(new DateOnly(2025, 1, 14), RigaCalendar.DateOf(new DateTime(2025, 1, 13, 22, 30, 0, DateTimeKind.Utc)));
        Assert.Equal(new DateOnly(2025, 1, 13), RigaCalendar.DateOf(new DateTime(2025, 1, 13, 21, 30, 0, DateTimeKind.Utc)));
    }
}
