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

/// <summary>Sums over every agreement the filter selects (all pages), from the kept figures.</summary>
public sealed record DashboardTotals(int Agreements, long PlannedCents, long ActualCents, int Errors, int Warnings)
{
    public static DashboardTotals None { get; } = new(0, 0, 0, 0, 0);

    public decimal? ExecutionPercent => BudgetReconciliation.ExecutionPercent(ActualCents, PlannedCents);
}

/// <summary>The dashboard as the user asked for it: the filters understood, the choices for the filter form, and one page of rows.</summary>
/// <param name="Years">Calendar years some agreement is active in, for the period filter; empty when there are no agreements.</param>
/// <param name="Totals">Over the whole filter, not only the page shown.</param>
/// <param name="PageCount">Pages of <see cref="DashboardFilter.PageSize"/> agreements the filter fills; at least 1.</param>
public sealed record DashboardResult(
    DashboardFilter Filter,
    IReadOnlyList<Region> Regions,
    IReadOnlyList<int> Years,
    IReadOnlyList<DashboardRow> Rows,
    int TotalAgreements)
{
    public DashboardTotals Totals { get; init; } = DashboardTotals.None;

    public int PageCount { get; init; } = 1;

    /// <summary>The key the result is kept under (<see cref="DashboardCache"/>); the view keeps its rendered body under it too.</summary>
    public string CacheKey { get; init; } = "";
}

/// <summary>
/// Every agreement of every region, filtered, sorted, totalled and paged by the database over the
/// kept figures (<see cref="AgreementFigures"/>, <see cref="YearFigures"/>: computed by the domain's
/// rules in the transaction of every change, issue 18). Only the page shown (at most
/// <see cref="DashboardFilter.PageSize"/> agreements) is then built into rows: their report models
/// from <see cref="SummaryReportCache"/> (per agreement stamp; missing ones loaded in a few batched
/// queries), their due dates on today's date. The result is kept (<see cref="DashboardCache"/>) under
/// a key read in one aggregate query, so a warm request runs that query and the regions', nothing else.
/// </summary>
/// <remarks>
/// The last change is the agreement's highest audit row, kept with the figures: every audit row of
/// a record under an agreement carries the agreement's id (AuditCapture.ResolveAgreementsAsync),
/// deletions included. Limitation: rows written before audit rows carried their agreement
/// (migration ReviewHistoryFrozenReportsAuditChain) have none and are not counted.
/// Names sort by Latvian sort keys kept with the figures (<see cref="KeptFigures.SortKey"/>), so
/// the database orders them as the page's comparer does.
/// </remarks>
public sealed class DashboardQuery(AppDbContext db, SummaryReportCache reports, DeadlineQuery deadlines, DashboardCache cache, IDataScope scope)
{
    /// <summary>Agreements whose graphs are loaded at once when their models are out of date: bounds the memory a cold cache needs.</summary>
    private const int GraphBatchSize = 25;

    /// <summary>One agreement as the database sorts it.</summary>
    private sealed class Listed
    {
        public int Id { get; init; }
        public DateOnly PeriodStart { get; init; }
        public long DataStamp { get; init; }
        public required byte[] RegionKey { get; init; }
        public required byte[] PerformerKey { get; init; }
        public long PlannedCents { get; init; }
        public long ActualCents { get; init; }
        public int? ExecutionPermille { get; init; }
        public int Errors { get; init; }
        public int Warnings { get; init; }
        public long? LastChangeAuditId { get; init; }
        public DateTime? LastChangeAtUtc { get; init; }
        public string? LastChangeBy { get; init; }
        public DateOnly? WaitingSince { get; init; }
    }

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
            .Select(g => new
            {
                Count = g.Count(),
                First = g.Min(a => a.PeriodStart),
                Last = g.Max(a => a.PeriodEnd),
                IdSum = g.Sum(a => (long)a.Id),
                MaxStamp = g.Max(a => a.DataStamp),
                StampSum = g.Sum(a => a.DataStamp),
            })
            .SingleOrDefaultAsync(cancellationToken);
        var state = span is null ? new DashboardCache.AgreementsState(0, 0, 0, 0) : new DashboardCache.AgreementsState(span.Count, span.IdSum, span.MaxStamp, span.StampSum);
        var regionsKey = new System.Text.StringBuilder();
        foreach (var r in regions)
        {
            DashboardCache.Part(regionsKey, $"{r.Id}/{r.Code}/{r.Name}");
        }
        var key = DashboardCache.Key(scope.RestrictToOrganisationId, deadlines.Today, regionsKey.ToString(), state, filter);
        if (cache.TryGet(key) is { } kept)
        {
            return kept;
        }

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
        if (filter.Due is { } due)
        {
            // The same states as Deadline.Evaluate: only a report still awaiting its first submission is overdue or due soon.
            var today = deadlines.Today;
            var from = due == DashboardDue.Overdue ? DateOnly.MinValue : today;
            var to = due == DashboardDue.Overdue ? today.AddDays(-1) : today.AddDays(Domain.Periods.Deadline.DueSoonDays);
            agreements = agreements.Where(a =>
                db.Set<YearFigures>().Any(y => y.AgreementId == a.Id && y.AwaitingSubmission && y.DueOn >= from && y.DueOn <= to)
                || db.Set<AgreementFigures>().Any(f => f.AgreementId == a.Id && f.SummaryAwaitingSubmission && f.SummaryDueOn >= from && f.SummaryDueOn <= to));
        }

