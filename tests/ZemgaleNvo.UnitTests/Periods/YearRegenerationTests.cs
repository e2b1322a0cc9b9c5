using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Periods;

namespace ZemgaleNvo.UnitTests.Periods;

public class YearRegenerationTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    /// <summary>A three-year agreement, stored (ids 11, 12, 13), with line 7 planned in every year.</summary>
    private static (DelegationAgreement Agreement, List<PlannedAmount> Planned) ThreeYears()
    {
        var agreement = new DelegationAgreement { Title = "T", TaskText = "", PeriodStart = D(2022, 7, 15), PeriodEnd = D(2025, 7, 14) };
        agreement.GenerateYears();
        foreach (var year in agreement.Years)
        {
            year.Id = 10 + year.Number;
        }
        var planned = agreement.Years.Select(y => new PlannedAmount { BudgetLineId = 7, ImplementationYearId = y.Id, AmountCents = y.Number * 100_00 }).ToList();
        return (agreement, planned);
    }

    [Fact]
    public void The_plan_is_read_by_year_number()
    {
        var (agreement, planned) = ThreeYears();

        Assert.Equal(
            [new PlannedByNumber(7, 1, 100_00), new PlannedByNumber(7, 2, 200_00), new PlannedByNumber(7, 3, 300_00)],
            YearRegeneration.PlanByNumber(agreement.Years, planned));
    }

    [Fact]
    public void A_shorter_period_gets_new_years_and_keeps_the_plan_of_the_years_it_still_has()
    {
        var (agreement, planned) = ThreeYears();
        var plan = YearRegeneration.PlanByNumber(agreement.Years, planned);
        agreement.PeriodStart = D(2023, 1, 1);
        agreement.PeriodEnd = D(2024, 12, 31);

        var moved = YearRegeneration.Regenerate(agreement, plan);

        Assert.Equal([(1, D(2023, 1, 1), D(2023, 12, 31)), (2, D(2024, 1, 1), D(2024, 12, 31))],
            agreement.Years.Select(y => (y.Number, y.StartDate, y.EndDate)));
        Assert.Equal([(1, 100_00L), (2, 200_00L)], moved.Select(p => (p.ImplementationYear!.Number, p.AmountCents)));
        Assert.All(moved, p => Assert.Equal(7, p.BudgetLineId));
        Assert.All(moved, p => Assert.Contains(p.ImplementationYear!, agreement.Years));
    }

    [Fact]
    public void A_longer_period_leaves_its_new_years_unplanned()
    {
        var (agreement, planned) = ThreeYears();
        var plan = YearRegeneration.PlanByNumber(agreement.Years, planned);
        agreement.PeriodEnd = D(2026, 7, 14);

        var moved = YearRegeneration.Regenerate(agreement, plan);

        Assert.Equal(4, agreement.Years.Count);
        Assert.Equal([1, 2, 3], moved.Select(p => p.ImplementationYear!.Number));
    }
}
