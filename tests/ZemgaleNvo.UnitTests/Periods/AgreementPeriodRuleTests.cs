using ZemgaleNvo.Domain.Agreements;

namespace ZemgaleNvo.UnitTests.Periods;

public class AgreementPeriodRuleTests
{
    [Theory]
    [InlineData("2022-07-15", "2025-07-14", AgreementPeriodError.None)]
    [InlineData("2024-01-01", "2024-01-01", AgreementPeriodError.None)]
    [InlineData("2025-07-14", "2022-07-15", AgreementPeriodError.EndBeforeStart)]
    [InlineData("2020-01-01", "2029-12-31", AgreementPeriodError.None)]
    [InlineData("2020-01-01", "2030-01-01", AgreementPeriodError.TooLong)]
    [InlineData("2025-07-15", "2205-07-14", AgreementPeriodError.TooLong)]
    public void A_period_ends_after_it_starts_and_spans_at_most_ten_years(string start, string end, AgreementPeriodError expected) =>
        Assert.Equal(expected, AgreementPeriodRule.Check(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void The_seed_period_gives_three_years()
    {
        var agreement = new DelegationAgreement { Title = "t", TaskText = "t", PeriodStart = new DateOnly(2022, 7, 15), PeriodEnd = new DateOnly(2025, 7, 14) };

        agreement.GenerateYears();

        Assert.Equal(3, agreement.Years.Count);
        Assert.Equal(new DateOnly(2024, 7, 15), agreement.Years[2].StartDate);
    }
}
