using System.Reflection;
using System.Text.RegularExpressions;
using ZemgaleNvo.Domain.Checks;
using ZemgaleNvo.Domain.Reviews;

namespace ZemgaleNvo.UnitTests.Checks;

/// <summary>
/// The findings' part of the translation-completeness check: their sentences are worded in the
/// Domain (Latvian and English side by side), not in the web catalogue, so this test makes every
/// rule speak and checks that each finding has both sentences and that the English one is English.
/// </summary>
public partial class FindingWordingTests
{
    /// <summary>Made-up agreements that, together, set off every rule at least once.</summary>
    private static IEnumerable<ConsistencyFinding> EveryKindOfFinding()
    {
        var mixed = new AgreementBuilder(years: 2, taskText: "Darbs Kurzemes reģionā");
        var line = mixed.Line("muzeju programmām", 10_000_00);
        mixed.Spent(2, line, 11_000_00).Result(2, line, new DateOnly(2021, 5, 1), new DateOnly(2021, 4, 1));
        mixed.Spent(1, line, 10_000_00).ReportedTotal(1, 9_000_00).Result(1, line, new DateOnly(2023, 1, 5), null);

        var carriedTooMuch = AgreementBuilder.Balanced();
        carriedTooMuch.Spent(1, carriedTooMuch.Museums, 9_000_00).Carried(1, carriedTooMuch.Museums, 1_500_00);

        var carriedWrongLine = AgreementBuilder.Balanced();
        carriedWrongLine.Spent(1, carriedWrongLine.Museums, 9_000_00).Carried(1, carriedWrongLine.Museums, 400_00)
            .Carried(1, carriedWrongLine.Festivals, 600_00);

        var carriedFromLast = AgreementBuilder.Balanced(years: 3);
        carriedFromLast.Spent(3, carriedFromLast.Festivals, 4_200_00).Carried(3, carriedFromLast.Festivals, 800_00);

        var remainderKept = AgreementBuilder.Balanced();
        remainderKept.Spent(2, remainderKept.Festivals, 4_500_00);

        var recovery = AgreementBuilder.Balanced();
        recovery.NonCompliant(2, recovery.Festivals, 500_00, -50_00);
        recovery.NonCompliant(1, recovery.Museums, 500_00, 650_00, new DateOnly(2021, 12, 1));
        recovery.NonCompliant(1, recovery.Festivals, 500_00, 0, new DateOnly(2021, 12, 1));

        var noResults = AgreementBuilder.Balanced();
        noResults.Year(2).Activities.Clear();
        noResults.Year(1).Activities.RemoveAll(a => a.BudgetLineId == noResults.Festivals.Id);
        noResults.Status(2, ReviewStatus.Submitted);

        var doubleCount = AgreementBuilder.Balanced();
        doubleCount.Result(2, doubleCount.Festivals, (3, "koncerti"), (9, "radošās darbnīcas / meistarklases")).Text = "Kopumā notikuši 3 koncerti un 9 radošās darbnīcas / meistarklases";
        doubleCount.Result(2, doubleCount.Festivals, (4, "meistarklasēm"));

        var belowTarget = AgreementBuilder.Balanced();
        var indicator = new ZemgaleNvo.Domain.Agreements.PerformanceIndicator { Id = 900, Name = "Konsultācijas NVO", Unit = "konsultācijas", Qualifier = ZemgaleNvo.Domain.Agreements.IndicatorQualifier.MoreThan };
        indicator.Targets.Add(new ZemgaleNvo.Domain.Agreements.IndicatorTarget { ImplementationYearId = belowTarget.Year(1).Id, Count = 60 });
        belowTarget.Agreement.PerformanceIndicators.Add(indicator);

        return new[] { mixed, carriedTooMuch, carriedWrongLine, carriedFromLast, remainderKept, recovery, noResults, doubleCount, belowTarget }
            .SelectMany(b => b.AllFindings())
            .Concat(ConsistencyChecker.Check(SeedAgreement.Build(), SeedAgreement.Regions));
    }

    [Fact]
    public void Every_rule_code_is_worded_in_Latvian_and_English()
    {
        var findings = EveryKindOfFinding().ToList();
        var codes = typeof(ConsistencyRuleCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();

        var silent = codes.Except(findings.Select(f => f.RuleCode)).ToList();
        Assert.Empty(silent);
        Assert.All(findings, f =>
        {
            Assert.False(string.IsNullOrWhiteSpace(f.MessageLv), f.RuleCode);
            Assert.False(string.IsNullOrWhiteSpace(f.MessageEn), f.RuleCode);
            Assert.NotEqual(f.MessageLv, f.MessageEn);

            // What is left of the English once the quoted names and the data's own Latvian words go.
            var english = Quoted().Replace(f.MessageEn, "");
            foreach (var word in DataWords)
            {
                english = english.Replace(word, "", StringComparison.Ordinal);
            }

            Assert.False(LatvianLetter().IsMatch(english), $"{f.RuleCode}: Latvian in the English message \"{f.MessageEn}\"");
        });
    }

    /// <summary>Region names the task-region rule repeats unquoted: data, not wording.</summary>
    private static readonly string[] DataWords = [.. AgreementBuilder.Regions.Concat(SeedAgreement.Regions).Select(r => r.Name)];

    [GeneratedRegex("“[^”]*”")]
    private static partial Regex Quoted();

    [GeneratedRegex("[āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ]")]
    private static partial Regex LatvianLetter();
}
