using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Reviews;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Web.Authorization;

namespace ZemgaleNvo.Web.Features.Review;

/// <summary>A comment, or the reason of a return or reopening, as its form posts it.</summary>
public sealed class ReviewDraft
{
    [StringLength(4000, ErrorMessage = "Ne vairāk kā {1} zīmes.")]
    [Display(Name = "Teksts")]
    public string? Text { get; set; }

    /// <summary>What a comment is about: empty for the year, <c>result:12</c> or <c>spending:7</c>.</summary>
    [Display(Name = "Par ko")]
    public string? Target { get; set; }

    /// <summary>When returning a year: the deviations (<see cref="Domain.Checks.FindingKey.FormValue"/>) whose explanation needs more.</summary>
    public List<string> Findings { get; set; } = [];
}

/// <summary>How the approved document was frozen: shown beside its download.</summary>
/// <param name="Seal">The electronic seal read from the frozen PDF; null when it was frozen without one.</param>
public sealed record FrozenReportInfo(string Sha256, string ApprovedByName, DateTime ApprovedAtUtc, string FileName, Sealing.SealInfo? Seal = null);

/// <summary>
/// The review part of a year page (or of the summary's review page): the history of comments and
/// steps, the frozen document, and the forms the user may use.
/// </summary>
public sealed record ReviewPanel(
    int AgreementId,
    int? YearNumber,
    ReviewStatus Status,
    IReadOnlyList<ReviewNote> Notes,
    FrozenReportInfo? Frozen,
    bool CanComment,
    bool CanReturn,
    bool CanApprove,
    bool CanReopen,
    bool CanSubmit,
    IReadOnlyList<KeyValuePair<string, string>> Targets,
    ReviewDraft Comment,
    ReviewDraft Decision)
{
    /// <summary>The latest return or reopening reason, shown at the top while the year waits for the performer.</summary>
    public ReviewNote? OpenReturn => Status == ReviewStatus.Returned
        ? Notes.Where(n => n.Kind is ReviewNoteKind.Returned or ReviewNoteKind.Reopened).MaxBy(n => n.Id)
        : null;
}

/// <summary>Builds the <see cref="ReviewPanel"/> of a year or of the summary.</summary>
public sealed class ReviewPanelQuery(AppDbContext db, IAuthorizationService authorization, FrozenReportSeals seals)
{
    public async Task<ReviewPanel> BuildAsync(
        ClaimsPrincipal user, DelegationAgreement agreement, ImplementationYear? year,
        ReviewDraft? comment, ReviewDraft? decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        var yearNumber = year?.Number;
        var status = year?.Status ?? agreement.SummaryStatus;
        var notes = await db.ReviewNotes.AsNoTracking()
            .Where(n => n.AgreementId == agreement.Id && n.YearNumber == yearNumber)
            .OrderBy(n => n.Id).ToListAsync(cancellationToken);
        // The document's bytes are left in the database: the seal is read from them once per frozen row.
        var frozenReport = Domain.Entry.FrozenData.IsFrozen(status)
            ? await db.FrozenReports.AsNoTracking()
                .Where(r => r.AgreementId == agreement.Id && r.YearNumber == yearNumber && r.Language == ReportFreezer.Language)
                .OrderByDescending(r => r.Id)
                .Select(r => new { r.Id, r.Sha256, r.ApprovedByName, r.ApprovedAtUtc, r.FileName })
                .FirstOrDefaultAsync(cancellationToken)
            : null;

        // The seal is read from the document itself: what the page says is what anyone checking the file finds.
        var frozen = frozenReport is null ? null
            : new FrozenReportInfo(frozenReport.Sha256, frozenReport.ApprovedByName, frozenReport.ApprovedAtUtc, frozenReport.FileName,
                await seals.ReadAsync(db, frozenReport.Id, cancellationToken));
        var resource = new AgreementResource(agreement.Id, agreement.PerformerId);
        async Task<bool> May(Microsoft.AspNetCore.Authorization.Infrastructure.OperationAuthorizationRequirement op) =>
            (await authorization.AuthorizeAsync(user, resource, op)).Succeeded;
        var reviewer = await May(AgreementOperations.Review);
        var allYearsApproved = YearWorkflow.AllYearsApproved(agreement);
        var targets = year is null ? [] : year.Activities
            .OrderBy(a => a.BudgetLineId).ThenBy(a => a.Ordinal)
            .Select(a => new KeyValuePair<string, string>($"result:{a.Id}", Shorten($"{a.Ordinal}) {a.Text}")))
            .Concat(year.SpendingEntries.OrderBy(e => e.Date)
                .Select(e => new KeyValuePair<string, string>($"spending:{e.Id}", Shorten($"{Formatting.Display.Date(e.Date)} {e.Description}, {Formatting.Display.Money(e.AmountCents)}"))))
            .ToList();
        return new ReviewPanel(
            agreement.Id, yearNumber, status, notes, frozen,
            CanComment: await May(AgreementOperations.Comment),
            CanReturn: reviewer && YearWorkflow.Target(ReviewTransition.Return, status) is not null,
            CanApprove: reviewer && YearWorkflow.Target(ReviewTransition.Approve, status) is not null && (year is not null || allYearsApproved),
            CanReopen: await May(AgreementOperations.Reopen) && YearWorkflow.Target(ReviewTransition.Reopen, status) is not null,
            CanSubmit: year is null && allYearsApproved && await May(AgreementOperations.Submit) && YearWorkflow.Target(ReviewTransition.Submit, status) is not null,
            targets, comment ?? new ReviewDraft(), decision ?? new ReviewDraft());
    }

    private static string Shorten(string text) => text.Length <= 90 ? text : string.Concat(text.AsSpan(0, 89), "…");
}

/// <summary>
/// The seal of each frozen report, read from its bytes the first time a page shows it. A frozen row never
/// changes (the data layer refuses it), so what was read holds for the portal's lifetime; without this every
/// review page would load the whole PDF and decode its signature. One small entry per frozen report.
/// </summary>
public sealed class FrozenReportSeals
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, Sealing.SealInfo?> byReport = new();

    /// <param name="db">The caller's context: the row's id was found under the caller's own filters.</param>
    public async Task<Sealing.SealInfo?> ReadAsync(AppDbContext db, int frozenReportId, CancellationToken cancellationToken)
    {
        if (byReport.TryGetValue(frozenReportId, out var known))
        {
            return known;
        }
        var content = await db.FrozenReports.AsNoTracking().Where(r => r.Id == frozenReportId).Select(r => r.Content).SingleAsync(cancellationToken);
        return byReport.GetOrAdd(frozenReportId, Sealing.ReportSeal.Read(content));
    }
}
