using ZemgaleNvo.Domain.Budget;
using ZemgaleNvo.Domain.Checks;
using ZemgaleNvo.Domain.Entry;
using ZemgaleNvo.Domain.Reviews;
using ZemgaleNvo.UnitTests.Checks;

namespace ZemgaleNvo.UnitTests.Entry;

public class YearChecklistTests
{
    private static YearChecklist Checklist(AgreementBuilder builder, int year) =>
        YearChecklist.For(builder.Agreement, year, builder.AllFindings());

    [Fact]
    public void A_balanced_year_with_its_evaluation_written_can_be_submitted()
    {
        var builder = AgreementBuilder.Balanced();
        builder.Year(1).EvaluationText = "Viss izdarīts.";

        var checklist = Checklist(builder, 1);

        Assert.True(checklist.CanSubmit);
        Assert.All(checklist.Items, item => Assert.True(item.Done || !item.Blocking, item.Code));
    }

    [Fact]
    public void Lists_each_line_without_spending_the_missing_evaluation_and_each_strand_without_results_to_explain()
    {
        var builder = AgreementBuilder.Balanced();
        builder.Year(1).Activities.RemoveAll(a => a.BudgetLineId == builder.Festivals.Id);
        builder.Year(1).SpendingTotals.RemoveAll(t => t.BudgetLineId == builder.Museums.Id);

        var checklist = Checklist(builder, 1);

        Assert.False(checklist.CanSubmit);
        Assert.Equal(
            [$"spending:{builder.Museums.Id}", "carry-over", "evaluation", $"finding:{ConsistencyRuleCodes.StrandWithoutResults}"],
            checklist.Missing.Select(i => i.Code.StartsWith("finding:", StringComparison.Ordinal) ? i.Code[..i.Code.LastIndexOf(':')] : i.Code));
        // The strand itself is listed, but not as a dead end: the deviation asks for an explanation instead.
        Assert.Contains(checklist.Items, i => i.Code == $"results:{builder.Festivals.Id}" && !i.Done && !i.Blocking);
    }

    [Fact]
    public void A_strand_without_results_is_submitted_once_explained()
    {
        var builder = AgreementBuilder.Balanced();
        builder.Year(1).EvaluationText = "Festivāls nenotika.";
        builder.Year(1).Activities.RemoveAll(a => a.BudgetLineId == builder.Festivals.Id);
        var finding = Assert.Single(builder.AllFindings(), f => f.RuleCode == ConsistencyRuleCodes.StrandWithoutResults);
        Assert.False(Checklist(builder, 1).CanSubmit);

        builder.Year(1).FindingExplanations.Add(Explanation(finding, "Festivāls tika atcelts vētras dēļ."));

        Assert.True(Checklist(builder, 1).CanSubmit);
    }

    [Fact]
    public void The_last_year_overspending_with_nothing_left_to_move_is_submitted_once_explained()
    {
        var builder = AgreementBuilder.Balanced();
        builder.Year(2).EvaluationText = "Festivālu izmaksas pieauga.";
        builder.Year(2).SpendingTotals.Single(t => t.BudgetLineId == builder.Festivals.Id).AmountCents = 5_500_00;
        var overspent = Assert.Single(builder.AllFindings(), f => f.RuleCode == ConsistencyRuleCodes.LineOverspent);
        Assert.Equal(FindingSeverity.Deviation, overspent.Severity);
        Assert.False(Checklist(builder, 2).CanSubmit);

        var explanation = Explanation(overspent, "Cenas pieauga; pārējās pozīcijas bija iztērētas.");
        builder.Year(2).FindingExplanations.Add(explanation);
        Assert.True(Checklist(builder, 2).CanSubmit);

        // Sent back for more by the reviewer: no longer counts as explained until written again.
        explanation.RequestMore(DateTime.UtcNow);
        Assert.False(Checklist(builder, 2).CanSubmit);
        explanation.Write("Cenas pieauga par 10 %; rēķini pievienoti.", "u1", "Anna", DateTime.UtcNow);
        Assert.True(Checklist(builder, 2).CanSubmit);
    }

