using ZemgaleNvo.Domain.Checks;
using ZemgaleNvo.Domain.Checks.Rules;

namespace ZemgaleNvo.UnitTests.Checks;

public class ReportedTotalRuleTests
{
    private static readonly ReportedTotalRule Rule = new();

    [Fact]
    public void Leaves_a_stated_total_equal_to_the_lines_alone()
    {
        var builder = AgreementBuilder.Balanced().ReportedTotal(1, 15_000_00).ReportedTotal(2, 15_000_00);

        Assert.Empty(builder.Findings(Rule));
    }

    [Fact]
    public void Leaves_years_without_a_stated_total_alone()
    {
        Assert.Empty(AgreementBuilder.Balanced().Findings(Rule));
    }

    [Fact]
    public void Flags_a_stated_total_that_differs_from_the_lines()
    {
        var builder = AgreementBuilder.Balanced().ReportedTotal(2, 14_800_00);

        var finding = Assert.Single(builder.Findings(Rule));

        Assert.Equal(ConsistencyRuleCodes.ReportedTotalMismatch, finding.RuleCode);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Equal(2, finding.YearNumber);
        Assert.Equal(
            $"II. īstenošanas gada faktiskie izdevumi norādīti {Lv.Euro("14 800,00")} apmērā, bet pozīciju faktisko izdevumu summa ir {Lv.Euro("15 000,00")} " +
            $"(starpība {Lv.Euro("200,00")}).",
            finding.MessageLv);
        Assert.Equal(
            "The actual spend of year II is stated as EUR 14,800.00, but the lines' actuals add up to EUR 15,000.00 (difference EUR 200.00).",
            finding.MessageEn);
    }

    [Fact]
    public void Compares_with_itemised_spending_where_a_line_has_it()
    {
        // Museums' itemised entries (6 000 + 3 500) win over its reported 10 000, as everywhere in the budget.
        var builder = AgreementBuilder.Balanced().ReportedTotal(1, 15_000_00);
        builder.Itemised(1, builder.Museums, 6_000_00).Itemised(1, builder.Museums, 3_500_00);

        var finding = Assert.Single(builder.Findings(Rule));

        Assert.Contains($"summa ir {Lv.Euro("14 500,00")}", finding.MessageLv, StringComparison.Ordinal);
    }
}
