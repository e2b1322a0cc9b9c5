using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Domain.Entry;
using ZemgaleNvo.Infrastructure.Data;

namespace ZemgaleNvo.Infrastructure.Evidence;

/// <summary>One evidence file of an approved year, as an auditor's download lists it.</summary>
/// <param name="AttachedTo">"Gads", "Rezultāts: …", "Izdevumi: …" — what the file supports, in Latvian.</param>
public sealed record ApprovedEvidenceItem(
    int FileId, int YearNumber, string AttachedTo, string FileName, string ContentType, long SizeBytes,
    string Sha256, DateTime UploadedAtUtc, string UploadedByName, Domain.Evidence.EvidenceScan Scan);

/// <summary>
/// The evidence files of an agreement's approved years, and their bytes: what the dossier (the
/// one download for an auditor) packs. Only approved years, because only they are final; deleted
/// files are left out. Runs under the organisation filter like every other query.
/// </summary>
public sealed class ApprovedYearEvidence(AppDbContext db, IEvidenceStore store)
{
    public async Task<IReadOnlyList<ApprovedEvidenceItem>> ListAsync(int agreementId, CancellationToken cancellationToken)
    {
        var rows = await db.EvidenceFiles
            .Where(f => f.ImplementationYear!.AgreementId == agreementId)
            .Select(f => new
            {
                f.Id, f.ImplementationYear!.Number, f.ImplementationYear.Status, f.FileName, f.ContentType, f.SizeBytes, f.Sha256,
                f.UploadedAtUtc, f.UploadedByName, f.Scan,
                ResultText = f.Activity == null ? null : f.Activity.Text,
                SpendingText = f.SpendingEntry == null ? null : f.SpendingEntry.Description,
            })
            .ToListAsync(cancellationToken);
        return rows
            .Where(r => FrozenData.IsFrozen(r.Status))
            .OrderBy(r => r.Number).ThenBy(r => r.Id)
            .Select(r => new ApprovedEvidenceItem(
                r.Id, r.Number,
                r.ResultText is not null ? $"Rezultāts: {Shorten(r.ResultText)}" : r.SpendingText is not null ? $"Izdevumi: {Shorten(r.SpendingText)}" : "Gads",
                r.FileName, r.ContentType, r.SizeBytes, r.Sha256, r.UploadedAtUtc, r.UploadedByName, r.Scan))
            .ToList();
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..79] + "…";

    /// <summary>The bytes of a listed file; the caller disposes the stream.</summary>
    public async Task<Stream> OpenAsync(ApprovedEvidenceItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        return await store.OpenReadAsync(item.Sha256, cancellationToken)
            ?? throw new InvalidOperationException($"The content of evidence file {item.FileId} ({item.Sha256}) is missing from the store.");
    }
}
