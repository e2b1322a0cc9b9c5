using ZemgaleNvo.Domain.Agreements;

namespace ZemgaleNvo.UnitTests.Agreements;

/// <summary>Recording money recovered from non-compliant expenditure (issue 13, 4): never above what is unrecovered, not in the future, not before the decision.</summary>
public sealed class NonCompliantRecoveryTests
{
    private static readonly DateOnly Today = new(2025, 6, 1);

    private static NonCompliantExpenditure Case() => new()
    {
        ImplementationYearId = 3, BudgetLineId = 1, AmountCents = 300_00, Reason = "Degviela bez maršruta lapām", DecidedOn = new DateOnly(2024, 10, 15),
    };

    [Fact]
    public void Recoveries_add_up_and_keep_the_latest_date()
    {
        var found = Case();

        Assert.Null(found.Recover(150_00, new DateOnly(2024, 12, 20), "MU 31", Today));
        Assert.Null(found.Recover(150_00, new DateOnly(2024, 11, 30), "MU 12", Today));

        Assert.Equal(300_00, found.RecoveredCents);
        Assert.Equal(0, found.UnrecoveredCents);
        Assert.Equal(new DateOnly(2024, 12, 20), found.RecoveredOn);
        Assert.Equal(2, found.Recoveries.Count);
        Assert.All(found.Recoveries, r => Assert.Equal(3, r.ImplementationYearId));
    }

    [Theory]
    [InlineData(300_01, 2024, 11, 30, RecoveryRefusal.AboveUnrecovered)]
    [InlineData(0, 2024, 11, 30, RecoveryRefusal.NotPositive)]
    [InlineData(10_00, 2025, 6, 2, RecoveryRefusal.InFuture)]
    [InlineData(10_00, 2024, 10, 14, RecoveryRefusal.BeforeFinding)]
    public void A_bad_recovery_is_refused_and_changes_nothing(long cents, int year, int month, int day, RecoveryRefusal expected)
    {
        var found = Case();

        Assert.Equal(expected, found.Recover(cents, new DateOnly(year, month, day), "MU 1", Today));

        Assert.Equal(0, found.RecoveredCents);
        Assert.Null(found.RecoveredOn);
        Assert.Empty(found.Recoveries);
    }

    [Fact]
    public void A_second_recovery_cannot_exceed_what_is_left()
    {
        var found = Case();
        Assert.Null(found.Recover(250_00, new DateOnly(2024, 11, 30), "MU 12", Today));

        Assert.Equal(RecoveryRefusal.AboveUnrecovered, found.Recover(50_01, new DateOnly(2024, 12, 1), "MU 13", Today));
        Assert.Equal(250_00, found.RecoveredCents);
    }

    [Fact]
    public void A_correction_may_lower_the_amount_to_what_came_back_and_move_the_decision_up_to_the_first_recovery()
    {
        var found = Case();
        Assert.Null(found.Recover(100_00, new DateOnly(2024, 11, 30), "MU 12", Today));

        Assert.Null(found.Correct(2, 100_00, "Labots pamatojums", "Nr. 5-2/18", new DateOnly(2024, 11, 30)));

        Assert.Equal(2, found.BudgetLineId);
        Assert.Equal(100_00, found.AmountCents);
        Assert.Equal(0, found.UnrecoveredCents);
        Assert.Equal("Nr. 5-2/18", found.DecisionReference);
        Assert.False(found.CanBeDeleted);
    }

    [Fact]
    public void A_correction_below_what_came_back_or_with_a_decision_after_a_recovery_is_refused_and_changes_nothing()
    {
        var found = Case();
        Assert.Null(found.Recover(100_00, new DateOnly(2024, 11, 30), "MU 12", Today));

        Assert.Equal(CorrectionRefusal.BelowRecovered, found.Correct(1, 99_99, "x", null, null));
        Assert.Equal(CorrectionRefusal.DecidedAfterRecovery, found.Correct(1, 300_00, "x", null, new DateOnly(2024, 12, 1)));

        Assert.Equal(300_00, found.AmountCents);
        Assert.Equal("Degviela bez maršruta lapām", found.Reason);
        Assert.Equal(new DateOnly(2024, 10, 15), found.DecidedOn);
    }

    [Fact]
    public void Only_a_case_with_nothing_recovered_can_be_deleted()
    {
        Assert.True(Case().CanBeDeleted);
        Assert.False(new NonCompliantExpenditure { Reason = "Pārņemts no papīra pārskata", AmountCents = 50_00, RecoveredCents = 10_00 }.CanBeDeleted);
    }
}
