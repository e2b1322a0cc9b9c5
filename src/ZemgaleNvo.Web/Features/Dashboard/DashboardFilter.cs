using System.Globalization;
using ZemgaleNvo.Domain.Reviews;

namespace ZemgaleNvo.Web.Features.Dashboard;

/// <summary>The columns the dashboard can be sorted by; their lower-case names are the <c>sort</c> values in the URL.</summary>
public enum DashboardSort
{
    Region,
    Performer,
    Start,
    Execution,
    Findings,
    Changed,

    /// <summary>The longest time a submitted report of the agreement has waited for review.</summary>
    Waiting,
}

/// <summary>The deadline filter: agreements with a report past its due date, or due within <see cref="Domain.Periods.Deadline.DueSoonDays"/> days.</summary>
public enum DashboardDue
{
    Overdue,
    Soon,
}

/// <summary>
/// The query string of <c>/dashboard</c> exactly as it came: every value a string, so model binding
/// can never refuse a request (a typed <c>int? year</c> would turn <c>year=abc</c> into a model
/// error). <see cref="DashboardFilter.Parse"/> decides what each value means.
/// </summary>
public sealed record DashboardRequest(string? Region, string? Status, string? Year, string? Sort, string? Dir, string? Due = null, string? Page = null);

/// <summary>A query-string value the page could not use, and which parameter it was.</summary>
public sealed record RejectedValue(string Parameter, string Value);

