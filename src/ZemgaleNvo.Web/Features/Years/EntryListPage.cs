using Microsoft.AspNetCore.Http;

namespace ZemgaleNvo.Web.Features.Years;

/// <summary>
/// One page of a list on the year page: a strand's results or a budget line's spending entries
/// (issue 18: a big year has some 200 results and 500 entries). A list of up to
/// <see cref="Size"/> rows is shown whole, as before; a longer one in pages of that size, each
/// page a link of its own (server-side, no script needed) that returns to the list's anchor.
/// Every list keeps its own page in the query (<c>results-12=3</c>, <c>spending-12=2</c>), so
/// turning one list's pages leaves the others where they were.
/// </summary>
public sealed record EntryListPage<T>(IReadOnlyList<T> Items, EntryPager Pager);

/// <summary>Where a page is in its list, for the page links (<c>_EntryPager.cshtml</c>).</summary>
/// <param name="Key">The list's query parameter.</param>
/// <param name="Anchor">The list's element id, which every page link returns to.</param>
/// <param name="ListName">What the list is, for the links' navigation landmark ("Rezultāti: …").</param>
public sealed record EntryPager(int Page, int PageCount, int Total, int Shown, string Key, string Anchor, string ListName)
{
    /// <summary>The 1-based position in the whole list of this page's first row.</summary>
    public int First => (Page - 1) * EntryPaging.Size + 1;

    public int Last => First + Shown - 1;

    public bool IsPaged => PageCount > 1;

    /// <summary>The page numbers to link: the first, the last, and two either side of this one (a gap is a null).</summary>
    public IEnumerable<int?> Links()
    {
        int? previous = null;
        for (var p = 1; p <= PageCount; p++)
        {
            if (p == 1 || p == PageCount || Math.Abs(p - Page) <= 2)
            {
                if (previous is { } before && p - before > 1)
                {
                    yield return null;
                }
                yield return p;
                previous = p;
            }
        }
    }
}

/// <summary>Which page of each list the request asks for, and which page holds a given row.</summary>
public static class EntryPaging
{
    public const int Size = 25;

    public static string ResultsKey(int lineId) => $"results-{lineId}";

    public static string SpendingKey(int lineId) => $"spending-{lineId}";

    /// <summary>The page the row at this 1-based position of its list is on.</summary>
    public static int PageOf(int position) => position < 1 ? 1 : (position - 1) / Size + 1;

    /// <summary>
    /// The asked page of an ordered list: a missing, unreadable or too-large page number gives the
    /// nearest page that exists, so an old link after deletions still shows the list's end.
    /// </summary>
    public static EntryListPage<T> Take<T>(IReadOnlyList<T> ordered, IQueryCollection query, string key, string anchor, string listName)
    {
        ArgumentNullException.ThrowIfNull(ordered);
        ArgumentNullException.ThrowIfNull(query);
        var pageCount = Math.Max(1, (ordered.Count + Size - 1) / Size);
        var asked = int.TryParse(query[key], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 1;
        var page = Math.Clamp(asked, 1, pageCount);
        var items = pageCount == 1 ? ordered : ordered.Skip((page - 1) * Size).Take(Size).ToList();
        return new EntryListPage<T>(items, new EntryPager(page, pageCount, ordered.Count, items.Count, key, anchor, listName));
    }

    /// <summary>
    /// The query of a link to another page of one list: the request's other list pages kept, this
    /// list's page replaced (left out for its first page, so small years keep their plain address).
    /// </summary>
    public static string QueryFor(IQueryCollection current, string key, int page)
    {
        ArgumentNullException.ThrowIfNull(current);
        var pairs = current
            .Where(p => p.Key.StartsWith("results-", StringComparison.Ordinal) || p.Key.StartsWith("spending-", StringComparison.Ordinal))
            .Where(p => p.Key != key)
            .Select(p => KeyValuePair.Create(p.Key, (string?)p.Value.ToString()))
            .ToList();
        if (page > 1)
        {
            pairs.Add(KeyValuePair.Create(key, (string?)page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        return pairs.Count == 0 ? "" : QueryString.Create(pairs.OrderBy(p => p.Key, StringComparer.Ordinal)).ToString();
    }
}
