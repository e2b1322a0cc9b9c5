using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Domain.Audit;
using ZemgaleNvo.Infrastructure.Data;

namespace ZemgaleNvo.Web.Features.Reports;

/// <summary>
/// Computed report models, one per agreement, reused while the data they were computed from is
/// unchanged. Loading an agreement's whole graph and running the checks is most of a report page's
/// cost; the model is immutable and language-neutral, so every user allowed to see the agreement
/// can share it.
/// </summary>
/// <remarks>
/// "Unchanged" is the audit trail's last data-change row: every change of domain data writes audit
/// rows (Created, Updated, Deleted) in its own transaction (see AppDbContext.SaveChangesAsync), so a
/// new change means a new highest id. Sign-ins and refused requests are in the trail too but change
/// no report: counting them would throw every cached model away at each sign-in.
/// The stamp comes from the database, so several instances stay right without talking to each
/// other. The stamp is read before the graph, so a model is never older than its stamp.
/// </remarks>
public sealed class SummaryReportCache
{
    private readonly ConcurrentDictionary<int, (long Stamp, SummaryReport Report)> _reports = new();

    public static async Task<long> DataStampAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        // Newest first and stop at the first data change: only the security rows written since the
        // last change are passed over, not the whole trail.
        return await db.AuditEntries
            .Where(a => a.Action == AuditAction.Created || a.Action == AuditAction.Updated || a.Action == AuditAction.Deleted)
            .OrderByDescending(a => a.Id)
            .Select(a => (long?)a.Id)
            .FirstOrDefaultAsync(cancellationToken) ?? 0;
    }

    public SummaryReport? TryGet(int agreementId, long stamp) =>
        _reports.TryGetValue(agreementId, out var entry) && entry.Stamp == stamp ? entry.Report : null;

    public void Store(int agreementId, long stamp, SummaryReport report) => _reports[agreementId] = (stamp, report);
}
