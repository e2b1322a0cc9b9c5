using ZemgaleNvo.Domain.Checks;
using ZemgaleNvo.Domain.Checks.Rules;

namespace ZemgaleNvo.UnitTests.Checks;

public class IndicatorDoubleCountRuleTests
{
    private static readonly IndicatorDoubleCountRule Rule = new();

    [Fact]
    public void Flags_two_results_of_one_strand_and_year_counting_the_same_thing()
    {
        var builder = AgreementBuilder.Balanced();
        builder.Result(2, builder.Festivals, (3, "koncerti"), (9, "radošās darbnīcas / meistarklases")).Text = "Kopumā notikuši 3 koncerti un 9 radošās darbnīcas / meistarklases";
        var second = builder.Result(2, builder.Festivals, (4, "meistarklasēm"));

        var finding = Assert.Single(builder.Findings(Rule));

        Assert.Equal(ConsistencyRuleCodes.IndicatorPossibleDoubleCount, finding.RuleCode);
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Equal(2, finding.YearNumber);
        Assert.Equal(builder.Festivals.Id, finding.BudgetLineId);
        Assert.Equal(second.Id, finding.ActivityId);
        Assert.Equal(
            "II. īstenošanas gadā pozīcijas „novada festivāliem” 2. rezultātā uzrādīti 9 „radošās darbnīcas / meistarklases”, " +
            "bet 3. rezultātā — 4 „meistarklasēm”: nav skaidrs, vai tie ir daļa no pirmā skaita vai papildus tam (iespējams, skaitīti divreiz).",
            finding.MessageLv);
    }

    [Fact]
    public void Leaves_results_that_count_the_same_unit_alone_when_none_states_a_total()
    {
        var builder = AgreementBuilder.Balanced();
        builder.Result(1, builder.Museums, (40, "dalībnieki"));
        builder.Result(1, builder.Museums, (25, "dalībnieki"));
        builder.Result(1, builder.Museums, (31, "dalībniekiem"));

        Assert.Empty(builder.Findings(Rule));
    }

    [Fact]
    public void Flags_a_later_total_against_an_earlier_count_too()
    {
        var builder = AgreementBuilder.Balanced();
        builder.Result(1, builder.Museums, (2, "lekcijas"));
        builder.Result(1, builder.Museums, (7, "lekcijas")).Text = "Pavisam novadītas 7 lekcijas";

        Assert.Single(builder.Findings(Rule));
    }

    [Fact]
    public void Leaves_the_same_unit_in_different_strands_or_years_alone()
    {
        var builder = AgreementBuilder.Balanced();
        builder.Result(1, builder.Museums, (5, "ekskursijas")).Text = "Kopā 5 ekskursijas";
        builder.Result(1, builder.Festivals, (2, "ekskursijas"));
        builder.Result(2, builder.Museums, (4, "ekskursijas"));

        Assert.Empty(builder.Findings(Rule));
    }

    [Fact]
    public void Leaves_different_units_that_merely_share_a_word_alone()
    {
        var builder = AgreementBuilder.Balanced();
        builder.Result(1, builder.Museums, (6, "tiešsaistes lekcijas")).Text = "Kopumā 6 tiešsaistes lekcijas";
        builder.Result(1, builder.Museums, (2, "lekcijas"));
        builder.Result(1, builder.Museums, (4, "Latgales reģiona NVO"));
        builder.Result(1, builder.Museums, (1, "Latgales NVO forums"));

        Assert.Empty(builder.Findings(Rule));
    }

    [Theory]
    [InlineData("mācību semināri / darbnīcas", "mācību semināri", true)]
    [InlineData("mācību semināri", "Mācību  seminārus", true)]
    [InlineData("mācību semināri", "mācībām semināriem", true)]
    [InlineData("konsultācijas", "konsultāciju", true)]
    [InlineData("pasākumi", "pasākumus", true)]
    [InlineData("tiešsaistes apmācību semināri", "mācību semināri", false)]
    [InlineData("konsultācijas", "konferences", false)]
    [InlineData("ziņas", "ziņojumi", false)]
    [InlineData("stratēģijas", "mazākumtautību NVO", false)]
    public void Units_overlap_when_an_alternative_is_the_same_phrase_in_any_case_form(string a, string b, bool expected)
    {
        Assert.Equal(expected, IndicatorUnits.Overlap(a, b));
        Assert.Equal(expected, IndicatorUnits.Overlap(b, a));
    }
}
