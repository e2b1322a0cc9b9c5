using ZemgaleNvo.Domain.Checks;
using ZemgaleNvo.Domain.Checks.Rules;
using ZemgaleNvo.Domain.Reviews;

namespace ZemgaleNvo.UnitTests.Checks;

public class ResultsPresenceRuleTests
{
    private static readonly ResultsPresenceRule Rule = new();

    [Fact]
    public void Leaves_years_with_results_in_every_strand_alone()
    {
        Assert.Empty(AgreementBuilder.Balanced().Findings(Rule));
    }

    [Fact]
    public void Flags_a_year_with_spending_and_no_results_once_not_per_strand()
    {
        var builder = AgreementBuilder.Balanced();
        builder.Year(2).Activities.Clear();

        var finding = Assert.Single(builder.Findings(Rule));

        Assert.Equal(ConsistencyRuleCodes.YearWithoutResults, finding.RuleCode);
        Assert.Equal(FindingSeverity.Deviation, finding.Severity);
        Assert.Equal(2, finding.YearNumber);
        Assert.Equal($"II. īstenošanas gadam nav neviena rezultāta, lai gan izlietoti {Lv.Euro("15 000,00")}.", finding.MessageLv);
        Assert.Equal("Year II has no results, although EUR 15,000.00 was spent.", finding.MessageEn);
    }

    [Fact]
    public void Flags_a_submitted_year_with_nothing_in_it()
    {
        var builder = new AgreementBuilder(years: 1);
        builder.Line("muzeju programmām", 10_000_00);
        builder.Status(1, ReviewStatus.Submitted);

        var finding = Assert.Single(builder.Findings(Rule));

        Assert.Equal("I. īstenošanas gadam nav neviena rezultāta.", finding.MessageLv);
    }

    [Fact]
    public void Leaves_a_draft_year_not_yet_started_alone()
    {
        var builder = new AgreementBuilder(years: 2);
        var line = builder.Line("muzeju programmām", 10_000_00);
        builder.Spent(1, line, 10_000_00).Result(1, line);

        Assert.Empty(builder.Findings(Rule));
    }

    [Fact]
    public void Flags_a_strand_with_money_and_no_results()
    {
        var builder = AgreementBuilder.Balanced();
        builder.Year(1).Activities.RemoveAll(a => a.BudgetLineId == builder.Festivals.Id);

        var finding = Assert.Single(builder.Findings(Rule));

        Assert.Equal(ConsistencyRuleCodes.StrandWithoutResults, finding.RuleCode);
        Assert.Equal(FindingSeverity.Deviation, finding.Severity);
        Assert.Equal(1, finding.YearNumber);
        Assert.Equal(builder.Festivals.Id, finding.BudgetLineId);
        Assert.Equal(
            $"I. īstenošanas gadā pozīcijai „novada festivāliem” nav neviena rezultāta, lai gan tai plānoti {Lv.Euro("5 000,00")} un izlietoti {Lv.Euro("5 000,00")}.",
            finding.MessageLv);
    }

    [Fact]
    public void Leaves_a_strand_without_money_that_year_alone()
    {
        var builder = AgreementBuilder.Balanced();
        builder.Planned(1, builder.Festivals, 0).Spent(1, builder.Festivals, 0);
        builder.Year(1).Activities.RemoveAll(a => a.BudgetLineId == builder.Festivals.Id);

        Assert.Empty(builder.Findings(Rule));
    }
}
