using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using ZemgaleNvo.Web.Features.Years;

namespace ZemgaleNvo.Web.UnitTests.Features.Years;

/// <summary>The paging of the year page's long lists (issue 18): which rows a page shows and where its links go.</summary>
public class EntryPagingTests
{
    private static QueryCollection Query(params (string Key, string Value)[] pairs) =>
        new(pairs.ToDictionary(p => p.Key, p => new StringValues(p.Value)));

    [Fact]
    public void A_list_of_one_page_is_shown_whole_without_page_links()
    {
        var rows = Enumerable.Range(1, EntryPaging.Size).ToList();

        var page = EntryPaging.Take(rows, Query(), "results-3", "strand-3", "Rezultāti");

        Assert.Equal(rows, page.Items);
        Assert.False(page.Pager.IsPaged);
    }

    [Theory]
    [InlineData("2", 2, 26, 50)]
    [InlineData("5", 5, 101, 101)]
    [InlineData("99", 5, 101, 101)] // past the end (rows deleted since): the last page
    [InlineData("0", 1, 1, 25)]
    [InlineData("x", 1, 1, 25)]
    public void A_long_list_shows_the_asked_page_or_the_nearest_that_exists(string asked, int shown, int first, int last)
    {
        var rows = Enumerable.Range(1, 101).ToList();

        var page = EntryPaging.Take(rows, Query(("spending-7", asked)), "spending-7", "spending-7", "Izdevumi");

        Assert.Equal(shown, page.Pager.Page);
        Assert.Equal(5, page.Pager.PageCount);
        Assert.Equal(first, page.Items[0]);
        Assert.Equal(last, page.Items[^1]);
        Assert.Equal((first, last), (page.Pager.First, page.Pager.Last));
    }

    [Fact]
    public void A_page_link_keeps_the_other_lists_pages_and_drops_its_own_first_page()
    {
        var current = Query(("results-3", "2"), ("spending-4", "3"), ("unrelated", "x"));

        Assert.Equal("?results-3=4&spending-4=3", EntryPaging.QueryFor(current, "results-3", 4));
        Assert.Equal("?spending-4=3", EntryPaging.QueryFor(current, "results-3", 1));
        Assert.Equal("", EntryPaging.QueryFor(Query(), "results-3", 1));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(25, 1)]
    [InlineData(26, 2)]
    [InlineData(0, 1)]
    public void A_row_is_on_the_page_of_its_position(int position, int page) =>
        Assert.Equal(page, EntryPaging.PageOf(position));

    [Fact]
    public void The_links_name_the_first_and_last_page_and_two_either_side_with_gaps_between()
    {
        var pager = new EntryPager(Page: 10, PageCount: 20, Total: 500, Shown: 25, "results-1", "strand-1", "Rezultāti");

        Assert.Equal([1, null, 8, 9, 10, 11, 12, null, 20], pager.Links());
    }
}
