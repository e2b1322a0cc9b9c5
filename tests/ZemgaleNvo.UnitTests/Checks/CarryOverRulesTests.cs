using ZemgaleNvo.Domain.Checks;
using ZemgaleNvo.Domain.Checks.Rules;

namespace ZemgaleNvo.UnitTests.Checks;

public class CarryOverMatchesRemainderRuleTests
{
    private static readonly CarryOverMatchesRemainderRule Rule = new();

    [Fact]
    public void Leaves_a_year_that_spent_everything_and_carried_nothing_alone()
    {
        Assert.Empty(AgreementBuilder.Balanced().Findings(Rule));
    }

    [Fact]
    public void Leaves_a_year_that_carried_exactly_what_each_line_had_left_alone()
    {
        var builder = AgreementBuilder.Balanced();
        builder.Spent(1, builder.Museums, 9_000_00).Carried(1, builder.Museums, 1_000_00)
            .Spent(1, builder.Festivals, 4_750_00).Carried(1, builder.Festivals, 250_00);

        Assert.Empty(builder.Findings(Rule));
    }

    [Fact]
    public void Carrying_out_more_than_was_left_is_an_error()
    {
        var builder = AgreementBuilder.Balanced();
        builder.Spent(1, builder.Museums, 9_000_00).Carried(1, builder.Museums, 1_500_00);

        var finding = Assert.Single(builder.Findings(Rule));

        Assert.Equal(ConsistencyRuleCodes.CarryOverTotalMismatch, finding.RuleCode);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Equal(1, finding.YearNumber);
        Assert.Equal(
            $"No I. īstenošanas gada uz nākamo gadu pārcelti {Lv.Euro("1 500,00")}, bet gada neizlietotais atlikums ir {Lv.Euro("1 000,00")} " +
            $"(pārcelts par {Lv.Euro("500,00")} vairāk, nekā palika).",
            finding.MessageLv);
    }

    [Fact]
    public void Carrying_out_less_than_was_left_is_a_warning()
    {
        var builder = AgreementBuilder.Balanced();
        builder.Spent(1, builder.Museums, 9_000_00).Carried(1, builder.Museums, 600_00);

        var finding = Assert.Single(builder.Findings(Rule));

        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Equal(
            $"I. īstenošanas gada neizlietotais atlikums ir {Lv.Euro("1 000,00")}, bet uz nākamo gadu pārcelti tikai {Lv.Euro("600,00")}; " +
            $"{Lv.Euro("400,00")} nav uzrādīti ne kā pārcelti, ne kā atmaksāti.",
            finding.MessageLv);
        Assert.Equal(
            "The unspent remainder of year I is EUR 1,000.00, but only EUR 600.00 was carried into the next year; EUR 400.00 is shown neither as carried over nor as returned.",
            finding.MessageEn);
    }

    [Fact]
    public void Says_so_when_nothing_was_carried()
    {
        var builder = AgreementBuilder.Balanced();
        builder.Spent(1, builder.Festivals, 4_000_00);

        var finding = Assert.Single(builder.Findings(Rule));

        Assert.Contains("bet uz nākamo gadu nekas nav pārcelts", finding.MessageLv, StringComparison.Ordinal);
    }

    [Fact]
    public void A_split_that_ignores_the_lines_remainders_points_to_an_unrecorded_move()
    {
        var builder = AgreementBuilder.Balanced();
        builder.Spent(1, builder.Museums, 9_000_00).Carried(1, builder.Museums, 400_00)
            .Carried(1, builder.Festivals, 600_00);

        var finding = Assert.Single(builder.Findings(Rule));

        Assert.Equal(ConsistencyRuleCodes.CarryOverSplitMismatch, finding.RuleCode);
        Assert.Equal(
            $"I. īstenošanas gada pārcelšanas kopsumma ({Lv.Euro("1 000,00")}) sakrīt ar atlikumu, bet sadalījums pa pozīcijām ne: " +
            $"pozīcijai „muzeju programmām” atlika {Lv.Euro("1 000,00")}, pārcelti {Lv.Euro("400,00")}; " +
            $"pozīcijai „novada festivāliem” atlika {Lv.Euro("0,00")}, pārcelti {Lv.Euro("600,00")}. Tas liecina par nereģistrētu pārdali starp pozīcijām.",
            finding.MessageLv);
    }

    [Fact]
    public void Leaves_a_split_around_an_overspent_line_to_the_overspend_rule()
    {
        var builder = AgreementBuilder.Balanced();
        builder.Spent(1, builder.Museums, 11_500_00).Carried(1, builder.Museums, 100_00)
            .Spent(1, builder.Festivals, 2_000_00).Carried(1, builder.Festivals, 1_400_00);

        Assert.Empty(builder.Findings(Rule));
    }

    [Fact]
    public void Skips_years_not_yet_reported_and_the_last_year()
    {
        var builder = new AgreementBuilder(years: 3);
        var line = builder.Line("muzeju programmām", 10_000_00);
        builder.Spent(1, line, 10_000_00).Result(1, line);
        builder.Spent(3, line, 9_000_00); // the last year's remainder is FinalRemainderRule's

        Assert.Empty(builder.Findings(Rule)); // year II: a draft with nothing in it
    }
}

public class NoCarryOverFromLastYearRuleTests
{
    private static readonly NoCarryOverFromLastYearRule Rule = new();

    [Fact]
    public void Flags_money_carried_out_of_the_last_year()
    {
        var builder = AgreementBuilder.Balanced(years: 3);
        builder.Spent(3, builder.Festivals, 4_200_00).Carried(3, builder.Festivals, 800_00);

        var finding = Assert.Single(builder.Findings(Rule));

        Assert.Equal(ConsistencyRuleCodes.CarryOverFromLastYear, finding.RuleCode);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Equal(3, finding.YearNumber);
        Assert.Equal(builder.Festivals.Id, finding.BudgetLineId);
        Assert.Equal(
            $"III. īstenošanas gads ir līguma pēdējais, tomēr no tā pozīcijai „novada festivāliem” uz nākamo periodu pārcelti {Lv.Euro("800,00")}: " +
            "nav gada, kurā tos izlietot. Neizlietotais atlikums jāatmaksā.",
            finding.MessageLv);
    }

    [Fact]
    public void Carrying_out_of_an_earlier_year_is_not_its_business()
    {
        var builder = AgreementBuilder.Balanced(years: 3);
        builder.Spent(2, builder.Festivals, 4_200_00).Carried(2, builder.Festivals, 800_00);

        Assert.Empty(builder.Findings(Rule));
    }
}