        var listed = agreements.Join(db.Set<AgreementFigures>(), a => a.Id, f => f.AgreementId, (a, f) => new Listed
        {
            Id = a.Id,
            PeriodStart = a.PeriodStart,
            DataStamp = a.DataStamp,
            RegionKey = f.RegionSortKey,
            PerformerKey = f.PerformerSortKey,
            PlannedCents = f.PlannedCents,
            ActualCents = f.ActualCents,
            ExecutionPermille = f.ExecutionPermille,
            Errors = f.Errors,
            Warnings = f.Warnings,
            LastChangeAuditId = f.LastChangeAuditId,
            LastChangeAtUtc = f.LastChangeAtUtc,
            LastChangeBy = f.LastChangeBy,
            WaitingSince = f.WaitingSince,
        });
        var totals = await listed
            .GroupBy(_ => 1)
            .Select(g => new DashboardTotals(g.Count(), g.Sum(x => x.PlannedCents), g.Sum(x => x.ActualCents), g.Sum(x => x.Errors), g.Sum(x => x.Warnings)))
            .SingleOrDefaultAsync(cancellationToken) ?? DashboardTotals.None;
        var pageCount = Math.Max(1, (totals.Agreements + DashboardFilter.PageSize - 1) / DashboardFilter.PageSize);
        filter = filter with { Page = Math.Min(filter.Page, pageCount) };

        var page = await Order(listed, filter.Sort, filter.Descending)
            .Skip((filter.Page - 1) * DashboardFilter.PageSize)
            .Take(DashboardFilter.PageSize)
            .ToListAsync(cancellationToken);

        var ids = page.Select(a => a.Id).ToList();
        var models = await ReportsAsync(page.ToDictionary(a => a.Id, a => a.DataStamp), regions, cancellationToken);
        // Deadlines depend on today's date, so they are evaluated for the page shown, never kept.
        var dueDates = await deadlines.ForAgreementsAsync(ids, cancellationToken);
        var rows = page
            .Where(a => models.ContainsKey(a.Id))
            .Select(a => new DashboardRow(models[a.Id], a.LastChangeAuditId is { } auditId ? new LastChange(auditId, a.LastChangeAtUtc!.Value, a.LastChangeBy!) : null)
            {
                Deadlines = dueDates.GetValueOrDefault(a.Id),
            })
            .ToList();
        var result = new DashboardResult(filter, regions, years, Sort(rows, filter.Sort, filter.Descending), span?.Count ?? 0)
        {
            Totals = totals,
            PageCount = pageCount,
            CacheKey = key,
        };
        cache.Store(key, result);
        return result;
    }

    /// <summary>
    /// The order of <see cref="Sort"/>, in SQL: agreements without a figure last in either direction,
    /// ties by region, performer, period start and id, so pages do not overlap.
    /// </summary>
    private static IOrderedQueryable<Listed> Order(IQueryable<Listed> listed, DashboardSort sort, bool descending)
    {
        var ordered = sort switch
        {
            DashboardSort.Performer => By(listed, a => a.PerformerKey, descending),
            DashboardSort.Start => By(listed, a => a.PeriodStart, descending),
            DashboardSort.Execution => By(listed.OrderBy(a => a.ExecutionPermille == null ? 1 : 0), a => a.ExecutionPermille, descending),
            DashboardSort.Findings => By(By(listed, a => a.Errors, descending), a => a.Warnings, descending),
            DashboardSort.Changed => By(listed.OrderBy(a => a.LastChangeAuditId == null ? 1 : 0), a => a.LastChangeAuditId, descending),
            // The longest wait is the earliest date it waits since.
            DashboardSort.Waiting => By(listed.OrderBy(a => a.WaitingSince == null ? 1 : 0), a => a.WaitingSince, !descending),
            _ => By(listed, a => a.RegionKey, descending),
        };
        return ordered.ThenBy(a => a.RegionKey).ThenBy(a => a.PerformerKey).ThenBy(a => a.PeriodStart).ThenBy(a => a.Id);
    }

    private static IOrderedQueryable<Listed> By<TKey>(IQueryable<Listed> listed, System.Linq.Expressions.Expression<Func<Listed, TKey>> key, bool descending) =>
        descending ? listed.OrderByDescending(key) : listed.OrderBy(key);

    private static IOrderedQueryable<Listed> By<TKey>(IOrderedQueryable<Listed> listed, System.Linq.Expressions.Expression<Func<Listed, TKey>> key, bool descending) =>
        descending ? listed.ThenByDescending(key) : listed.ThenBy(key);

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
    /// Sorts the rows of a page as <see cref="Order"/> chose them (the reference order, pinned by the
    /// unit tests; the database picks which agreements are on the page); ties (and the default) fall
    /// back to region, performer and period start, so the order is stable between requests. Rows without a figure (no execution, no change) go last
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
