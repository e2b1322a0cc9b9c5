using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Domain.Publication;
using ZemgaleNvo.Domain.Reviews;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Pdf;
using ZemgaleNvo.Web.Features.Reports.Pdf;
using ZemgaleNvo.Web.Features.Review;
using ZemgaleNvo.Web.Formatting;

namespace ZemgaleNvo.Web.Features.Reports.Publication;

/// <summary>One summary as the public sees it listed.</summary>
public sealed record PublishedSummary(
    int AgreementId, string Title, string Performer, string? DelegatingAuthority, string Region, string RegionCode,
    DateOnly PeriodStart, DateOnly PeriodEnd, DateTime PublishedAtUtc, string PublishedByName, DateTime? ApprovedAtUtc, int? FrozenReportId)
{
    /// <summary>When the published document last changed: its approval, or its publication when that came later (what CKAN calls <c>metadata_modified</c>).</summary>
    public DateTime ModifiedUtc => ApprovedAtUtc is { } approved && approved > PublishedAtUtc ? approved : PublishedAtUtc;
}

/// <summary>
/// The one rule of what is public, for every public page, file and listing: a summary is public
/// while a publication of it is in force (not withdrawn), the summary is approved, and the
/// document that was published is still the latest approved one (reopened and approved again
/// means published again by a reviewer, not silently). Anything else is not found.
/// </summary>
/// <remarks>
/// Anonymous visitors see no agreement through the organisation filter, so these queries set that
/// one filter aside (the soft-delete filter stays) and ask the rule above instead.
/// </remarks>
public sealed class PublishedSummaries(AppDbContext db, SummaryReportCache cache, FontSet fonts)
{
    private static readonly string[] OrganisationFilter = [AppDbContext.OrganisationFilter];

    /// <summary>Every summary in force, newest publication first.</summary>
    public Task<IReadOnlyList<PublishedSummary>> ListAsync(CancellationToken cancellationToken) => InForceAsync(null, cancellationToken);

    /// <summary>The agreement's summary when it is public; null otherwise.</summary>
    public async Task<PublishedSummary?> FindAsync(int agreementId, CancellationToken cancellationToken) =>
        (await InForceAsync(agreementId, cancellationToken)).SingleOrDefault();

    /// <summary>The publication row in force for an agreement, tracked, for withdrawing it; it may be of an older approval.</summary>
    public Task<SummaryPublication?> CurrentRowAsync(int agreementId, CancellationToken cancellationToken) =>
        db.SummaryPublications.SingleOrDefaultAsync(p => p.AgreementId == agreementId && p.WithdrawnAtUtc == null, cancellationToken);

    /// <summary>The id of the agreement's latest frozen (approved) summary document, if any.</summary>
    public Task<int?> LatestFrozenSummaryIdAsync(int agreementId, CancellationToken cancellationToken) =>
        db.FrozenReports.IgnoreQueryFilters(OrganisationFilter).AsNoTracking()
            .Where(r => r.AgreementId == agreementId && r.YearNumber == null && r.Language == ReportFreezer.Language)
            .OrderByDescending(r => r.Id)
            .Select(r => (int?)r.Id)
            .FirstOrDefaultAsync(cancellationToken);

    private async Task<IReadOnlyList<PublishedSummary>> InForceAsync(int? agreementId, CancellationToken cancellationToken)
    {
        var rows = db.SummaryPublications.IgnoreQueryFilters(OrganisationFilter).AsNoTracking()
            .Where(p => p.WithdrawnAtUtc == null && p.Agreement!.SummaryStatus == ReviewStatus.Approved);
        if (agreementId is { } id)
        {
            rows = rows.Where(p => p.AgreementId == id);
        }
        var published = await rows
            .OrderByDescending(p => p.PublishedAtUtc).ThenBy(p => p.AgreementId)
            .Select(p => new
            {
                p.AgreementId, p.Agreement!.Title, Performer = p.Agreement.Performer!.Name, p.Agreement.DelegatingAuthority,
                Region = p.Agreement.Region!.Name, RegionCode = p.Agreement.Region.Code, p.Agreement.PeriodStart, p.Agreement.PeriodEnd,
                p.PublishedAtUtc, p.PublishedByName, p.FrozenReportId,
            })
            .ToListAsync(cancellationToken);
        var ids = published.Select(p => p.AgreementId).ToList();
        // The latest approved summary document of each of these agreements (metadata only, no PDF bytes).
        var latest = (await db.FrozenReports.IgnoreQueryFilters(OrganisationFilter).AsNoTracking()
                .Where(r => ids.Contains(r.AgreementId) && r.YearNumber == null && r.Language == ReportFreezer.Language)
                .Select(r => new { r.Id, r.AgreementId, r.ApprovedAtUtc })
                .ToListAsync(cancellationToken))
            .GroupBy(r => r.AgreementId)
            .ToDictionary(g => g.Key, g => g.MaxBy(r => r.Id)!);
        return published
            .Where(p => latest.TryGetValue(p.AgreementId, out var document) ? p.FrozenReportId == document.Id : p.FrozenReportId is null)
            .Select(p => new PublishedSummary(p.AgreementId, p.Title, p.Performer, p.DelegatingAuthority, p.Region, p.RegionCode,
                p.PeriodStart, p.PeriodEnd, p.PublishedAtUtc, p.PublishedByName, latest.GetValueOrDefault(p.AgreementId)?.ApprovedAtUtc, p.FrozenReportId))
            .ToList();
    }

    /// <summary>The report model of a public summary, without the portal's findings (they are the reviewers', not for publication).</summary>
    public async Task<(SummaryReport Report, long Stamp)> ReportAsync(PublishedSummary summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var stamp = await SummaryReportCache.DataStampAsync(db.Agreements.IgnoreQueryFilters(OrganisationFilter), summary.AgreementId, cancellationToken) ?? 0;
        var report = cache.TryGet(summary.AgreementId, stamp);
        if (report is null)
        {
            var agreement = await db.Agreements.IgnoreQueryFilters(OrganisationFilter).AsNoTracking()
                .WithReportingGraph()
                .SingleAsync(a => a.Id == summary.AgreementId, cancellationToken);
            var regions = await db.Regions.AsNoTracking().ToListAsync(cancellationToken);
            report = SummaryReportBuilder.Build(agreement, regions);
            cache.Store(summary.AgreementId, stamp, report);
        }
        return (report with { Findings = [] }, stamp);
    }

    /// <summary>
    /// The published PDF: the frozen, approved document as stored at approval; for a summary approved
    /// before approvals froze documents, rendered in Latvian without the annex, dated by its publication.
    /// </summary>
    public async Task<(byte[] Content, string FileName)> PdfAsync(PublishedSummary summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (summary.FrozenReportId is { } id)
        {
            var frozen = await db.FrozenReports.IgnoreQueryFilters(OrganisationFilter).AsNoTracking()
                .Where(r => r.Id == id).Select(r => new { r.Content, r.FileName }).SingleAsync(cancellationToken);
            return (frozen.Content, frozen.FileName);
        }
        var (report, _) = await ReportAsync(summary, cancellationToken);
        var created = new DateTimeOffset(DateTime.SpecifyKind(summary.PublishedAtUtc, DateTimeKind.Utc));
        return (SummaryPdf.Render(report, ReportFormat.Latvian, fonts, includeFindingsAnnex: false, created), SummaryPdf.FileName(report));
    }
}

public static class PublicationRegistration
{
    public static IServiceCollection AddPublication(this IServiceCollection services)
    {
        services.AddScoped<PublishedSummaries>();
        return services;
    }
}
