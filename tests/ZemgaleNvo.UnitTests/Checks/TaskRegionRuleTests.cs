using ZemgaleNvo.Domain.Checks;
using ZemgaleNvo.Domain.Checks.Rules;

namespace ZemgaleNvo.UnitTests.Checks;

public class TaskRegionRuleTests
{
    private static IReadOnlyList<ConsistencyFinding> Check(string taskText) =>
        new AgreementBuilder(taskText: taskText).Findings(new TaskRegionRule());

    [Fact]
    public void Flags_a_task_text_that_names_another_region()
    {
        var finding = Assert.Single(Check("Par kultūras mantojuma popularizēšanu Vidzemes reģionā"));

        Assert.Equal(ConsistencyRuleCodes.TaskRegionMismatch, finding.RuleCode);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Null(finding.YearNumber);
        Assert.Equal("Valsts pārvaldes uzdevuma tekstā minēts „Vidzemes reģionā” (Vidzemes reģions), bet līguma reģions ir Latgales reģions.", finding.MessageLv);
        Assert.Equal("The task text names “Vidzemes reģionā” (Vidzemes reģions), but the agreement's region is Latgales reģions.", finding.MessageEn);
    }

    [Theory]
    [InlineData("Darbs VIDZEMES REĢIONA pašvaldībās")]
    [InlineData("Darbs vidzemes   reģionam")]
    [InlineData("Darbs Vidzemes\u00A0reģionā")]
    [InlineData("Darbs Vidzemes plānošanas reģionā")]
    public void Finds_the_mention_in_any_case_form_and_spacing(string taskText)
    {
        Assert.Single(Check(taskText));
    }

    [Fact]
    public void Flags_each_other_region_named_once()
    {
        var findings = Check("Sadarbība starp Vidzemes reģionu, Kurzemes reģionu un Latgales reģionu");

        Assert.Equal(2, findings.Count);
        Assert.Contains(findings, f => f.MessageLv.Contains("Vidzemes reģionu", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.MessageLv.Contains("Kurzemes reģionu", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Par kultūras mantojuma popularizēšanu Latgales reģionā")] // its own region
    [InlineData("Par kultūras mantojuma popularizēšanu")]                  // no region at all
    [InlineData("Sadarbība ar biedrību „Kurzemes NVO centrs”")]              // a stem, but not a region
    [InlineData("Pieredzes brauciens uz Vidzemes jūrmalu")]                 // a stem, but not a region
    [InlineData("Sadarbība ar Ziemeļvidzemes reģiona skolām")]              // the stem inside a longer word
    public void Leaves_a_task_text_that_names_no_other_region_alone(string taskText)
    {
        Assert.Empty(Check(taskText));
    }
}
