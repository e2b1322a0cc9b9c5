using ZemgaleNvo.Domain.Users;

namespace ZemgaleNvo.UnitTests.Users;

public class RoleAssignmentTests
{
    [Theory]
    [InlineData(Roles.NgoStaff, true, RoleAssignmentError.None)]
    [InlineData(Roles.NgoStaff, false, RoleAssignmentError.OrganisationRequired)]
    [InlineData(Roles.Reviewer, false, RoleAssignmentError.None)]
    [InlineData(Roles.Admin, false, RoleAssignmentError.None)]
    [InlineData(Roles.Reviewer, true, RoleAssignmentError.OrganisationNotAllowed)]
    [InlineData(Roles.Admin, true, RoleAssignmentError.OrganisationNotAllowed)]
    [InlineData("admin", false, RoleAssignmentError.UnknownRole)]
    [InlineData("", true, RoleAssignmentError.UnknownRole)]
    [InlineData(null, false, RoleAssignmentError.UnknownRole)]
    public void Staff_need_one_organisation_and_nobody_else_has_one(string? role, bool hasOrganisation, RoleAssignmentError expected) =>
        Assert.Equal(expected, RoleAssignment.Check(role, hasOrganisation));
}

public class UserStatusTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_account_without_lock_or_deactivation_is_active() =>
        Assert.Equal(UserStatus.Active, UserStatuses.Of(null, lockoutEnabled: true, lockoutEnd: null, Now));

    [Fact]
    public void A_lockout_ending_in_the_future_locks() =>
        Assert.Equal(UserStatus.Locked, UserStatuses.Of(null, true, DateTimeOffset.MaxValue, Now));

    [Fact]
    public void A_lockout_that_has_ended_does_not() =>
        Assert.Equal(UserStatus.Active, UserStatuses.Of(null, true, Now.AddMinutes(-1), Now));

    [Fact]
    public void A_lockout_counts_only_while_lockout_is_enabled() =>
        Assert.Equal(UserStatus.Active, UserStatuses.Of(null, false, DateTimeOffset.MaxValue, Now));

    [Fact]
    public void Deactivation_wins_over_a_lock() =>
        Assert.Equal(UserStatus.Deactivated, UserStatuses.Of(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), true, DateTimeOffset.MaxValue, Now));
}
