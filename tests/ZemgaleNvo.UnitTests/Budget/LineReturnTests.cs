using ZemgaleNvo.Domain.Budget;
using ZemgaleNvo.UnitTests.Checks;

namespace ZemgaleNvo.UnitTests.Budget;

/// <summary>What the period leaves per line (issue 13, 5): the last year's unspent money to return and its overspend, never netted, carry-overs never counted.</summary>
public sealed class LineReturnTests
{
    [Fact]
    public void A_cent_carried_through_two_years_is_returned_once_and_one_lines_overspend_is_not_netted_against_anothers_remainder()
    {
        var builder = new AgreementBuilder(years: 3);
        builder.Line("muzeju programmām", 100_00);
        builder.Line("novada festivāliem", 50_00);
        foreach (var year in new[] { 1, 2, 3 })
        {
            builder.Spent(year, builder.Museums, year == 1 ? 99_99 : 100_00)
                .Spent(year, builder.Festivals, year == 3 ? 55_00 : 50_00);
        }
        builder.Carried(1, builder.Museums, 1).Carried(2, builder.Museums, 1);

        var budget = AgreementBudget.Compute(builder.Agreement);

        Assert.Equal(2, budget.CarriedOverCents); // a movement between years, summed: not a period figure
        var museums = budget.Returns.Single(r => r.BudgetLineId == builder.Museums.Id);
        var festivals = budget.Returns.Single(r => r.BudgetLineId == builder.Festivals.Id);
        Assert.Equal((1, 0), (museums.UnspentToReturnCents, museums.OverspentCents));
        Assert.Equal((0, 5_00), (festivals.UnspentToReturnCents, festivals.OverspentCents));
        Assert.Equal(1, budget.UnspentToReturnCents);
        Assert.Equal(5_00, budget.OverspentCents);
    }
}
