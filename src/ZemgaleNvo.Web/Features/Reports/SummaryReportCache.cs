using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Domain.Agreements;

namespace ZemgaleNvo.Web.Features.Reports;

/// <summary>
/// Computed report models, one per agreement, reused while the data they were computed from is
/// unchanged. Loading an agreement's whole graph and running the checks is most of a report page's
/// cost; the model is immutable and language-neutral, so every user allowed to see the agreement
/// can share it.
/// </summary>
/// <remarks>
/// "Unchanged" is the agreement's own data stamp (<see cref="DelegationAgreement.DataStamp"/>), which
/// the data layer moves in the same transaction as any change to what the agreement's reports show
/// (Infrastructure/Data/AgreementStamps.cs). A change in one agreement leaves every other
/// agreement's model, page, ETag and PDF valid; sign-ins and refused requests move no stamp.
/// The stamp comes from the database, so several instances stay right without talking to each
/// other. The stamp is read before the graph, so a model is never older than its stamp.
/// </remarks>
public sealed class SummaryReportCache
{
    private readonly ConcurrentDictionary<int, (long Stamp, SummaryReport Report)> _reports = new();

    /// <summary>
    /// The agreement's data stamp, read through <paramref name="agreements"/> (so under the caller's
    /// organisation filter, or past it for the public pages); null when there is no such agreement.
    /// </summary>
    public static async Task<long?> DataStampAsync(IQueryable<DelegationAgreement> agreements, int agreementId, CancellationToken cancellationToken) =>
        await agreements.Where(a => a.Id == agreementId).Select(a => (long?)a.DataStamp).FirstOrDefaultAsync(cancellationToken);

    public SummaryReport? TryGet(int agreementId, long stamp) =>
        _reports.TryGetValue(agreementId, out var entry) && entry.Stamp == stamp ? entry.Report : null;

    public void Store(int agreementId, long stamp, SummaryReport report) => _reports[agreementId] = (stamp, report);
}