    [Fact]
    public void An_error_blocks_whatever_is_written_and_errors_about_the_ministrys_records_do_not_block_the_performer()
    {
        var builder = AgreementBuilder.Balanced();
        builder.Year(1).EvaluationText = "Viss izdarīts.";
        builder.Result(1, builder.Festivals, new DateOnly(2019, 1, 1), new DateOnly(2019, 1, 1));
        var outside = Assert.Single(builder.AllFindings(), f => f.RuleCode == ConsistencyRuleCodes.ActivityOutsideYear);
        builder.Year(1).FindingExplanations.Add(Explanation(outside, "Datums pareizs."));
        Assert.Contains(Checklist(builder, 1).Missing, i => i.Finding?.RuleCode == ConsistencyRuleCodes.ActivityOutsideYear);

        builder.Year(1).Activities.RemoveAt(builder.Year(1).Activities.Count - 1);
        builder.NonCompliant(1, builder.Museums, 100_00, 200_00);
        var checklist = Checklist(builder, 1);
        Assert.Contains(checklist.Items, i => i.Finding?.RuleCode == ConsistencyRuleCodes.RecoveredExceedsNonCompliant && !i.Blocking);
        Assert.True(checklist.CanSubmit);
    }

    private static FindingExplanation Explanation(ConsistencyFinding finding, string text)
    {
        var key = FindingKey.Of(finding)!;
        var explanation = new FindingExplanation { RuleCode = key.RuleCode, BudgetLineId = key.BudgetLineId, IndicatorId = key.IndicatorId, Text = text, WrittenByName = "Anna" };
        explanation.Write(text, "u1", "Anna", DateTime.UtcNow);
        return explanation;
    }

    [Fact]
    public void A_line_total_of_zero_counts_as_spending_entered()
    {
        var builder = AgreementBuilder.Balanced();
        builder.Year(1).SpendingTotals.Single(t => t.BudgetLineId == builder.Museums.Id).AmountCents = 0;
        builder.Year(1).EvaluationText = "Nekas netika iztērēts.";

        var checklist = Checklist(builder, 1);

        Assert.Contains(checklist.Items, i => i.Code == $"spending:{builder.Museums.Id}" && i.Done);
    }

    [Fact]
    public void A_remainder_in_a_year_that_is_not_the_last_must_be_carried_over_in_full()
    {
        var builder = AgreementBuilder.Balanced();
        builder.Year(1).SpendingTotals.Single(t => t.BudgetLineId == builder.Museums.Id).AmountCents = 9_000_00;
        builder.Year(1).EvaluationText = "Ietaupīts.";

        Assert.Contains(Checklist(builder, 1).Missing, i => i.Kind == ChecklistItemKind.CarryOver);

        builder.Carried(1, builder.Museums, 500_00);
        Assert.Contains(Checklist(builder, 1).Missing, i => i.Kind == ChecklistItemKind.CarryOver);

        builder.Year(1).CarryOvers.Single().AmountCents = 1_000_00;
        Assert.True(Checklist(builder, 1).CanSubmit);
    }

    [Fact]
    public void The_last_year_has_no_carry_over_item()
    {
        var builder = AgreementBuilder.Balanced();
        builder.Year(2).SpendingTotals.Single(t => t.BudgetLineId == builder.Museums.Id).AmountCents = 9_000_00;

        Assert.DoesNotContain(Checklist(builder, 2).Items, i => i.Kind == ChecklistItemKind.CarryOver);
    }

    [Fact]
    public void An_overspent_line_blocks_until_a_reallocation_covers_it_or_it_is_explained_while_warnings_do_not_block()
    {
        var builder = AgreementBuilder.Balanced();
        builder.Year(1).EvaluationText = "Festivāls izmaksāja vairāk.";
        builder.Year(1).SpendingTotals.Single(t => t.BudgetLineId == builder.Festivals.Id).AmountCents = 5_500_00;
        builder.Year(1).SpendingTotals.Single(t => t.BudgetLineId == builder.Museums.Id).AmountCents = 9_500_00;

        var blocked = Checklist(builder, 1);
        var overspent = Assert.Single(blocked.Missing);
        Assert.Equal(ConsistencyRuleCodes.LineOverspent, overspent.Finding!.RuleCode);

        builder.Reallocated(1, builder.Museums, builder.Festivals, 500_00);
        var covered = Checklist(builder, 1);
        Assert.True(covered.CanSubmit);
    }

