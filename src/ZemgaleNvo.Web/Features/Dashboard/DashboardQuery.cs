using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Domain.Budget;
using ZemgaleNvo.Domain.Checks;
using ZemgaleNvo.Domain.Organisations;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Web.Features.Deadlines;
using ZemgaleNvo.Web.Features.Reports;

namespace ZemgaleNvo.Web.Features.Dashboard;

/// <summary>The latest audit row of an agreement: when, and by whom (the user name as recorded then).</summary>
public sealed record LastChange(long AuditId, DateTime AtUtc, string UserName);

/// <summary>
/// One agreement on the dashboard: its report model (the same one the agreement page, the summary
/// and the PDF read, so the figures cannot differ) and its last change.
/// </summary>
public sealed record DashboardRow(SummaryReport Report, LastChange? LastChange)
{
    /// <summary>The due dates and states of the agreement's reports, on today's date in Riga.</summary>
    public AgreementDeadlines? Deadlines { get; init; }

    public ReportAgreement Agreement => Report.Agreement;

    public long PlannedCents => Report.Totals.PlannedCents;

    public long ActualCents => Report.Totals.ActualCents;

    /// <summary>
    /// Actual against planned over the whole period, with the domain's rounding. Over a whole
    /// period carry-overs cancel out (what one year carries out the next carries in), so planned is
    /// what was available; none when nothing was planned.
    /// </summary>
    public decimal? ExecutionPercent => BudgetReconciliation.ExecutionPercent(ActualCents, PlannedCents);

    /// <summary>Findings are "open" as long as the data that causes them is unchanged: the portal recomputes them and has no way to dismiss one.</summary>
    public int Errors => Report.Findings.Count(f => f.Severity == FindingSeverity.Error);

    public int Warnings => Report.Findings.Count(f => f.Severity == FindingSeverity.Warning);
}

/// <summary>The dashboard as the user asked for it: the filters understood, the choices for the filter form, and the rows.</summary>
/// <param name="Years">Calendar years some agreement is active in, for the period filter; empty when there are no agreements.</param>
public sealed record DashboardResult(
    DashboardFilter Filter,
    IReadOnlyList<Region> Regions,
    IReadOnlyList<int> Years,
    IReadOnlyList<DashboardRow> Rows,
    int TotalAgreements);

/// <summary>
/// Every agreement of every region in one table, filtered and sorted as the query string says.
/// Reads the agreements' cached report models (<see cref="SummaryReportCache"/>, the same stamp and
/// builder as <see cref="SummaryReportQuery"/>) and loads the full reporting graph only of the
/// agreements whose model is missing or out of date, all of them in a few batched queries rather
/// than one query set per agreement.
/// </summary>
/// <remarks>
/// The last change is the agreement's highest audit row: every audit row of a record under an
/// agreement carries the agreement's id (AuditCapture.ResolveAgreementsAsync), deletions included,
/// and ids grow with every save. One correlated <c>MAX(Id) … WHERE AgreementId = …</c> per
/// agreement is a seek on the (AgreementId, Id) index, so this stays cheap however long the trail
/// grows, and it is read fresh on every request. Limitation: rows written before audit rows carried
/// their agreement (migration ReviewHistoryFrozenReportsAuditChain) have none and are not counted,
/// and they cannot be tagged later (the trail is append-only); only databases older than that
/// migration are affected.
/// </remarks>
public sealed class DashboardQuery(AppDbContext db, SummaryReportCache reports, DeadlineQuery deadlines)
{
    /// <summary>Agreements whose graphs are loaded at once when their models are out of date: bounds the memory a cold cache needs.</summary>
    private const int GraphBatchSize = 25;

    public async Task<DashboardResult> RunAsync(DashboardFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Name).ToListAsync(cancellationToken);

        if (filter.RegionCode is { } code)
        {
            var region = regions.FirstOrDefault(r => string.Equals(r.Code, code, StringComparison.OrdinalIgnoreCase));
            filter = region is null ? filter.WithoutRegion(code) : filter with { RegionCode = region.Code };
        }

