using System.Globalization;
using System.Text;
using Microsoft.Extensions.Caching.Memory;

namespace ZemgaleNvo.Web.Features.Dashboard;

/// <summary>
/// Computed dashboards (filters, totals, one page of rows), kept while nothing they show has changed,
/// so that the reviewers' most visited page costs one small query when it is warm, not its
/// filtering, sorting, totals and due-date queries (issue 18: ≥ 800 requests/s at 500 agreements).
/// The view keeps its rendered body under the same key (<see cref="DashboardResult.CacheKey"/>) and
/// the language, so a warm request renders only the menu around it.
/// </summary>
/// <remarks>
/// <para>The key is what the page is made of: who may read what (the organisation filter), today's
/// date in Riga (due dates and waits are counted from it), the regions (the filter's choices and
/// names), the filter, and the state of the agreements the filter looks at: their number, the sum
/// of their ids, and the highest and the sum of their data stamps. Every change a page shows moves
/// a data stamp in the change's own transaction (kept figures, statuses, review notes, names; see
/// <see cref="Reports.SummaryReportCache"/>), and a stamp is the audit sequence after the save, so it
/// only grows: a change always makes a new key. A deletion lowers the count and the id sum. Rows of
/// unchanged agreements still come from their own cached report models: a new key costs the queries
/// and the page's render, not the agreements' graphs.</para>
/// <para>Bounded: at most <see cref="MaxEntries"/> dashboards (least recently used dropped), each
/// gone after ten minutes unused; an entry holds the page's rows, which share the report models
/// with <see cref="Reports.SummaryReportCache"/>. Rendered bodies are bounded apart, by their
/// characters (<see cref="MaxBodyCharacters"/>: some 110 bodies of a 50-row page).</para>
/// </remarks>
public sealed class DashboardCache : IDisposable
{
    /// <summary>Enough for every combination a group of reviewers uses in a day; each entry is one page of rows.</summary>
    public const int MaxEntries = 256;

    /// <summary>16 M characters, 32 MB: a 50-row body is about 140 000 characters.</summary>
    public const int MaxBodyCharacters = 16 * 1024 * 1024;

    private static readonly TimeSpan Unused = TimeSpan.FromMinutes(10);

    private readonly MemoryCache _results = new(new MemoryCacheOptions { SizeLimit = MaxEntries });

    private readonly MemoryCache _bodies = new(new MemoryCacheOptions { SizeLimit = MaxBodyCharacters });

    /// <summary>What the agreements under the filter look like now; read in one aggregate query.</summary>
    public sealed record AgreementsState(int Count, long IdSum, long MaxStamp, long StampSum);

    public static string Key(int? organisationId, DateOnly today, string regions, AgreementsState state, DashboardFilter filter)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(filter);
        var key = new StringBuilder(128);
        Part(key, organisationId?.ToString(CultureInfo.InvariantCulture));
        Part(key, today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Part(key, string.Create(CultureInfo.InvariantCulture, $"{state.Count}/{state.IdSum}/{state.MaxStamp}/{state.StampSum}"));
        Part(key, regions);
        Part(key, filter.Key);
        return key.ToString();
    }

    /// <summary>Appends one part of a key with its length first; null is written as -1.</summary>
    public static void Part(StringBuilder key, string? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        key.Append(value?.Length ?? -1).Append(':').Append(value);
    }

    public DashboardResult? TryGet(string key) => _results.TryGetValue(key, out DashboardResult? result) ? result : null;

    public void Store(string key, DashboardResult result) =>
        _results.Set(key, result, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Unused });

    /// <summary>The body the view rendered for this result in this UI language; null if not kept.</summary>
    public string? TryGetBody(string key, string language) =>
        _bodies.TryGetValue(BodyKey(key, language), out string? body) ? body : null;

    public void StoreBody(string key, string language, string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        _bodies.Set(BodyKey(key, language), body, new MemoryCacheEntryOptions { Size = Math.Max(1, body.Length), SlidingExpiration = Unused });
    }

    private static (string Key, string Language) BodyKey(string key, string language) => (key, language);

    public void Dispose()
    {
        _results.Dispose();
        _bodies.Dispose();
    }
}
