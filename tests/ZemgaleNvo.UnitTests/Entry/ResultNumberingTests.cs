using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Entry;

namespace ZemgaleNvo.UnitTests.Entry;

public class ResultNumberingTests
{
    private static List<Activity> Strand(params int[] ordinals) =>
        ordinals.Select((ordinal, i) => new Activity { Id = i + 1, Ordinal = ordinal, Text = $"R{i + 1}" }).ToList();

    private static IEnumerable<string> Order(IEnumerable<Activity> strand) => strand.OrderBy(a => a.Ordinal).Select(a => $"{a.Ordinal}:{a.Text}");

    [Fact]
    public void Renumbering_closes_gaps_and_keeps_the_order()
    {
        var strand = Strand(2, 5, 9);

        ResultNumbering.Renumber(strand);

        Assert.Equal(["1:R1", "2:R2", "3:R3"], Order(strand));
    }

    [Fact]
    public void A_new_result_goes_after_the_last()
    {
        Assert.Equal(4, ResultNumbering.Next(Strand(1, 2, 3)));
        Assert.Equal(1, ResultNumbering.Next([]));
    }

    [Fact]
    public void Moving_swaps_with_the_neighbour_and_stops_at_the_ends()
    {
        var strand = Strand(1, 2, 3);

        Assert.True(ResultNumbering.Move(strand, strand[2], -1));
        Assert.Equal(["1:R1", "2:R3", "3:R2"], Order(strand));
        Assert.False(ResultNumbering.Move(strand, strand[0], -1));
        Assert.False(ResultNumbering.Move(strand, strand[1], +1));
        Assert.Equal(["1:R1", "2:R3", "3:R2"], Order(strand));
    }

    [Fact]
    public void A_restored_result_returns_to_its_old_number_and_the_rest_move_down()
    {
        var strand = Strand(1, 2, 3, 4);
        var deleted = strand[1];
        var remaining = strand.Where(a => a != deleted).ToList();
        ResultNumbering.Renumber(remaining);

        ResultNumbering.Restore([.. remaining, deleted], deleted);

        Assert.Equal(["1:R1", "2:R2", "3:R3", "4:R4"], Order(strand));
    }

    [Fact]
    public void A_restored_result_whose_place_no_longer_exists_goes_last()
    {
        var strand = Strand(1, 2, 5);
        var deleted = strand[2];

        ResultNumbering.Restore([strand[0], deleted], deleted);

        Assert.Equal(2, deleted.Ordinal);
    }
}
