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
        var previous = Genesis;
        long position = 0;
        foreach (var row in rowsInOrder)
        {
            var expected = Link(previous, row);
            // A missing sequence number is a removed row, even if the hashes after it were recomputed.
            if (row.Sequence != ++position || !string.Equals(row.Hash, expected, StringComparison.Ordinal))
            {
                return row;
            }
            previous = expected;
        }
        return null;
    }

    // Null and empty must hash differently, or clearing a value would go unnoticed.
    private static string Field(string? value) => value ?? "\u0000";
}
