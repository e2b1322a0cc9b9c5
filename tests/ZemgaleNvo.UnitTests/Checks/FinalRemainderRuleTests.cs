using ZemgaleNvo.Domain.Checks;
using ZemgaleNvo.Domain.Checks.Rules;

namespace ZemgaleNvo.UnitTests.Checks;

public class FinalRemainderRuleTests
{
    private static readonly FinalRemainderRule Rule = new();

    [Fact]
    public void Leaves_an_agreement_that_spent_everything_alone()
    {
        Assert.Empty(AgreementBuilder.Balanced().Findings(Rule));
    }

    [Fact]
    public void Money_carried_into_the_last_year_and_left_unspent_is_a_deviation_with_the_figures_per_line()
    {
        var builder = AgreementBuilder.Balanced();
        builder.Spent(1, builder.Museums, 9_000_00).Carried(1, builder.Museums, 1_000_00)
            .Spent(2, builder.Festivals, 5_300_00); // year II: museums spend their plan only, festivals overspend by 300

        var finding = Assert.Single(builder.Findings(Rule));

        Assert.Equal(ConsistencyRuleCodes.FinalRemainderNotReturned, finding.RuleCode);
        Assert.Equal(FindingSeverity.Deviation, finding.Severity);
        Assert.Equal(2, finding.YearNumber);
        Assert.Equal(
            $"Līguma pēdējā, II. īstenošanas gadā bija pieejami {Lv.Euro("16 000,00")} (t.sk. {Lv.Euro("1 000,00")}, kas pārcelti no iepriekšējā gada), " +
            $"bet izlietoti {Lv.Euro("15 300,00")}. Atlikums {Lv.Euro("700,00")} nav uzrādīts ne kā izlietots, ne kā atmaksāts. " +
            $"Pa pozīcijām: pozīcijai „muzeju programmām” atlikuši {Lv.Euro("1 000,00")} no pieejamajiem {Lv.Euro("11 000,00")}; " +
            $"pozīcijā „novada festivāliem” izlietoti par {Lv.Euro("300,00")} vairāk nekā pieejamie {Lv.Euro("5 000,00")}.",
            finding.MessageLv);
        Assert.Equal(
            "In year II, the agreement's last, EUR 16,000.00 was available (including EUR 1,000.00 carried in from the previous year) and EUR 15,300.00 was spent. " +
            "The remainder of EUR 700.00 is shown neither as spent nor as returned. " +
            "By line: “muzeju programmām” has EUR 1,000.00 left of EUR 11,000.00 available; “novada festivāliem” is EUR 300.00 over its EUR 5,000.00 available.",
            finding.MessageEn);
    }

    [Fact]
    public void A_plain_underspend_of_the_last_year_is_a_warning_to_return_it()
    {
        var builder = AgreementBuilder.Balanced();
        builder.Spent(2, builder.Festivals, 4_500_00);

        var finding = Assert.Single(builder.Findings(Rule));

        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Contains($"Atlikums {Lv.Euro("500,00")} nav uzrādīts ne kā izlietots, ne kā atmaksāts; tas jāatmaksā.", finding.MessageLv, StringComparison.Ordinal);
        Assert.DoesNotContain("pārcelti", finding.MessageLv, StringComparison.Ordinal);
    }

    [Fact]
    public void An_overall_overspend_is_left_to_the_overspend_rule()
    {
        var builder = AgreementBuilder.Balanced();
        builder.Spent(2, builder.Festivals, 5_500_00);

        Assert.Empty(builder.Findings(Rule));
    }

    [Fact]
    public void A_last_year_not_yet_reported_is_not_checked()
    {
        var builder = new AgreementBuilder(years: 2);
        var line = builder.Line("muzeju programmām", 10_000_00);
        builder.Spent(1, line, 10_000_00).Result(1, line);

        Assert.Empty(builder.Findings(Rule));
    }
}