        // The organisation filter still applies: defence in depth behind the page's policy.
        var agreements = db.Agreements.AsNoTracking();
        var span = await agreements
            .GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), First = g.Min(a => a.PeriodStart), Last = g.Max(a => a.PeriodEnd) })
            .SingleOrDefaultAsync(cancellationToken);
        var years = span is null ? [] : Enumerable.Range(span.First.Year, span.Last.Year - span.First.Year + 1).ToList();

        if (filter.RegionCode is { } regionCode)
        {
            agreements = agreements.Where(a => a.Region!.Code == regionCode);
        }
        if (filter.Status is { } status)
        {
            agreements = agreements.Where(a => a.Years.Any(y => y.Status == status));
        }
        if (filter.Year is { } year)
        {
            var first = new DateOnly(year, 1, 1);
            var last = new DateOnly(year, 12, 31);
            agreements = agreements.Where(a => a.PeriodStart <= last && a.PeriodEnd >= first);
        }
        var listed = await agreements
            // Each agreement's data stamp first, as SummaryReportQuery does: the graphs read after it are
            // at least as new, so nothing is stored under a stamp older than its data.
            .Select(a => new { a.Id, a.DataStamp, LastAuditId = db.AuditEntries.Where(e => e.AgreementId == a.Id).Max(e => (long?)e.Id) })
            .ToListAsync(cancellationToken);
        var ids = listed.Select(a => a.Id).ToList();
        var lastAuditIds = listed.Where(a => a.LastAuditId is not null).Select(a => a.LastAuditId!.Value).ToList();
        var changes = await db.AuditEntries
            .Where(e => lastAuditIds.Contains(e.Id))
            .Select(e => new LastChange(e.Id, e.AtUtc, e.UserName))
            .ToDictionaryAsync(c => c.AuditId, cancellationToken);

        var models = await ReportsAsync(listed.ToDictionary(a => a.Id, a => a.DataStamp), regions, cancellationToken);
        // Deadlines depend on today's date, so they are never cached with the report models.
        var due = await deadlines.ForAgreementsAsync(ids, cancellationToken);
        var rows = listed
            .Where(a => models.ContainsKey(a.Id))
            .Select(a => new DashboardRow(models[a.Id], a.LastAuditId is { } last ? changes.GetValueOrDefault(last) : null) { Deadlines = due.GetValueOrDefault(a.Id) })
            .Where(r => filter.Due switch
            {
                DashboardDue.Overdue => r.Deadlines?.AnyOverdue == true,
                DashboardDue.Soon => r.Deadlines?.AnyDueSoon == true,
                _ => true,
            })
            .ToList();
        return new DashboardResult(filter, regions, years, Sort(rows, filter.Sort, filter.Descending), span?.Count ?? 0);
    }

    /// <summary>The report models of the agreements: from the cache when current, otherwise built in batches and stored.</summary>
    private async Task<Dictionary<int, SummaryReport>> ReportsAsync(Dictionary<int, long> stamps, IReadOnlyList<Region> regions, CancellationToken cancellationToken)
    {
        var found = new Dictionary<int, SummaryReport>(stamps.Count);
        var missing = new List<int>();
        foreach (var (id, stamp) in stamps)
        {
            if (reports.TryGet(id, stamp) is { } cached)
            {
                found[id] = cached;
            }
            else
            {
                missing.Add(id);
            }
        }

        foreach (var batch in missing.Chunk(GraphBatchSize))
        {
            var loaded = await db.Agreements
                .AsNoTracking()
                .WithReportingGraph()
                .Where(a => batch.Contains(a.Id))
                .ToListAsync(cancellationToken);
            foreach (var agreement in loaded)
            {
                var report = SummaryReportBuilder.Build(agreement, regions);
                reports.Store(agreement.Id, stamps[agreement.Id], report);
                found[agreement.Id] = report;
            }
        }
        return found;
    }

    /// <summary>
    /// Sorts the rows; ties (and the default) fall back to region, performer and period start, so
    /// the order is stable between requests. Rows without a figure (no execution, no change) go last
    /// in either direction: "unknown" is not the smallest value.
    /// </summary>
    internal static IReadOnlyList<DashboardRow> Sort(IEnumerable<DashboardRow> rows, DashboardSort sort, bool descending)
    {
        var culture = System.Globalization.CultureInfo.GetCultureInfo("lv-LV");
        var text = StringComparer.Create(culture, ignoreCase: true);
        var withFigureFirst = rows.OrderBy(r => sort switch
        {
            DashboardSort.Execution => r.ExecutionPercent is null,
            DashboardSort.Changed => r.LastChange is null,
            DashboardSort.Waiting => r.Deadlines?.LongestWaitDays is null,
            _ => false,
        });
        var ordered = sort switch
        {
            DashboardSort.Performer => By(withFigureFirst, r => r.Agreement.Performer, descending, text),
            DashboardSort.Start => By(withFigureFirst, r => r.Agreement.PeriodStart, descending),
            DashboardSort.Execution => By(withFigureFirst, r => r.ExecutionPercent, descending),
            DashboardSort.Findings => By(By(withFigureFirst, r => r.Errors, descending), r => r.Warnings, descending),
            DashboardSort.Changed => By(withFigureFirst, r => r.LastChange?.AuditId, descending),
            DashboardSort.Waiting => By(withFigureFirst, r => r.Deadlines?.LongestWaitDays, descending),
            _ => By(withFigureFirst, r => r.Agreement.Region, descending, text),
        };
        return ordered
            .ThenBy(r => r.Agreement.Region, text)
            .ThenBy(r => r.Agreement.Performer, text)
            .ThenBy(r => r.Agreement.PeriodStart)
            .ThenBy(r => r.Agreement.Id)
            .ToList();
    }

    private static IOrderedEnumerable<DashboardRow> By<TKey>(IOrderedEnumerable<DashboardRow> rows, Func<DashboardRow, TKey> key, bool descending, IComparer<TKey>? comparer = null) =>
        descending ? rows.ThenByDescending(key, comparer) : rows.ThenBy(key, comparer);
}