/// <summary>
/// What the dashboard shows: the filters and the sort order it understood. Values it did not
/// understand are left out (the page then shows everything for that filter) and listed in
/// <see cref="Rejected"/>, so the page can say so instead of failing or silently ignoring them.
/// </summary>
/// <param name="RegionCode">A region's code (<c>zemgale</c>); whether such a region exists (in any letter case) is checked against the database by the query.</param>
/// <param name="Status">Agreements with at least one implementation year in this status.</param>
/// <param name="Year">Agreements whose period overlaps this calendar year.</param>
public sealed record DashboardFilter(
    string? RegionCode,
    ReviewStatus? Status,
    int? Year,
    DashboardSort Sort,
    bool Descending,
    IReadOnlyList<RejectedValue> Rejected)
{
    public const string RegionParameter = "region";
    public const string StatusParameter = "status";
    public const string YearParameter = "year";
    public const string SortParameter = "sort";
    public const string DirectionParameter = "dir";
    public const string DueParameter = "due";
    public const string PageParameter = "page";

    /// <summary>Agreements on one page of the dashboard (issue 18): filters, sorting and paging are done by the database.</summary>
    public const int PageSize = 50;

    /// <summary>Page numbers beyond this are refused: 50 agreements a page would be five million agreements.</summary>
    public const int MaxPage = 100_000;

    /// <summary>The page asked for, from 1; the query shows the last page when there are fewer.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Agreements with an overdue report, or one due soon; all when none.</summary>
    public DashboardDue? Due { get; init; }

    /// <summary>Years outside this range are refused: no agreement is that old or that far ahead, and DateOnly stays safe.</summary>
    public const int FirstYear = 1990;
    public const int LastYear = 2100;

    /// <summary>Longer values are refused without being echoed in full: nothing legitimate is that long.</summary>
    private const int MaxEchoedLength = 40;

    public static DashboardFilter Default { get; } = new(null, null, null, DashboardSort.Region, false, []);

    public bool HasFilters => RegionCode is not null || Status is not null || Year is not null || Due is not null;

    public static DashboardFilter Parse(DashboardRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var rejected = new List<RejectedValue>();

        var region = Clean(request.Region);
        if (region is not null && !IsRegionCode(region))
        {
            rejected.Add(Reject(RegionParameter, region));
            region = null;
        }

        ReviewStatus? status = null;
        if (Clean(request.Status) is { } statusText)
        {
            status = ParseName<ReviewStatus>(statusText);
            if (status is null)
            {
                rejected.Add(Reject(StatusParameter, statusText));
            }
        }

        int? year = null;
        if (Clean(request.Year) is { } yearText)
        {
            if (int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed is >= FirstYear and <= LastYear)
            {
                year = parsed;
            }
            else
            {
                rejected.Add(Reject(YearParameter, yearText));
            }
        }

        DashboardDue? due = null;
        if (Clean(request.Due) is { } dueText)
        {
            due = ParseName<DashboardDue>(dueText);
            if (due is null)
            {
                rejected.Add(Reject(DueParameter, dueText));
            }
        }

        var page = 1;
        if (Clean(request.Page) is { } pageText)
        {
            if (int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsedPage) && parsedPage is >= 1 and <= MaxPage)
            {
                page = parsedPage;
            }
            else
            {
                rejected.Add(Reject(PageParameter, pageText));
            }
        }

        var sort = Default.Sort;
        var sortGiven = false;
        if (Clean(request.Sort) is { } sortText)
        {
            if (ParseName<DashboardSort>(sortText) is { } parsedSort)
            {
                sort = parsedSort;
                sortGiven = true;
            }
            else
            {
                rejected.Add(Reject(SortParameter, sortText));
            }
        }

        var descending = sortGiven && DescendingFirst(sort);
        if (Clean(request.Dir) is { } dirText)
        {
            switch (dirText.ToUpperInvariant())
            {
                case "ASC":
                    descending = false;
                    break;
                case "DESC":
                    descending = true;
                    break;
                default:
                    rejected.Add(Reject(DirectionParameter, dirText));
                    break;
            }
        }

        return new DashboardFilter(region, status, year, sort, descending, rejected) { Due = due, Page = page };
    }

    /// <summary>
    /// The order a column sorts in when first clicked: the most findings, the most recent change
    /// first (what a reviewer looks for); names, periods and execution from the lowest.
    /// </summary>
    public static bool DescendingFirst(DashboardSort sort) => sort is DashboardSort.Findings or DashboardSort.Changed or DashboardSort.Waiting;

    /// <summary>The filter without a value the database showed to be unknown (a region code no region has).</summary>
    public DashboardFilter WithoutRegion(string value) =>
        this with { RegionCode = null, Rejected = [Reject(RegionParameter, value), .. Rejected] };

    /// <summary>
    /// Everything of the filter the page shows, as one string (each part prefixed with its length, so
    /// no value can pass for another): part of the key a computed dashboard is kept under
    /// (<see cref="DashboardCache"/>). Rejected values are in it because the page repeats them.
    /// </summary>
    public string Key
    {
        get
        {
            var key = new System.Text.StringBuilder(64);
            DashboardCache.Part(key, RegionCode);
            DashboardCache.Part(key, Status is { } s ? Name(s) : null);
            DashboardCache.Part(key, Year?.ToString(CultureInfo.InvariantCulture));
            DashboardCache.Part(key, Due is { } d ? Name(d) : null);
            DashboardCache.Part(key, Name(Sort));
            DashboardCache.Part(key, Descending ? "desc" : "asc");
            DashboardCache.Part(key, Page.ToString(CultureInfo.InvariantCulture));
            foreach (var rejected in Rejected)
            {
                DashboardCache.Part(key, rejected.Parameter);
                DashboardCache.Part(key, rejected.Value);
            }
            return key.ToString();
        }
    }

    /// <summary>Query-string values for a link to another page of this view: the filters and the order are kept.</summary>
    public Dictionary<string, string?> PageRouteValues(int page)
    {
        var values = RouteValues(Sort, Descending);
        values[PageParameter] = page.ToString(CultureInfo.InvariantCulture);
        return values;
    }

    /// <summary>Query-string values for a link to this view with another sort order; the filters are kept, the page is the first.</summary>
    public Dictionary<string, string?> RouteValues(DashboardSort sort, bool descending) => new()
    {
        [RegionParameter] = RegionCode,
        [StatusParameter] = Status is { } s ? Name(s) : null,
        [YearParameter] = Year?.ToString(CultureInfo.InvariantCulture),
        [DueParameter] = Due is { } d ? Name(d) : null,
        [SortParameter] = Name(sort),
        [DirectionParameter] = descending ? "desc" : "asc",
    };

    /// <summary>How an enum value is written in the URL: <c>submitted</c>, <c>execution</c>.</summary>
    public static string Name<T>(T value) where T : struct, Enum =>
#pragma warning disable CA1308 // URLs are lower-case by convention; nothing here is compared after lowering.
        value.ToString().ToLowerInvariant();
#pragma warning restore CA1308

    private static T? ParseName<T>(string text) where T : struct, Enum
    {
        // By name only: Enum.TryParse would also take "1" or "99" and turn them into values.
        foreach (var value in Enum.GetValues<T>())
        {
            if (string.Equals(value.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }
        return null;
    }

    private static bool IsRegionCode(string value) =>
        value.Length <= MaxEchoedLength && value.All(c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-');

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static RejectedValue Reject(string parameter, string value) =>
        new(parameter, value.Length > MaxEchoedLength ? string.Concat(value.AsSpan(0, MaxEchoedLength), "…") : value);
}
