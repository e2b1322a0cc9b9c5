using ZemgaleNvo.Domain.Checks;
using ZemgaleNvo.Domain.Checks.Rules;

namespace ZemgaleNvo.UnitTests.Checks;

public class ActivityDatesRuleTests
{
    private static readonly ActivityDatesRule Rule = new();

    // Year I runs 01.03.2021–28.02.2022, year II 01.03.2022–28.02.2023.
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Theory]
    [InlineData(2021, 3, 1)]
    [InlineData(2022, 2, 28)]
    public void Leaves_dates_within_the_year_alone(int y, int m, int d)
    {
        var builder = AgreementBuilder.Balanced();
        builder.Result(1, builder.Museums, D(y, m, d), D(y, m, d));
        builder.Result(1, builder.Museums, D(2021, 3, 1), D(2022, 2, 28));
        builder.Result(1, builder.Museums, null, null);

        Assert.Empty(builder.Findings(Rule));
    }

    [Fact]
    public void Flags_a_date_outside_the_year()
    {
        var builder = AgreementBuilder.Balanced();
        var activity = builder.Result(1, builder.Festivals, D(2022, 3, 5), D(2022, 3, 5));

        var finding = Assert.Single(builder.Findings(Rule));

        Assert.Equal(ConsistencyRuleCodes.ActivityOutsideYear, finding.RuleCode);
        // An error the performer fixes (the date or the year), not a deviation to explain.
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Equal(1, finding.YearNumber);
        Assert.Equal(builder.Festivals.Id, finding.BudgetLineId);
        Assert.Equal(activity.Id, finding.ActivityId);
        Assert.Equal(
            "I. īstenošanas gada pozīcijas „novada festivāliem” 2. rezultāta datums 05.03.2022. ir ārpus īstenošanas gada (01.03.2021.–28.02.2022.).",
            finding.MessageLv);
        Assert.Equal(
            "Result 2 of the line “novada festivāliem” in year I: its date 05/03/2022 lies outside the implementation year (01/03/2021–28/02/2022).",
            finding.MessageEn);
    }

    [Fact]
    public void Flags_a_period_that_reaches_outside_the_year()
    {
        var builder = AgreementBuilder.Balanced();
        builder.Result(2, builder.Museums, D(2022, 2, 20), D(2022, 3, 3));

        var finding = Assert.Single(builder.Findings(Rule));

        Assert.Contains("2. rezultāta laiks 20.02.2022.–03.03.2022. iziet ārpus īstenošanas gada (01.03.2022.–28.02.2023.)", finding.MessageLv, StringComparison.Ordinal);
    }

    [Fact]
    public void Flags_an_end_before_the_start_as_an_error()
    {
        var builder = AgreementBuilder.Balanced();
        builder.Result(1, builder.Museums, D(2021, 6, 10), D(2021, 6, 1));

        var finding = Assert.Single(builder.Findings(Rule));

        Assert.Equal(ConsistencyRuleCodes.ActivityDatesReversed, finding.RuleCode);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Equal(
            "I. īstenošanas gada pozīcijas „muzeju programmām” 2. rezultāta beigu datums 01.06.2021. ir pirms sākuma datuma 10.06.2021.",
            finding.MessageLv);
    }
}
