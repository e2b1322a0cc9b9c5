namespace ZemgaleNvo.Domain.Publication;

/// <summary>
/// A reviewer made an approved summary public: from <see cref="PublishedAtUtc"/> anyone may read it
/// on the portal's public page, until a reviewer withdraws it. A row is never deleted: withdrawing
/// fills in the withdrawal fields, and publishing again adds a new row, so who published and
/// withdrew what, and when, stays on record (and in the audit trail, as for every domain record).
/// </summary>
/// <remarks>
/// A publication is of one approved document: <see cref="FrozenReportId"/> is the frozen summary
/// that was approved when it was published. If the summary is reopened and approved again, the old
/// publication does not carry over to the new document by itself; a reviewer publishes again.
/// </remarks>
public class SummaryPublication
{
    public int Id { get; set; }
    public int AgreementId { get; set; }
    public Agreements.DelegationAgreement? Agreement { get; set; }

    /// <summary>The frozen, approved summary PDF that was published; none when the summary was approved before approvals froze a document.</summary>
    public int? FrozenReportId { get; set; }

    public DateTime PublishedAtUtc { get; set; }
    public string? PublishedByUserId { get; set; }
    public required string PublishedByName { get; set; }

    public DateTime? WithdrawnAtUtc { get; set; }
    public string? WithdrawnByUserId { get; set; }
    public string? WithdrawnByName { get; set; }

    public bool IsWithdrawn => WithdrawnAtUtc is not null;
}
