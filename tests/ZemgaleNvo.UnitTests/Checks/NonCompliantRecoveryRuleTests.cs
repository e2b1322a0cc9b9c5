using ZemgaleNvo.Domain.Checks;
using ZemgaleNvo.Domain.Checks.Rules;

namespace ZemgaleNvo.UnitTests.Checks;

public class NonCompliantRecoveryRuleTests
{
    private static readonly NonCompliantRecoveryRule Rule = new();

    [Theory]
    [InlineData(500_00L, 0L, false)]      // nothing recovered yet
    [InlineData(500_00L, 200_00L, true)]  // partly recovered
    [InlineData(500_00L, 500_00L, true)]  // fully recovered
    public void Leaves_a_recovery_within_the_non_compliant_amount_alone(long amount, long recovered, bool dated)
    {
        var builder = AgreementBuilder.Balanced();
        builder.NonCompliant(1, builder.Festivals, amount, recovered, dated ? new DateOnly(2022, 1, 10) : null);

        Assert.Empty(builder.Findings(Rule));
    }

    [Fact]
    public void A_negative_recovery_makes_the_unrecovered_amount_exceed_the_non_compliant_one()
    {
        var builder = AgreementBuilder.Balanced();
        builder.NonCompliant(2, builder.Festivals, 500_00, -50_00);

        var finding = Assert.Single(builder.Findings(Rule));

        Assert.Equal(ConsistencyRuleCodes.UnrecoveredExceedsNonCompliant, finding.RuleCode);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Equal(2, finding.YearNumber);
        Assert.Equal(builder.Festivals.Id, finding.BudgetLineId);
        Assert.Equal(
            "II. īstenošanas gadā pozīcijas „novada festivāliem” neatbilstoši veiktajiem izdevumiem „degviela bez maršruta lapas” " +
            $"atgūtā summa ir negatīva ({Lv.Euro("-50,00")}), tāpēc neatgūtā summa ({Lv.Euro("550,00")}) pārsniedz neatbilstoši veikto izdevumu summu ({Lv.Euro("500,00")}).",
            finding.MessageLv);
    }

    [Fact]
    public void Recovering_more_than_was_non_compliant_is_an_error()
    {
        var builder = AgreementBuilder.Balanced();
        builder.NonCompliant(1, builder.Museums, 500_00, 650_00, new DateOnly(2021, 12, 1));

        var finding = Assert.Single(builder.Findings(Rule));

        Assert.Equal(ConsistencyRuleCodes.RecoveredExceedsNonCompliant, finding.RuleCode);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Contains($"atgūti {Lv.Euro("650,00")}, vairāk nekā neatbilstoši izlietotie {Lv.Euro("500,00")}, tāpēc neatgūtā summa ir negatīva ({Lv.Euro("-150,00")}).", finding.MessageLv, StringComparison.Ordinal);
    }

    [Fact]
    public void A_recovery_date_without_an_amount_is_a_warning()
    {
        var builder = AgreementBuilder.Balanced();
        builder.NonCompliant(1, builder.Museums, 500_00, 0, new DateOnly(2021, 12, 1));

        var finding = Assert.Single(builder.Findings(Rule));

        Assert.Equal(ConsistencyRuleCodes.RecoveryDateWithoutAmount, finding.RuleCode);
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.EndsWith($"norādīts atgūšanas datums 01.12.2021., bet atgūtā summa ir {Lv.Euro("0,00")}.", finding.MessageLv, StringComparison.Ordinal);
        Assert.EndsWith("has a recovery date of 01/12/2021 but EUR 0.00 recovered.", finding.MessageEn, StringComparison.Ordinal);
    }
}
