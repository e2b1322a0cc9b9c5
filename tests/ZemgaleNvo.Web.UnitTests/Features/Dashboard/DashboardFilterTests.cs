using ZemgaleNvo.Domain.Reviews;
using ZemgaleNvo.Web.Features.Dashboard;

namespace ZemgaleNvo.Web.UnitTests.Features.Dashboard;

/// <summary>
/// How the dashboard reads its query string: what it understands, what it refuses (and names), and
/// the sort direction a column starts in. Whether a region code exists is the query's business
/// (integration tests).
/// </summary>
public class DashboardFilterTests
{
    private static DashboardFilter Parse(string? region = null, string? status = null, string? year = null, string? sort = null, string? dir = null) =>
        DashboardFilter.Parse(new DashboardRequest(region, status, year, sort, dir));

    [Fact]
    public void Nothing_asked_is_everything_by_region()
    {
        var filter = Parse();

        Assert.Equal(DashboardFilter.Default, filter with { Rejected = DashboardFilter.Default.Rejected });
        Assert.Null(filter.RegionCode);
        Assert.Null(filter.Status);
        Assert.Null(filter.Year);
        Assert.Equal(DashboardSort.Region, filter.Sort);
        Assert.False(filter.Descending);
        Assert.Empty(filter.Rejected);
        Assert.False(filter.HasFilters);
    }

    [Fact]
    public void Every_value_understood_is_kept()
    {
        var filter = Parse("latgale", "submitted", "2025", "execution", "desc");

        Assert.Equal("latgale", filter.RegionCode);
        Assert.Equal(ReviewStatus.Submitted, filter.Status);
        Assert.Equal(2025, filter.Year);
        Assert.Equal(DashboardSort.Execution, filter.Sort);
        Assert.True(filter.Descending);
        Assert.Empty(filter.Rejected);
        Assert.True(filter.HasFilters);
    }

    [Fact]
    public void Names_are_read_in_any_letter_case_and_with_spaces_around()
    {
        var filter = Parse(" ZEMGALE ", "Approved", " 2023 ", "Execution", "DESC");

        // The region is matched against the database without regard to case, by the query.
        Assert.Equal("ZEMGALE", filter.RegionCode);
        Assert.Equal(ReviewStatus.Approved, filter.Status);
        Assert.Equal(2023, filter.Year);
        Assert.Equal(DashboardSort.Execution, filter.Sort);
        Assert.True(filter.Descending);
        Assert.Empty(filter.Rejected);
    }

    [Fact]
    public void Empty_values_are_no_filter_and_no_complaint()
    {
        var filter = Parse("", " ", "", "", "");

        Assert.False(filter.HasFilters);
        Assert.Equal(DashboardSort.Region, filter.Sort);
        Assert.Empty(filter.Rejected);
    }

    [Theory]
    [InlineData("region", "nekas!")]
    [InlineData("region", "<script>alert(1)</script>")]
    [InlineData("region", "../../etc")]
    [InlineData("region", "zemgale latgale")]
    [InlineData("status", "gaida")]
    [InlineData("status", "1")] // by name only, never by the enum's number
    [InlineData("status", "99")]
    [InlineData("year", "abc")]
    [InlineData("year", "99999999999999999999")]
    [InlineData("year", "-2024")]
    [InlineData("year", "+2024")]
    [InlineData("year", "2024.5")]
    [InlineData("year", "0")]
    [InlineData("year", "1989")]
    [InlineData("year", "2101")]
    [InlineData("sort", "cena")]
    [InlineData("sort", "2")]
    [InlineData("dir", "sideways")]
    public void A_value_not_understood_is_left_out_and_named(string parameter, string value)
    {
        var filter = parameter switch
        {
            "region" => Parse(region: value),
            "status" => Parse(status: value),
            "year" => Parse(year: value),
            "sort" => Parse(sort: value),
            _ => Parse(sort: "execution", dir: value),
        };

        Assert.Equal(new[] { new RejectedValue(parameter, value) }, filter.Rejected);
        Assert.False(filter.HasFilters);
        Assert.Equal(parameter == "dir" ? DashboardSort.Execution : DashboardSort.Region, filter.Sort);
        Assert.False(filter.Descending);
    }

    [Fact]
    public void Every_bad_value_of_one_request_is_named()
    {
        var filter = Parse("<b>", "gaida", "abc", "cena", "sideways");

        string[] everyParameter = ["region", "status", "year", "sort", "dir"];
        Assert.Equal(everyParameter, filter.Rejected.Select(r => r.Parameter));
    }

    [Theory]
    [InlineData("1990", 1990)]
    [InlineData("2100", 2100)]
    [InlineData("02024", 2024)]
    public void Years_from_1990_to_2100_are_understood(string value, int year)
    {
        Assert.Equal(year, Parse(year: value).Year);
    }

    [Fact]
    public void A_very_long_value_is_named_cut_short()
    {
        var value = new string('x', 500);

        var rejected = Assert.Single(Parse(status: value).Rejected);

        Assert.Equal(new string('x', 40) + "…", rejected.Value);
    }

    [Fact]
    public void A_region_code_longer_than_forty_characters_is_refused()
    {
        Assert.Equal(new string('a', 40), Parse(region: new string('a', 40)).RegionCode);
        Assert.Null(Parse(region: new string('a', 41)).RegionCode);
    }

    [Theory]
    [InlineData("region", false)]
    [InlineData("performer", false)]
    [InlineData("start", false)]
    [InlineData("execution", false)]
    [InlineData("findings", true)] // the most findings first
    [InlineData("changed", true)] // the most recent change first
    public void A_column_first_sorts_the_way_a_reviewer_looks_for(string sort, bool descending)
    {
        Assert.Equal(descending, Parse(sort: sort).Descending);
        Assert.False(Parse(sort: sort, dir: "asc").Descending);
        Assert.True(Parse(sort: sort, dir: "desc").Descending);
    }

    [Fact]
    public void A_direction_without_a_column_applies_to_the_default_order()
    {
        var filter = Parse(dir: "desc");

        Assert.Equal(DashboardSort.Region, filter.Sort);
        Assert.True(filter.Descending);
    }

    [Fact]
    public void A_refused_column_leaves_the_default_order()
    {
        var filter = Parse(sort: "cena");

        Assert.Equal(DashboardSort.Region, filter.Sort);
        Assert.False(filter.Descending);
    }

    [Fact]
    public void A_region_the_database_does_not_know_is_dropped_and_named_first()
    {
        var filter = Parse("nekas", year: "abc").WithoutRegion("nekas");

        Assert.Null(filter.RegionCode);
        Assert.Equal(new[] { new RejectedValue("region", "nekas"), new RejectedValue("year", "abc") }, filter.Rejected);
    }

    [Fact]
    public void Sort_links_keep_the_filters_in_lower_case()
    {
        var filter = Parse("latgale", "Submitted", "2025", "execution", "desc");

        var values = filter.RouteValues(DashboardSort.Changed, descending: false);

        Assert.Equal("latgale", values["region"]);
        Assert.Equal("submitted", values["status"]);
        Assert.Equal("2025", values["year"]);
        Assert.Equal("changed", values["sort"]);
        Assert.Equal("asc", values["dir"]);
    }

    [Fact]
    public void Sort_links_without_filters_carry_no_filter_values()
    {
        var values = DashboardFilter.Default.RouteValues(DashboardSort.Findings, descending: true);

        Assert.Null(values["region"]);
        Assert.Null(values["status"]);
        Assert.Null(values["year"]);
        Assert.Equal("findings", values["sort"]);
        Assert.Equal("desc", values["dir"]);
    }
}
