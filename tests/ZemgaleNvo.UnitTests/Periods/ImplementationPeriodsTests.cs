using ZemgaleNvo.Domain.Periods;

namespace ZemgaleNvo.UnitTests.Periods;

public class ImplementationPeriodsTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void Seed_agreement_splits_into_three_years_from_15_July_to_14_July()
    {
        var years = ImplementationPeriods.Split(new DateRange(D(2022, 7, 15), D(2025, 7, 14)));

        Assert.Equal(
            [
                new DateRange(D(2022, 7, 15), D(2023, 7, 14)),
                new DateRange(D(2023, 7, 15), D(2024, 7, 14)),
                new DateRange(D(2024, 7, 15), D(2025, 7, 14)),
            ],
            years);
    }

    [Fact]
    public void A_year_that_spans_29_February_has_366_days()
    {
        var years = ImplementationPeriods.Split(new DateRange(D(2023, 7, 15), D(2025, 7, 14)));

        Assert.Equal(366, years[0].Days); // 15.07.2023–14.07.2024 contains 29.02.2024
        Assert.Equal(365, years[1].Days);
    }

    [Fact]
    public void The_last_year_is_cut_short_at_the_end_of_the_period()
    {
        var years = ImplementationPeriods.Split(new DateRange(D(2022, 7, 15), D(2024, 12, 31)));

        Assert.Equal(3, years.Count);
        Assert.Equal(new DateRange(D(2024, 7, 15), D(2024, 12, 31)), years[^1]);
    }

    [Fact]
    public void A_period_shorter_than_a_year_is_one_short_year()
    {
        var years = ImplementationPeriods.Split(new DateRange(D(2025, 1, 1), D(2025, 3, 31)));

        Assert.Equal([new DateRange(D(2025, 1, 1), D(2025, 3, 31))], years);
    }

    [Fact]
    public void A_single_day_period_is_one_year_of_one_day()
    {
        var years = ImplementationPeriods.Split(new DateRange(D(2025, 1, 1), D(2025, 1, 1)));

        Assert.Equal(1, Assert.Single(years).Days);
    }

    [Fact]
    public void A_start_on_29_February_keeps_its_anniversary_from_drifting()
    {
        var years = ImplementationPeriods.Split(new DateRange(D(2024, 2, 29), D(2029, 2, 28)));

        // In common years the anniversary of 29 February falls on 1 March, so each year keeps all
        // of February; in the next leap year it is 29 February again.
        Assert.Equal(
            [
                new DateRange(D(2024, 2, 29), D(2025, 2, 28)),
                new DateRange(D(2025, 3, 1), D(2026, 2, 28)),
                new DateRange(D(2026, 3, 1), D(2027, 2, 28)),
                new DateRange(D(2027, 3, 1), D(2028, 2, 28)),
                new DateRange(D(2028, 2, 29), D(2029, 2, 28)),
            ],
            years);
    }

    [Theory]
    [InlineData("2022-07-15", "2025-07-14")]
    [InlineData("2020-02-29", "2031-06-30")]
    [InlineData("2023-12-31", "2024-12-30")]
    [InlineData("2019-03-01", "2029-02-28")]
    [InlineData("2024-01-31", "2024-02-29")]
    public void Years_tile_the_period_exactly(string start, string end)
    {
        var period = new DateRange(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture));

        var years = ImplementationPeriods.Split(period);

        Assert.Equal(period.Start, years[0].Start);
        Assert.Equal(period.End, years[^1].End);
        for (var i = 1; i < years.Count; i++)
        {
            Assert.Equal(years[i - 1].End.AddDays(1), years[i].Start);
        }
        Assert.Equal(period.Days, years.Sum(y => y.Days));
        Assert.All(years.SkipLast(1), y => Assert.InRange(y.Days, 365, 366));
    }

    [Fact]
    public void A_range_ending_before_it_starts_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new DateRange(D(2025, 1, 2), D(2025, 1, 1)));
    }
}
