using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using ZemgaleNvo.Domain.Reviews;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Infrastructure.Evidence;
using ZemgaleNvo.Web.Authorization;
using ZemgaleNvo.Web.Features.Years;
using ZemgaleNvo.Web.Resources;

namespace ZemgaleNvo.Web.Features.Evidence;

/// <summary>
/// What a file is attached to, as the form posts it: <c>year</c>, <c>result-12</c> or
/// <c>spending-34</c>. Only a result or entry of the opened year is accepted.
/// </summary>
public sealed record EvidenceTargetRef(int? ActivityId, int? SpendingEntryId)
{
    public static readonly EvidenceTargetRef Year = new(null, null);

    public string Key => ActivityId is { } a ? $"result-{a}" : SpendingEntryId is { } s ? $"spending-{s}" : "year";

    public static EvidenceTargetRef? Parse(string? key)
    {
        if (string.IsNullOrEmpty(key) || key == "year")
        {
            return Year;
        }
        static int? Id(string text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;
        if (key.StartsWith("result-", StringComparison.Ordinal) && Id(key["result-".Length..]) is { } activity)
        {
            return new EvidenceTargetRef(activity, null);
        }
        if (key.StartsWith("spending-", StringComparison.Ordinal) && Id(key["spending-".Length..]) is { } entry)
        {
            return new EvidenceTargetRef(null, entry);
        }
        return null;
    }
}

/// <summary>One choice of the "attach to" list.</summary>
public sealed record EvidenceTarget(string Key, string Label);

/// <summary>One file as the list shows it.</summary>
public sealed record EvidenceRow(
    int Id, string FileName, string ContentType, long SizeBytes, string TargetKey, string AttachedTo,
    string UploadedByName, DateTime UploadedAtUtc, bool NotScanned);

/// <summary>The evidence page of a year: its files, what they can be attached to, and the outcome of the last upload.</summary>
public sealed record EvidencePage(
    OpenedYear Opened, bool CanEdit, IReadOnlyList<EvidenceRow> Files, IReadOnlyList<EvidenceRow> Deleted,
    IReadOnlyList<EvidenceTarget> Targets, string? Filter, string SelectedTarget, AttachmentOptions Limits,
    IReadOnlyList<UploadOutcome> Outcomes)
{
    public string? FilterLabel => Filter is null ? null : Targets.FirstOrDefault(t => t.Key == Filter)?.Label;
}

/// <summary>Builds <see cref="EvidencePage"/>: the year's files under the organisation filter, grouped by what they support.</summary>
public sealed class EvidencePageQuery(AppDbContext db, IAuthorizationService authorization, IOptions<AttachmentOptions> options, IStringLocalizer<SharedResource> localizer)
{
    public async Task<EvidencePage> BuildAsync(ClaimsPrincipal user, OpenedYear opened, string? filter, IReadOnlyList<UploadOutcome> outcomes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(opened);
        var canEdit = YearWorkflow.IsOpenForPerformer(opened.Year.Status)
            && (await authorization.AuthorizeAsync(user, new AgreementResource(opened.Agreement.Id, opened.Agreement.PerformerId), AgreementOperations.Edit)).Succeeded;
        var targets = await TargetsAsync(opened, cancellationToken);
        var labels = targets.ToDictionary(t => t.Key, t => t.Label);
        var files = await RowsAsync(db.EvidenceFiles.Where(f => f.ImplementationYearId == opened.Year.Id), labels, cancellationToken);
        var deleted = canEdit
            ? await RowsAsync(db.EvidenceFiles.IgnoreQueryFilters([AppDbContext.SoftDeleteFilter]).Where(f => f.ImplementationYearId == opened.Year.Id && f.DeletedAtUtc != null), labels, cancellationToken)
            : [];
        var known = filter is not null && labels.ContainsKey(filter) ? filter : null;
        if (known is not null)
        {
            files = files.Where(f => f.TargetKey == known).ToList();
        }
        return new EvidencePage(opened, canEdit, files, deleted, targets, known, known ?? "year", options.Value, outcomes);
    }

    /// <summary>The year, then its results strand by strand, then its spending entries by date.</summary>
    public async Task<IReadOnlyList<EvidenceTarget>> TargetsAsync(OpenedYear opened, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(opened);
        var lineOrder = opened.Lines.Select((l, i) => (l.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var results = await db.Activities.AsNoTracking().Where(a => a.ImplementationYearId == opened.Year.Id)
            .Select(a => new { a.Id, a.BudgetLineId, a.Ordinal, a.Text }).ToListAsync(cancellationToken);
        var entries = await db.SpendingEntries.AsNoTracking().Where(s => s.ImplementationYearId == opened.Year.Id)
            .Select(s => new { s.Id, s.Date, s.Description, s.DocumentNumber }).ToListAsync(cancellationToken);
        List<EvidenceTarget> targets = [new("year", localizer["Gads kopumā"])];
        targets.AddRange(results
            .OrderBy(r => lineOrder.GetValueOrDefault(r.BudgetLineId)).ThenBy(r => r.Ordinal)
            .Select(r => new EvidenceTarget($"result-{r.Id}", localizer["Rezultāts {0}.{1}: {2}", lineOrder.GetValueOrDefault(r.BudgetLineId) + 1, r.Ordinal, Shorten(r.Text)])));
        targets.AddRange(entries
            .OrderBy(e => e.Date).ThenBy(e => e.Id)
            .Select(e => new EvidenceTarget($"spending-{e.Id}", localizer["Izdevumi {0}: {1}", Formatting.Display.Date(e.Date), Shorten(e.DocumentNumber is null ? e.Description : $"{e.Description} ({e.DocumentNumber})")])));
        return targets;
    }

    private static async Task<List<EvidenceRow>> RowsAsync(IQueryable<Domain.Evidence.EvidenceFile> query, Dictionary<string, string> labels, CancellationToken cancellationToken)
    {
        var files = await query.AsNoTracking().OrderBy(f => f.UploadedAtUtc).ThenBy(f => f.Id).ToListAsync(cancellationToken);
        return files.Select(f =>
        {
            var key = new EvidenceTargetRef(f.ActivityId, f.SpendingEntryId).Key;
            return new EvidenceRow(f.Id, f.FileName, f.ContentType, f.SizeBytes, key, labels.GetValueOrDefault(key, "–"),
                f.UploadedByName, f.UploadedAtUtc, f.Scan == Domain.Evidence.EvidenceScan.NotScanned);
        }).ToList();
    }

    private static string Shorten(string text) => text.Length <= 70 ? text : text[..69] + "…";

    /// <summary>A size as people read it: "812 KB", "3,4 MB" (decimal comma in Latvian).</summary>
    public static string Size(long bytes) => bytes < 1024 * 1024
        ? string.Create(CultureInfo.CurrentCulture, $"{Math.Max(1, (bytes + 1023) / 1024)} KB")
        : string.Create(CultureInfo.CurrentCulture, $"{bytes / 1024d / 1024d:0.0} MB");
}
