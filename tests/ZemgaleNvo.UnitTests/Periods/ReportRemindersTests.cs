using ZemgaleNvo.Domain.Periods;
using ZemgaleNvo.Domain.Reviews;

namespace ZemgaleNvo.UnitTests.Periods;

public class ReportRemindersTests
{
    private static readonly DateOnly Due = new(2025, 8, 13);

    private static ReminderKind? On(DateOnly today, ReviewStatus status = ReviewStatus.Draft, DateOnly? submitted = null) =>
        ReportReminders.Due(Deadline.Evaluate(Due, status, submitted, today), catchUpDays: 7);

    [Theory]
    [InlineData(-30, null)]
    [InlineData(-15, null)]
    [InlineData(-14, ReminderKind.TwoWeeksBefore)]
    [InlineData(-4, ReminderKind.TwoWeeksBefore)]
    [InlineData(-3, ReminderKind.ThreeDaysBefore)]
    [InlineData(0, ReminderKind.ThreeDaysBefore)]
    [InlineData(1, ReminderKind.DayAfter)]
    [InlineData(7, ReminderKind.DayAfter)]
    [InlineData(8, null)]
    [InlineData(400, null)]
    public void The_reminder_due_on_a_day_relative_to_the_due_date(int offset, ReminderKind? expected) =>
        Assert.Equal(expected, On(Due.AddDays(offset)));

    [Fact]
    public void A_submitted_report_gets_no_reminder_even_after_it_was_returned()
    {
        Assert.Null(On(Due.AddDays(-2), ReviewStatus.Submitted, Due.AddDays(-5)));
        Assert.Null(On(Due.AddDays(2), ReviewStatus.Returned, Due.AddDays(-5)));
        // Approved before the portal recorded submissions (taken over from paper).
        Assert.Null(On(Due.AddDays(2), ReviewStatus.Approved));
    }

    [Fact]
    public void The_keys_name_the_kind()
    {
        Assert.Equal("before-14", ReportReminders.KeyName(ReminderKind.TwoWeeksBefore));
        Assert.Equal("before-3", ReportReminders.KeyName(ReminderKind.ThreeDaysBefore));
        Assert.Equal("overdue", ReportReminders.KeyName(ReminderKind.DayAfter));
    }
}
