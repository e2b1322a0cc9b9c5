namespace ZemgaleNvo.Domain.Evidence;

/// <summary>Whether the virus scanner looked at a file before it was stored.</summary>
public enum EvidenceScan
{
    /// <summary>clamd scanned the whole file and found nothing.</summary>
    Clean,

    /// <summary>
    /// Stored without a scan: only in Development with <c>Attachments:Scanner=none</c>. The pages
    /// say "nav pārbaudīts" next to it.
    /// </summary>
    NotScanned,
}

/// <summary>
/// A supporting file (attendance list, invoice, photo, publication) kept behind a result, a
/// spending entry or the year itself. The bytes are stored once per content, under their SHA-256
/// (see the storage decision); this row says whose it is, what it is called and who brought it.
/// It belongs to a year, so an approved year's files are frozen with the rest of its data.
/// </summary>
public class EvidenceFile : IVersioned, ISoftDeletable
{
    public int Id { get; set; }
    public int ImplementationYearId { get; set; }
    public Agreements.ImplementationYear? ImplementationYear { get; set; }

    /// <summary>The result the file supports; null when it is attached to a spending entry or the year.</summary>
    public int? ActivityId { get; set; }
    public Agreements.Activity? Activity { get; set; }

    /// <summary>The spending entry the file supports (an invoice, a receipt); null otherwise.</summary>
    public int? SpendingEntryId { get; set; }
    public Agreements.SpendingEntry? SpendingEntry { get; set; }

    /// <summary>The sanitised name, with the extension of the type the content was found to be.</summary>
    public required string FileName { get; set; }

    /// <summary>The media type decided from the content (<see cref="EvidenceContent"/>), never from the name.</summary>
    public required string ContentType { get; set; }

    public long SizeBytes { get; set; }

    /// <summary>Lower-case hex SHA-256 of the content: the key of the stored bytes.</summary>
    public required string Sha256 { get; set; }

    public string? UploadedByUserId { get; set; }
    public required string UploadedByName { get; set; }
    public DateTime UploadedAtUtc { get; set; }
    public EvidenceScan Scan { get; set; }
    public int Version { get; set; }
    public DateTime? DeletedAtUtc { get; set; }
}
