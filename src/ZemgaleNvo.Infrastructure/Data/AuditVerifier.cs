using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Domain.Audit;

namespace ZemgaleNvo.Infrastructure.Data;

/// <summary>What <c>audit verify</c> found.</summary>
/// <param name="RowsChecked">Chained rows read, in sequence order, up to the first broken one.</param>
/// <param name="FirstBroken">The first row whose hash or position does not follow from the rows before it.</param>
/// <param name="HeadMismatch">The chain's recorded end differs from its last row: rows were cut off the end.</param>
/// <param name="Unchained">Rows without a place in the chain (written around the chain: never by the portal).</param>
public sealed record AuditVerification(long RowsChecked, AuditEntry? FirstBroken, bool HeadMismatch, long Unchained)
{
    public bool Intact => FirstBroken is null && !HeadMismatch && Unchained == 0;
}

/// <summary>Walks the whole audit chain from the first row and checks every link.</summary>
public static class AuditVerifier
{
    public static async Task<AuditVerification> VerifyAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var end = new AuditChainEnd(0, AuditChain.Genesis);
        AuditEntry? broken = null;
        // Streamed: the trail grows without bound, the check must not hold it all in memory.
        await foreach (var row in db.AuditEntries.AsNoTracking().Where(e => e.Sequence != null).OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (end.Next(row) is not { } next)
            {
                broken = row;
                break;
            }
            end = next;
        }
        var head = await db.AuditChainHeads.AsNoTracking().SingleAsync(h => h.Id == AuditChainHead.SingletonId, cancellationToken);
        var headMismatch = broken is null && (head.LastSequence != end.Sequence || !string.Equals(head.LastHash, end.Hash, StringComparison.Ordinal));
        var unchained = await db.AuditEntries.LongCountAsync(e => e.Sequence == null, cancellationToken);
        return new AuditVerification(end.Sequence, broken, headMismatch, unchained);
    }
}