    [Fact]
    public void Findings_of_other_years_are_not_listed()
    {
        var builder = AgreementBuilder.Balanced();
        builder.Year(2).SpendingTotals.Single(t => t.BudgetLineId == builder.Festivals.Id).AmountCents = 6_000_00;

        Assert.DoesNotContain(Checklist(builder, 1).Items, i => i.Kind == ChecklistItemKind.Finding);
        Assert.Contains(Checklist(builder, 2).Items, i => i.Kind == ChecklistItemKind.Finding && i.Finding!.YearNumber == 2);
    }

    [Fact]
    public void Submitting_moves_an_open_complete_year_to_submitted_and_refuses_anything_else()
    {
        var builder = AgreementBuilder.Balanced();
        var year = builder.Year(1);
        year.EvaluationText = "Viss izdarīts.";

        YearWorkflow.Submit(year, Checklist(builder, 1));

        Assert.Equal(ReviewStatus.Submitted, year.Status);
        Assert.False(YearWorkflow.IsOpenForPerformer(year.Status));
        Assert.Throws<InvalidOperationException>(() => YearWorkflow.Submit(year, Checklist(builder, 1)));
        year.Status = ReviewStatus.Returned;
        year.EvaluationText = null;
        Assert.Throws<InvalidOperationException>(() => YearWorkflow.Submit(year, Checklist(builder, 1)));
    }

    [Theory]
    [InlineData(ReviewStatus.Draft, true)]
    [InlineData(ReviewStatus.Returned, true)]
    [InlineData(ReviewStatus.Submitted, false)]
    [InlineData(ReviewStatus.Approved, false)]
    public void Only_drafts_and_returned_years_are_open_to_the_performer(ReviewStatus status, bool open) =>
        Assert.Equal(open, YearWorkflow.IsOpenForPerformer(status));
}

public class CarryOverPlanTests
{
    private static YearBalance Year(params (int LineId, long Available, long Actual)[] lines) =>
        new(1, lines.Select(l => new LineYearBalance(l.LineId, l.Available, 0, 0, 0, l.Actual, 0)).ToList());

    [Fact]
    public void Prefills_each_lines_own_remainder()
    {
        var split = CarryOverPlan.Prefill(Year((1, 30_000_00, 29_879_20), (2, 19_000_00, 14_256_27)));

        Assert.Equal(120_80, split[1]);
        Assert.Equal(4_743_73, split[2]);
    }

    [Fact]
    public void An_overspent_line_is_taken_off_the_last_lines_so_the_split_adds_up_to_the_year_remainder()
    {
        var year = Year((1, 10_000_00, 8_000_00), (2, 5_000_00, 5_500_00), (3, 1_000_00, 0));

        var split = CarryOverPlan.Prefill(year);

        Assert.Equal(year.RemainingCents, split.Values.Sum());
        Assert.Equal(2_000_00, split[1]);
        Assert.Equal(0, split[2]);
        Assert.Equal(500_00, split[3]);
    }

    [Fact]
    public void Nothing_left_prefills_zeroes()
    {
        var split = CarryOverPlan.Prefill(Year((1, 10_000_00, 10_500_00), (2, 5_000_00, 4_900_00)));

        Assert.All(split.Values, v => Assert.Equal(0, v));
    }

    [Fact]
    public void A_split_must_add_up_to_the_remainder_name_the_years_own_lines_and_not_come_from_the_last_year()
    {
        var year = Year((1, 10_000_00, 9_000_00), (2, 5_000_00, 4_000_00));

        Assert.Equal(CarryOverError.None, CarryOverPlan.Validate(year, false, new Dictionary<int, long> { [1] = 500_00, [2] = 1_500_00 }));
        Assert.Equal(CarryOverError.SumDiffersFromRemainder, CarryOverPlan.Validate(year, false, new Dictionary<int, long> { [1] = 500_00, [2] = 500_00 }));
        Assert.Equal(CarryOverError.UnknownLine, CarryOverPlan.Validate(year, false, new Dictionary<int, long> { [7] = 2_000_00 }));
        Assert.Equal(CarryOverError.LastYear, CarryOverPlan.Validate(year, true, new Dictionary<int, long> { [1] = 2_000_00 }));
    }
}
