using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Infrastructure.Data;

namespace ZemgaleNvo.Web.Forms;

/// <summary>One field that differs between what is saved now and what the user is trying to save.</summary>
public sealed record ConflictField(string Label, string Saved, string Yours);

/// <summary>
/// Shown above a form whose save was refused because somebody else saved the same record after the
/// user opened it: who, when, and field by field what is saved now against what the user typed.
/// The form keeps the user's input and now carries the new version, so saving again is a deliberate
/// overwrite.
/// </summary>
public sealed record ConcurrencyConflict(string? ChangedBy, DateTime? ChangedAtUtc, IReadOnlyList<ConflictField> Fields, bool Deleted = false)
{
    /// <summary>The last change to a record according to the audit trail.</summary>
    public static async Task<ConcurrencyConflict> DescribeAsync(
        AppDbContext db, string entityType, int key, IReadOnlyList<ConflictField> fields, bool deleted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var entityKey = key.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var last = await db.AuditEntries
            .Where(e => e.EntityType == entityType && e.EntityKey == entityKey)
            .OrderByDescending(e => e.Id)
            .Select(e => new { e.UserName, e.AtUtc })
            .FirstOrDefaultAsync(cancellationToken);
        return new ConcurrencyConflict(last?.UserName, last?.AtUtc, fields.Where(f => f.Saved != f.Yours).ToList(), deleted);
    }
}
