using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Entry;
using ZemgaleNvo.Domain.Reviews;

namespace ZemgaleNvo.UnitTests.Entry;

public class OrdinalMoveTests
{
    private static List<BudgetLine> Lines(params int[] ordinals) =>
        ordinals.Select((ordinal, i) => new BudgetLine { Id = i + 1, Ordinal = ordinal, Name = $"L{i + 1}" }).ToList();

    private static IEnumerable<string> Order(IEnumerable<BudgetLine> lines) => lines.OrderBy(l => l.Ordinal).Select(l => $"{l.Ordinal}:{l.Name}");

    [Fact]
    public void A_budget_line_moves_by_swapping_numbers_with_its_neighbour()
    {
        var lines = Lines(1, 2, 3);

        Assert.True(OrdinalMove.Swap(lines, lines[0], +1));
        Assert.Equal(["1:L2", "2:L1", "3:L3"], Order(lines));
        Assert.True(OrdinalMove.Swap(lines, lines[2], -1));
        Assert.Equal(["1:L2", "2:L3", "3:L1"], Order(lines));
    }

    [Fact]
    public void The_neighbour_is_found_by_number_not_by_list_position()
    {
        var lines = Lines(3, 1, 2); // stored order differs from the numbering

        Assert.Same(lines[2], OrdinalMove.Neighbour(lines, lines[0], -1));
        Assert.Same(lines[2], OrdinalMove.Neighbour(lines, lines[1], +1));
    }

    [Fact]
    public void Nothing_moves_past_either_end_or_without_a_direction()
    {
        var lines = Lines(1, 2, 3);

        Assert.Null(OrdinalMove.Neighbour(lines, lines[0], -1));
        Assert.Null(OrdinalMove.Neighbour(lines, lines[2], +1));
        Assert.False(OrdinalMove.Swap(lines, lines[1], 0));
        Assert.False(OrdinalMove.Swap(lines, new BudgetLine { Id = 9, Ordinal = 2, Name = "other" }, +1));
        Assert.Equal(["1:L1", "2:L2", "3:L3"], Order(lines));
    }

    [Theory]
    [InlineData(ReviewStatus.Draft, false)]
    [InlineData(ReviewStatus.Submitted, false)]
    [InlineData(ReviewStatus.Returned, false)]
    [InlineData(ReviewStatus.Approved, true)]
    public void Only_approved_data_is_frozen(ReviewStatus status, bool frozen) =>
        Assert.Equal(frozen, FrozenData.IsFrozen(status));
}
