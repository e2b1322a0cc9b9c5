using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Reviews;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Pdf;
using ZemgaleNvo.Web.Features.Reports;
using ZemgaleNvo.Web.Features.Reports.Pdf;
using ZemgaleNvo.Web.Features.Sealing;
using ZemgaleNvo.Web.Formatting;

namespace ZemgaleNvo.Web.Features.Review;

/// <summary>
/// Makes the document of an approval: the yearly report (or the summary) rendered from the data as
/// approved, in Latvian (the official language of the report), sealed with the ministry's seal when
/// one is configured (signing time: the approval's), stored with its SHA-256, the approver and the
/// time, in the same save as the approval itself.
/// </summary>
public sealed class ReportFreezer(AppDbContext db, FontSet fonts, ReportSeal seal)
{
    /// <summary>The language of the official, frozen document.</summary>
    public const string Language = "lv";

    /// <param name="agreement">The tracked agreement graph (WithReportingGraph), already showing the approved status.</param>
    public async Task<FrozenReport> FreezeAsync(DelegationAgreement agreement, int? yearNumber, string? approverId, string approverName, DateTime atUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        var regions = await db.Regions.AsNoTracking().ToListAsync(cancellationToken);
        var report = SummaryReportBuilder.Build(agreement, regions);
        var created = new DateTimeOffset(DateTime.SpecifyKind(atUtc, DateTimeKind.Utc));
        var rendered = yearNumber is { } number
            ? YearReportPdf.Render(report, number, ReportFormat.Latvian, fonts, includeFindingsAnnex: false, created)
            : SummaryPdf.Render(report, ReportFormat.Latvian, fonts, includeFindingsAnnex: false, created);
        var bytes = await seal.SealAsync(rendered, created, cancellationToken);
        var frozen = new FrozenReport
        {
            AgreementId = agreement.Id,
            YearNumber = yearNumber,
            Language = Language,
            Content = bytes,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            FileName = yearNumber is { } n ? YearReportPdf.FileName(report, n) : SummaryPdf.FileName(report),
            ApprovedByUserId = approverId,
            ApprovedByName = approverName,
            ApprovedAtUtc = atUtc,
        };
        db.FrozenReports.Add(frozen);
        return frozen;
    }

    /// <summary>The latest frozen document of an approved year (or summary), for downloads.</summary>
    public Task<FrozenReport?> LatestAsync(int agreementId, int? yearNumber, CancellationToken cancellationToken) =>
        db.FrozenReports.AsNoTracking()
            .Where(r => r.AgreementId == agreementId && r.YearNumber == yearNumber && r.Language == Language)
            .OrderByDescending(r => r.Id)
            .FirstOrDefaultAsync(cancellationToken);
}
