namespace ZemgaleNvo.Domain.Reviews;

public enum ReviewNoteKind
{
    /// <summary>A remark by a reviewer or the performer's staff.</summary>
    Comment,
    Submitted,

    /// <summary>Returned to the performer; the text is the reason.</summary>
    Returned,
    Approved,

    /// <summary>An approved year opened again by an admin; the text is the reason.</summary>
    Reopened,
}

/// <summary>
/// One entry of a year's (or the summary's) review history: a comment, or a workflow step with its
/// reason. Kept forever: the application adds notes and never changes or removes them.
/// </summary>
public class ReviewNote
{
    public long Id { get; set; }
    public int AgreementId { get; set; }
    public Agreements.DelegationAgreement? Agreement { get; set; }

    /// <summary>The implementation year; none for the whole-period summary.</summary>
    public int? YearNumber { get; set; }

    public ReviewNoteKind Kind { get; set; }

    /// <summary>The comment or the reason; required for comments, returns and reopenings.</summary>
    public string? Text { get; set; }

    /// <summary>The result the comment is about, when it is about one.</summary>
    public int? ActivityId { get; set; }

    /// <summary>The spending entry the comment is about, when it is about one.</summary>
    public int? SpendingEntryId { get; set; }

    public string? AuthorUserId { get; set; }
    public required string AuthorName { get; set; }
    public DateTime AtUtc { get; set; }
}

/// <summary>
/// The report document exactly as it was approved: its bytes, their SHA-256, who approved it and
/// when. Downloading an approved report serves these bytes, so what was approved is what is read.
/// </summary>
public class FrozenReport
{
    public int Id { get; set; }
    public int AgreementId { get; set; }
    public Agreements.DelegationAgreement? Agreement { get; set; }

    /// <summary>The year of a yearly report; none for the summary.</summary>
    public int? YearNumber { get; set; }

    /// <summary>"lv" or "en".</summary>
    public required string Language { get; set; }

    public required byte[] Content { get; set; }

    /// <summary>Lower-case hex SHA-256 of <see cref="Content"/>; also the download's ETag.</summary>
    public required string Sha256 { get; set; }

    public required string FileName { get; set; }
    public string? ApprovedByUserId { get; set; }
    public required string ApprovedByName { get; set; }
    public DateTime ApprovedAtUtc { get; set; }
}
