using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Checks;
using ZemgaleNvo.Domain.Checks.Rules;

namespace ZemgaleNvo.UnitTests.Checks;

public class IndicatorBelowTargetRuleTests
{
    private static readonly IndicatorBelowTargetRule Rule = new();

    /// <summary>An indicator of the builder's agreement with the given target per year number (null: none).</summary>
    private static PerformanceIndicator Indicator(AgreementBuilder builder, IndicatorQualifier qualifier, params int?[] targets)
    {
        var indicator = new PerformanceIndicator { Id = 900 + builder.Agreement.PerformanceIndicators.Count, AgreementId = builder.Agreement.Id, Ordinal = builder.Agreement.PerformanceIndicators.Count + 1, Name = "Mācību semināri", Unit = "semināri", Qualifier = qualifier };
        for (var i = 0; i < targets.Length; i++)
        {
            if (targets[i] is { } target)
            {
                indicator.Targets.Add(new IndicatorTarget { ImplementationYearId = builder.Year(i + 1).Id, Count = target });
            }
        }
        builder.Agreement.PerformanceIndicators.Add(indicator);
        return indicator;
    }

    private static void Count(AgreementBuilder builder, int year, PerformanceIndicator indicator, int count, IndicatorQualifier qualifier = IndicatorQualifier.Exactly)
    {
        var result = builder.Result(year, builder.Museums);
        result.Indicators.Add(new Indicator { Count = count, Unit = "semināri", Qualifier = qualifier, PerformanceIndicatorId = indicator.Id });
    }

    [Fact]
    public void One_deviation_per_indicator_and_year_short_of_its_target_keyed_by_the_indicator()
    {
        var builder = AgreementBuilder.Balanced();
        var seminars = Indicator(builder, IndicatorQualifier.AtLeast, 8, 8);
        Count(builder, 1, seminars, 5);
        Count(builder, 1, seminars, 2);
        Count(builder, 2, seminars, 8);

        var finding = Assert.Single(builder.Findings(Rule));

        Assert.Equal(ConsistencyRuleCodes.IndicatorBelowTarget, finding.RuleCode);
        Assert.Equal(FindingSeverity.Deviation, finding.Severity);
        Assert.Equal((1, (int?)null, (int?)null, (int?)seminars.Id), (finding.YearNumber!.Value, finding.BudgetLineId, finding.ActivityId, finding.IndicatorId));
        Assert.Equal("I. īstenošanas gadā rādītājs „Mācību semināri” sasniegts 7 „semināri” apmērā, lai gan mērķis ir vismaz 8.", finding.MessageLv);
        Assert.Equal("In year I the indicator “Mācību semināri” reached 7 “semināri”, against a target of at least 8.", finding.MessageEn);
        Assert.Equal(new FindingKey(ConsistencyRuleCodes.IndicatorBelowTarget, 1, null, seminars.Id), FindingKey.Of(finding));
    }

    [Fact]
    public void More_than_is_met_only_by_more_and_a_qualified_count_is_a_lower_bound()
    {
        var builder = AgreementBuilder.Balanced();
        var consultations = Indicator(builder, IndicatorQualifier.MoreThan, 60, 60);
        Count(builder, 1, consultations, 60);                                // exactly 60: not more than 60
        Count(builder, 2, consultations, 60, IndicatorQualifier.MoreThan);   // "vairāk kā 60": at least 61

        var finding = Assert.Single(builder.Findings(Rule));

        Assert.Equal(1, finding.YearNumber);
        var progress = IndicatorProgress.Compute(builder.Agreement);
        Assert.Equal((60, IndicatorQualifier.Exactly, false, 100.0m), (progress[0].Achieved, progress[0].AchievedQualifier, progress[0].Met!.Value, progress[0].Percent!.Value));
        Assert.Equal((60, IndicatorQualifier.MoreThan, true), (progress[1].Achieved, progress[1].AchievedQualifier, progress[1].Met!.Value));
    }

    [Fact]
    public void Years_without_a_target_or_not_yet_reported_and_free_counts_are_left_alone()
    {
        var builder = new AgreementBuilder(years: 3);
        builder.Line("muzeju programmām", 10_000_00);
        var seminars = Indicator(builder, IndicatorQualifier.AtLeast, null, 5, 5);
        builder.Result(2, builder.Museums, (9, "semināri"));   // a free count of the same unit does not count
        // Year I has no target; year II is reported (it has a result) and falls short; year III is not reported yet.

        var finding = Assert.Single(builder.Findings(Rule));

        Assert.Equal(2, finding.YearNumber);
        Assert.Contains("sasniegts 0 „semināri”", finding.MessageLv, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { 4, 8 }, new[] { IndicatorQualifier.Exactly, IndicatorQualifier.Exactly }, 12, IndicatorQualifier.Exactly, 12)]
    [InlineData(new[] { 4, 8 }, new[] { IndicatorQualifier.AtLeast, IndicatorQualifier.Exactly }, 12, IndicatorQualifier.AtLeast, 12)]
    [InlineData(new[] { 60, 8 }, new[] { IndicatorQualifier.MoreThan, IndicatorQualifier.Exactly }, 68, IndicatorQualifier.MoreThan, 69)]
    [InlineData(new[] { 60, 8 }, new[] { IndicatorQualifier.MoreThan, IndicatorQualifier.MoreThan }, 69, IndicatorQualifier.MoreThan, 70)]
    public void The_sum_of_counts_is_worded_so_it_never_states_more_than_the_counts(int[] counts, IndicatorQualifier[] qualifiers, int achieved, IndicatorQualifier qualifier, long lowerBound)
    {
        var indicators = counts.Select((c, i) => new Indicator { Count = c, Unit = "x", Qualifier = qualifiers[i] }).ToList();

        Assert.Equal((achieved, qualifier, lowerBound), IndicatorProgress.Sum(indicators));
    }

    [Fact]
    public void The_share_is_rounded_down_so_just_short_never_reads_as_complete()
    {
        var builder = AgreementBuilder.Balanced();
        var seminars = Indicator(builder, IndicatorQualifier.AtLeast, 1000, null);
        Count(builder, 1, seminars, 999);

        var progress = Assert.Single(IndicatorProgress.Compute(builder.Agreement));

        Assert.Equal(99.9m, progress.Percent);
        Assert.False(progress.Met);
    }
}
