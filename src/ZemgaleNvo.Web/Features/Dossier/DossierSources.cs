using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Domain.Reviews;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Pdf;
using ZemgaleNvo.Web.Features.Audit;
using ZemgaleNvo.Web.Features.Reports.Export;
using ZemgaleNvo.Web.Features.Reports.Pdf;
using ZemgaleNvo.Web.Features.Review;
using ZemgaleNvo.Web.Formatting;

namespace ZemgaleNvo.Web.Features.Dossier;

/// <summary>
/// The summary in every form the portal gives it, in Latvian: the PDF (the frozen, approved document
/// when the summary is approved; otherwise rendered from the data as it stands, without the annex),
/// and the XLSX, CSV and JSON from the existing exporters, with the portal's findings (the auditor
/// is one of the people they are for).
/// </summary>
public sealed class SummaryFilesSource(AppDbContext db, FontSet fonts) : IDossierSource
{
    public async IAsyncEnumerable<DossierEntry> EntriesAsync(DossierContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var report = context.Report;
        var stem = "kopsavilkums/" + report.FileStem;
        var frozenId = report.Agreement.SummaryStatus == ReviewStatus.Approved
            ? await FrozenDocuments.LatestIdAsync(db, context.AgreementId, null, cancellationToken)
            : null;
        yield return frozenId is { } id
            ? new DossierEntry(stem + ".pdf", "approvedSummaryPdf", Compress: false,
                (stream, token) => FrozenDocuments.WriteAsync(db, id, stream, token))
            : DossierEntry.OfBytes(stem + ".pdf", "summaryPdf", compress: false,
                SummaryPdf.Render(report, ReportFormat.Latvian, fonts, includeFindingsAnnex: false, context.AsOf));
        yield return DossierEntry.OfBytes(stem + ".xlsx", "summaryXlsx", compress: false, SummaryXlsx.Render(report, ReportFormat.Latvian));
        yield return DossierEntry.OfBytes(stem + ".csv", "summaryCsv", compress: true, SummaryCsv.Render(report, ReportFormat.Latvian));
        yield return DossierEntry.OfBytes(stem + ".json", "summaryJson", compress: true, SummaryJson.Render(report));
    }
}

/// <summary>
/// The yearly report of every approved year: the PDF frozen at its approval, exactly as stored. A
/// year approved before approvals froze their document has none; its report is rendered from its
/// (approved, so unchanging) data instead, and the manifest says so by its kind.
/// </summary>
public sealed class ApprovedYearReportsSource(AppDbContext db, FontSet fonts) : IDossierSource
{
    public async IAsyncEnumerable<DossierEntry> EntriesAsync(DossierContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var report = context.Report;
        foreach (var year in report.Years.Where(y => y.Status == ReviewStatus.Approved).OrderBy(y => y.Number))
        {
            var path = "gadi/" + YearReportPdf.FileName(report, year.Number);
            var frozenId = await FrozenDocuments.LatestIdAsync(db, context.AgreementId, year.Number, cancellationToken);
            yield return frozenId is { } id
                ? new DossierEntry(path, "approvedYearReport", Compress: false, (stream, token) => FrozenDocuments.WriteAsync(db, id, stream, token))
                : new DossierEntry(path, "approvedYearReportRendered", Compress: false, (stream, token) =>
                    stream.WriteAsync(YearReportPdf.Render(report, year.Number, ReportFormat.Latvian, fonts, includeFindingsAnnex: false, context.AsOf), token).AsTask());
        }
    }
}

/// <summary>The agreement's whole audit trail, through the audit page's own query (<see cref="AuditQuery"/>).</summary>
public sealed class AuditTrailSource(AppDbContext db, AuditWording wording) : IDossierSource
{
    public const string Path = "audits/audita-zurnals.csv";

    public async IAsyncEnumerable<DossierEntry> EntriesAsync(DossierContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await Task.CompletedTask;
        yield return new DossierEntry(Path, "auditTrail", Compress: true, (stream, token) =>
            AuditCsv.WriteAsync(AuditQuery.Rows(db, context.AgreementId, new AuditFilter()), wording, stream, token));
    }
}

/// <summary>The frozen documents as <see cref="ReportFreezer"/> stores them: found by their metadata, their bytes read only when written out.</summary>
internal static class FrozenDocuments
{
    public static Task<int?> LatestIdAsync(AppDbContext db, int agreementId, int? yearNumber, CancellationToken cancellationToken) =>
        db.FrozenReports.AsNoTracking()
            .Where(r => r.AgreementId == agreementId && r.YearNumber == yearNumber && r.Language == ReportFreezer.Language)
            .OrderByDescending(r => r.Id)
            .Select(r => (int?)r.Id)
            .FirstOrDefaultAsync(cancellationToken);

    public static async Task WriteAsync(AppDbContext db, int id, Stream stream, CancellationToken cancellationToken)
    {
        var content = await db.FrozenReports.AsNoTracking().Where(r => r.Id == id).Select(r => r.Content).SingleAsync(cancellationToken);
        await stream.WriteAsync(content, cancellationToken);
    }
}

public static class DossierRegistration
{
    /// <summary>
    /// The dossier's sources, in the order their files appear in the ZIP. To add a kind of file,
    /// write an <see cref="IDossierSource"/> and add one line here.
    /// </summary>
    public static IServiceCollection AddAuditorsDossier(this IServiceCollection services)
    {
        services.AddScoped<IDossierSource, SummaryFilesSource>();
        services.AddScoped<IDossierSource, ApprovedYearReportsSource>();
        services.AddScoped<IDossierSource, EvidenceFilesSource>();
        services.AddScoped<IDossierSource, AuditTrailSource>();
        services.AddScoped<DossierWriter>();
        return services;
    }
}
