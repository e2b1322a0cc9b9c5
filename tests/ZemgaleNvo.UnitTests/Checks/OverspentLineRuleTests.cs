using ZemgaleNvo.Domain.Checks;
using ZemgaleNvo.Domain.Checks.Rules;

namespace ZemgaleNvo.UnitTests.Checks;

public class OverspentLineRuleTests
{
    private static readonly OverspentLineRule Rule = new();

    [Fact]
    public void Leaves_lines_that_spend_what_they_have_alone()
    {
        Assert.Empty(AgreementBuilder.Balanced().Findings(Rule));
    }

    [Fact]
    public void Flags_a_line_that_spent_more_than_it_had()
    {
        var builder = AgreementBuilder.Balanced();
        builder.Spent(2, builder.Museums, 12_000_00);

        var finding = Assert.Single(builder.Findings(Rule));

        Assert.Equal(ConsistencyRuleCodes.LineOverspent, finding.RuleCode);
        // True figures, off plan: explained by the performer, judged by the reviewer.
        Assert.Equal(FindingSeverity.Deviation, finding.Severity);
        Assert.Equal(2, finding.YearNumber);
        Assert.Equal(builder.Museums.Id, finding.BudgetLineId);
        Assert.Equal(
            $"II. īstenošanas gadā pozīcija „muzeju programmām” izlietoja {Lv.Euro("12 000,00")} no pieejamajiem {Lv.Euro("10 000,00")} " +
            $"(pārsniegums {Lv.Euro("2 000,00")}), un to nesedz neviena pārdale.",
            finding.MessageLv);
        Assert.Equal(
            "In year II the line “muzeju programmām” spent EUR 12,000.00 of the EUR 10,000.00 available (EUR 2,000.00 over), and no reallocation covers it.",
            finding.MessageEn);
    }

    [Fact]
    public void A_recorded_reallocation_that_covers_the_overspend_is_fine()
    {
        var builder = AgreementBuilder.Balanced();
        builder.Spent(1, builder.Museums, 12_000_00).Spent(1, builder.Festivals, 3_000_00)
            .Reallocated(1, builder.Festivals, builder.Museums, 2_000_00);

        Assert.Empty(builder.Findings(Rule));
    }

    [Fact]
    public void Says_when_a_recorded_reallocation_covers_only_part()
    {
        var builder = AgreementBuilder.Balanced();
        builder.Spent(1, builder.Museums, 12_000_00).Spent(1, builder.Festivals, 4_500_00)
            .Reallocated(1, builder.Festivals, builder.Museums, 500_00);

        var finding = Assert.Single(builder.Findings(Rule));

        Assert.Contains($"no pieejamajiem {Lv.Euro("10 500,00")} (pārsniegums {Lv.Euro("1 500,00")}), un reģistrētā pārdale ({Lv.Euro("500,00")}) to nesedz.", finding.MessageLv, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_the_move_that_would_make_the_carry_over_split_add_up()
    {
        // Museums: 10 000 − 11 500 = −1 500, yet it carries 100 out. Festivals: 5 000 − 2 000 = 3 000
        // left, but carries only 1 400. The split adds up if 1 600 went from festivals to museums.
        var builder = AgreementBuilder.Balanced();
        builder.Spent(1, builder.Museums, 11_500_00).Carried(1, builder.Museums, 100_00)
            .Spent(1, builder.Festivals, 2_000_00).Carried(1, builder.Festivals, 1_400_00);

        var finding = Assert.Single(builder.Findings(Rule), f => f.YearNumber == 1);

        Assert.EndsWith(
            $"Pārcelšanas sadalījums sakristu, ja no pozīcijas „novada festivāliem” uz pozīciju „muzeju programmām” būtu pārdalīti {Lv.Euro("1 600,00")}.",
            finding.MessageLv, StringComparison.Ordinal);
        Assert.EndsWith(
            "The carry-over split would add up if EUR 1,600.00 from “novada festivāliem” had been reallocated to “muzeju programmām”.",
            finding.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_every_source_when_the_move_came_from_several_lines()
    {
        var builder = AgreementBuilder.Balanced();
        var concerts = builder.Line("koncertiem", 2_000_00);
        builder.Spent(1, concerts, 1_000_00).Carried(1, concerts, 600_00).Result(1, concerts);
        builder.Spent(1, builder.Museums, 11_000_00)
            .Spent(1, builder.Festivals, 4_000_00).Carried(1, builder.Festivals, 400_00);
        // Museums needs 1 000; festivals gave 1 000 − 400 = 600 and concerts 1 000 − 600 = 400.

        var finding = Assert.Single(builder.Findings(Rule), f => f.YearNumber == 1);

        Assert.Contains(
            $"ja uz pozīciju „muzeju programmām” būtu pārdalīti {Lv.Euro("600,00")} no pozīcijas „novada festivāliem” un {Lv.Euro("400,00")} no pozīcijas „koncertiem”.",
            finding.MessageLv, StringComparison.Ordinal);
    }

    [Fact]
    public void Suggests_nothing_when_no_move_explains_the_split()
    {
        var builder = AgreementBuilder.Balanced();
        builder.Spent(1, builder.Museums, 11_500_00).Carried(1, builder.Museums, 100_00)
            .Spent(1, builder.Festivals, 2_000_00).Carried(1, builder.Festivals, 1_000_00);

        var finding = Assert.Single(builder.Findings(Rule), f => f.YearNumber == 1);

        Assert.DoesNotContain("Pārcelšanas", finding.MessageLv, StringComparison.Ordinal);
    }

    [Fact]
    public void Suggests_nothing_without_a_carry_over()
    {
        // The festivals surplus equals the museums overspend, but with nothing carried there is no split to explain.
        var builder = AgreementBuilder.Balanced();
        builder.Spent(1, builder.Museums, 11_000_00).Spent(1, builder.Festivals, 4_000_00);

        var finding = Assert.Single(builder.Findings(Rule));

        Assert.DoesNotContain("Pārcelšanas", finding.MessageLv, StringComparison.Ordinal);
    }

    [Fact]
    public void Flags_every_overspent_line_without_guessing_moves()
    {
        var builder = AgreementBuilder.Balanced();
        var concerts = builder.Line("koncertiem", 4_000_00);
        builder.Spent(1, concerts, 1_000_00).Carried(1, concerts, 800_00).Result(1, concerts);
        builder.Spent(1, builder.Museums, 11_000_00).Spent(1, builder.Festivals, 6_000_00);

        var findings = builder.Findings(Rule);

        Assert.Equal([builder.Museums.Id, builder.Festivals.Id], findings.Select(f => f.BudgetLineId));
        Assert.All(findings, f => Assert.DoesNotContain("Pārcelšanas", f.MessageLv, StringComparison.Ordinal));
    }
}
