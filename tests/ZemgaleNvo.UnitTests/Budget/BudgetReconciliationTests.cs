using ZemgaleNvo.Domain.Budget;

namespace ZemgaleNvo.UnitTests.Budget;

public class BudgetReconciliationTests
{
    private const int Civil = 1;
    private const int Minority = 2;

    /// <summary>The seed agreement's figures (shared/seed/README.md), in cents.</summary>
    private static IReadOnlyList<YearBalance> SeedYears() => BudgetReconciliation.Reconcile(
    [
        new YearInput(1, [new(Civil, 30_000_00, 30_000_00, 0, 0, 0), new(Minority, 19_000_00, 19_000_00, 0, 0, 0)]),
        new YearInput(2, [new(Civil, 30_000_00, 36_785_82, 0, 0, 120_80), new(Minority, 19_000_00, 7_349_65, 0, 0, 4_743_73)]),
        new YearInput(3, [new(Civil, 30_000_00, 23_987_03, 0, 0, 0), new(Minority, 19_000_00, 25_012_97, 0, 0, 0)]),
    ]);

    [Fact]
    public void Seed_year_totals_match_the_document()
    {
        var years = SeedYears();

        Assert.Equal([49_000_00, 49_000_00, 49_000_00], years.Select(y => y.PlannedCents));
        Assert.Equal([49_000_00, 44_135_47, 49_000_00], years.Select(y => y.ActualCents));
        Assert.Equal(147_000_00, years.Sum(y => y.PlannedCents));
        Assert.Equal(142_135_47, years.Sum(y => y.ActualCents));
        Assert.Equal(4_864_53, years[1].CarriedOutCents);
    }

    [Fact]
    public void Year_two_civil_society_line_is_6785_82_over_its_plan()
    {
        var civil = SeedYears()[1].Line(Civil)!;

        Assert.Equal(30_000_00, civil.AvailableCents);
        Assert.Equal(-6_785_82, civil.RemainingCents);
    }

    [Fact]
    public void Carry_over_out_of_year_two_is_carried_into_the_same_line_of_year_three()
    {
        var year3 = SeedYears()[2];

        Assert.Equal(120_80, year3.Line(Civil)!.CarriedInCents);
        Assert.Equal(4_743_73, year3.Line(Minority)!.CarriedInCents);
        Assert.Equal(30_120_80, year3.Line(Civil)!.AvailableCents);
        Assert.Equal(23_743_73, year3.Line(Minority)!.AvailableCents);
    }

    [Fact]
    public void Year_three_leaves_6133_77_on_civil_society_and_overspends_minority_by_1269_24()
    {
        var year3 = SeedYears()[2];

        Assert.Equal(6_133_77, year3.Line(Civil)!.RemainingCents);
        Assert.Equal(-1_269_24, year3.Line(Minority)!.RemainingCents);
        Assert.Equal(4_864_53, year3.RemainingCents); // the carried-in money, neither shown spent nor returned
    }

    [Fact]
    public void Reallocation_moves_availability_between_lines_within_a_year()
    {
        var year = BudgetReconciliation.Reconcile(
        [
            new YearInput(1, [new(Civil, 30_000_00, 36_906_62, 6_906_62, 0, 0), new(Minority, 19_000_00, 12_093_38, 0, 6_906_62, 0)]),
        ])[0];

        Assert.Equal(36_906_62, year.Line(Civil)!.AvailableCents);
        Assert.Equal(0, year.Line(Civil)!.RemainingCents);
        Assert.Equal(12_093_38, year.Line(Minority)!.AvailableCents);
        Assert.Equal(49_000_00, year.AvailableCents); // a reallocation changes no total
    }

    [Fact]
    public void Years_are_reconciled_in_order_whatever_order_they_arrive_in()
    {
        var years = BudgetReconciliation.Reconcile(
        [
            new YearInput(2, [new(Civil, 100, 150, 0, 0, 0)]),
            new YearInput(1, [new(Civil, 100, 50, 0, 0, 50)]),
        ]);

        Assert.Equal([1, 2], years.Select(y => y.YearNumber));
        Assert.Equal(50, years[1].Line(Civil)!.CarriedInCents);
        Assert.Equal(0, years[1].Line(Civil)!.RemainingCents);
    }

    [Theory]
    [InlineData(new long[] { 100, 250 }, 999L, 350L)] // itemised entries win over a reported total
    [InlineData(new long[0], 999L, 999L)]            // no entries: the reported total
    [InlineData(new long[0], null, 0L)]              // nothing reported: nothing spent
    public void Actual_spend_prefers_itemised_entries(long[] itemised, long? reported, long expected)
    {
        Assert.Equal(expected, BudgetReconciliation.ActualSpend(itemised, reported));
    }

    [Theory]
    [InlineData(36_785_82L, 30_000_00L, 122.6)]
    [InlineData(0L, 0L, null)]
    [InlineData(49_000_00L, 49_000_00L, 100.0)]
    public void Execution_percent_is_actual_over_available(long actual, long available, double? expected)
    {
        Assert.Equal(expected is null ? null : (decimal)expected, BudgetReconciliation.ExecutionPercent(actual, available));
    }

    [Fact]
    public void Arithmetic_overflow_is_an_error_not_a_wrong_figure()
    {
        Assert.Throws<OverflowException>(() => BudgetReconciliation.Available(long.MaxValue, 1, 0, 0));
    }
}
