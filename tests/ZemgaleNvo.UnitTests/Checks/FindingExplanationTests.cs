using ZemgaleNvo.Domain.Checks;

namespace ZemgaleNvo.UnitTests.Checks;

public class FindingExplanationTests
{
    [Theory]
    [InlineData("line-overspent", 12, null)]
    [InlineData("indicator-below-target", null, 7)]
    [InlineData("year-without-results", null, null)]
    public void A_findings_key_reads_back_from_its_form_value(string rule, int? line, int? indicator)
    {
        var key = new FindingKey(rule, 3, line, indicator);

        Assert.Equal(key, FindingKey.Parse(key.FormValue, 3));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("line-overspent")]
    [InlineData("line-overspent:x:")]
    [InlineData("line-overspent:1:2:3")]
    [InlineData(":1:")]
    [InlineData("line-overspent:-1:")]
    public void Anything_else_is_no_key(string? value) => Assert.Null(FindingKey.Parse(value, 1));

    [Fact]
    public void The_key_is_the_rule_year_line_and_indicator_not_the_message_or_the_result()
    {
        var before = new ConsistencyFinding("line-overspent", FindingSeverity.Deviation, 2, 5, null, "pārsniegums 10,00", "10.00 over");
        var after = before with { MessageLv = "pārsniegums 20,00", ActivityId = 9 };
        var indicator = before with { IndicatorId = 4 };

        Assert.Equal(FindingKey.Of(before), FindingKey.Of(after));
        Assert.NotEqual(FindingKey.Of(before), FindingKey.Of(indicator));
        Assert.Null(FindingKey.Of(before with { YearNumber = null }));
    }

    [Fact]
    public void Rewriting_the_text_withdraws_the_acceptance_and_saving_it_unchanged_keeps_it()
    {
        var explanation = new FindingExplanation { RuleCode = "line-overspent", Text = "", WrittenByName = "" };
        explanation.Write("Cenas pieauga.", "u1", "Anna", DateTime.UtcNow);
        explanation.Accept("r1", "Rita", DateTime.UtcNow);

        explanation.Write("Cenas pieauga.", "u1", "Anna", DateTime.UtcNow);
        Assert.True(explanation.IsAccepted);

        explanation.Write("Cenas pieauga par 10 %.", "u1", "Anna", DateTime.UtcNow);
        Assert.False(explanation.IsAccepted);
        Assert.True(explanation.IsGiven);
    }
}
