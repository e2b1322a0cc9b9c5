using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ZemgaleNvo.Domain.Audit;

/// <summary>
/// The audit trail as a hash chain: each row's hash covers the previous row's hash and the row's
/// own content, so a row changed, removed or inserted afterwards (even straight in the database)
/// breaks the chain from that row on.
/// </summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of the very first row.</summary>
    public static readonly string Genesis = new('0', 64);

    public static string Link(string previousHash, AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(previousHash);
        ArgumentNullException.ThrowIfNull(entry);
        var content = string.Join('\u001F',
            previousHash,
            entry.AtUtc.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture),
            Field(entry.UserId),
            entry.UserName,
            entry.Action.ToString(),
            entry.EntityType,
            entry.EntityKey,
            entry.Field,
            Field(entry.OldValue),
            Field(entry.NewValue),
            Field(entry.RequestId),
            entry.AgreementId?.ToString(CultureInfo.InvariantCulture) ?? "\u0000",
            entry.Sequence?.ToString(CultureInfo.InvariantCulture) ?? "\u0000");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
    }

    /// <summary>The first row whose hash does not follow from the rows before it; none when the chain holds.</summary>
    /// <param name="rowsInOrder">Every chained row, by <see cref="AuditEntry.Sequence"/>.</param>
    public static AuditEntry? FirstBrokenLink(IEnumerable<AuditEntry> rowsInOrder)
    {
        ArgumentNullException.ThrowIfNull(rowsInOrder);
        var end = new AuditChainEnd(0, Genesis);
        foreach (var row in rowsInOrder)
        {
            if (end.Next(row) is not { } next)
            {
                return row;
            }
            end = next;
        }
        return null;
    }

    // Null and empty must hash differently, or clearing a value would go unnoticed.
    private static string Field(string? value) => value ?? "\u0000";
}

/// <summary>
/// The end of a chain: the last sequence number and hash. Both writing (<see cref="Extend"/>) and
/// checking (<see cref="Next"/>) walk the chain through this one type, so they cannot drift apart.
/// </summary>
public readonly record struct AuditChainEnd(long Sequence, string Hash)
{
    /// <summary>Gives a new row the next place in the chain and its hash; returns the new end.</summary>
    public AuditChainEnd Extend(AuditEntry row)
    {
        ArgumentNullException.ThrowIfNull(row);
        row.Sequence = Sequence + 1;
        row.Hash = AuditChain.Link(Hash, row);
        return new AuditChainEnd(row.Sequence.Value, row.Hash);
    }

    /// <summary>
    /// The end after a stored row when it is the next link: the next sequence number (a gap is a
    /// removed row, even if the hashes after it were recomputed) and the hash its content and this
    /// end give. None when the row breaks the chain.
    /// </summary>
    public AuditChainEnd? Next(AuditEntry row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Sequence == Sequence + 1 && string.Equals(row.Hash, AuditChain.Link(Hash, row), StringComparison.Ordinal)
            ? new AuditChainEnd(row.Sequence.Value, row.Hash!)
            : null;
    }
}
