using System.Globalization;
using ZemgaleNvo.Domain.Checks;

namespace ZemgaleNvo.UnitTests.Checks;

public class ConsistencyCheckerTests
{
    [Fact]
    public void A_consistent_agreement_has_no_findings()
    {
        var builder = AgreementBuilder.Balanced(years: 3).ReportedTotal(1, 15_000_00).ReportedTotal(2, 15_000_00).ReportedTotal(3, 15_000_00);

        Assert.Empty(builder.AllFindings());
    }

    [Fact]
    public void Lists_agreement_findings_first_then_year_by_year()
    {
        var builder = new AgreementBuilder(years: 2, taskText: "Darbs Kurzemes reģionā");
        var line = builder.Line("muzeju programmām", 10_000_00);
        builder.Spent(2, line, 11_000_00).Result(2, line);
        builder.Spent(1, line, 10_000_00).ReportedTotal(1, 9_000_00).Result(1, line);

        var findings = builder.AllFindings();

        Assert.Equal(
            [
                (ConsistencyRuleCodes.TaskRegionMismatch, (int?)null),
                (ConsistencyRuleCodes.ReportedTotalMismatch, 1),
                (ConsistencyRuleCodes.LineOverspent, 2),
            ],
            findings.Select(f => (f.RuleCode, f.YearNumber)));
    }

    [Fact]
    public void Runs_only_the_rules_it_is_given()
    {
        var builder = new AgreementBuilder(taskText: "Darbs Kurzemes reģionā");

        Assert.Empty(ConsistencyChecker.Check(builder.Agreement, AgreementBuilder.Regions, []));
        Assert.Single(ConsistencyChecker.Check(builder.Agreement, AgreementBuilder.Regions));
    }

    [Fact]
    public void Every_default_rule_has_its_own_class()
    {
        var types = ConsistencyChecker.DefaultRules.Select(r => r.GetType()).ToList();

        Assert.Equal(types.Count, types.Distinct().Count());
    }

    [Theory]
    [InlineData("lv-LV", true)]
    [InlineData("lv", true)]
    [InlineData("en-GB", false)]
    [InlineData("de", false)]
    public void Gives_the_Latvian_message_for_Latvian_and_the_English_one_otherwise(string culture, bool latvian)
    {
        var finding = new ConsistencyFinding("x", FindingSeverity.Warning, null, null, null, "lv", "en");

        Assert.Equal(latvian ? "lv" : "en", finding.Message(CultureInfo.GetCultureInfo(culture)));
        Assert.Equal("lv", finding.Message(null));
    }
}
