using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Budget;
using ZemgaleNvo.Domain.Checks;
using ZemgaleNvo.Domain.Periods;
using ZemgaleNvo.Domain.Reviews;

namespace ZemgaleNvo.Infrastructure.Data;

/// <summary>
/// What the reviewer dashboard filters, sorts, pages and totals by, kept per agreement (issue 18):
/// computed from the agreement's data by the domain's own rules in the same transaction as every
/// change that moves the agreement's data stamp (<see cref="KeptFigures"/>), so the dashboard can
/// answer in SQL instead of loading every agreement's graph. Not a domain record: not audited.
/// </summary>
public class AgreementFigures
{
    public int AgreementId { get; set; }
    public DelegationAgreement? Agreement { get; set; }

    /// <summary>The agreement's data stamp these figures were computed at.</summary>
    public long Stamp { get; set; }

    /// <summary>Sort keys of the region's and the performer's names in the Latvian alphabet, case ignored (compared bytewise by the database).</summary>
    public required byte[] RegionSortKey { get; set; }

    public required byte[] PerformerSortKey { get; set; }

    public long PlannedCents { get; set; }
    public long ActualCents { get; set; }

    /// <summary>
    /// Actual against planned over the whole period in tenths of a percent, exactly as the domain
    /// rounds it for display (<see cref="BudgetReconciliation.ExecutionPercent"/>), so sorting by it
    /// agrees with the figures shown; none when nothing was planned.
    /// </summary>
    public int? ExecutionPermille { get; set; }

    /// <summary>The consistency checks' findings by kind.</summary>
    public int Errors { get; set; }

    public int Warnings { get; set; }

    /// <summary>The agreement's highest audit row: its last change, when and by whom (the name as recorded then).</summary>
    public long? LastChangeAuditId { get; set; }

    public DateTime? LastChangeAtUtc { get; set; }
    public string? LastChangeBy { get; set; }

    /// <summary>The summary's due date, and whether it still awaits its first submission.</summary>
    public DateOnly SummaryDueOn { get; set; }

    public bool SummaryAwaitingSubmission { get; set; }

    /// <summary>Since when (date in Riga) the longest-waiting submitted report has waited for review; none when nothing waits.</summary>
    public DateOnly? WaitingSince { get; set; }
}

/// <summary>One implementation year's kept figures: status, money, and its report's due date.</summary>
public class YearFigures
{
    public int AgreementId { get; set; }
    public DelegationAgreement? Agreement { get; set; }
    public int Number { get; set; }
    public ReviewStatus Status { get; set; }
    public long PlannedCents { get; set; }
    public long ActualCents { get; set; }
    public DateOnly DueOn { get; set; }

    /// <summary>Still a draft never handed in: only such a report can be overdue or due soon (<see cref="Deadline.Evaluate"/>).</summary>
    public bool AwaitingSubmission { get; set; }
}

internal sealed class AgreementFiguresConfiguration : IEntityTypeConfiguration<AgreementFigures>
{
    public void Configure(EntityTypeBuilder<AgreementFigures> builder)
    {
        builder.HasKey(f => f.AgreementId);
        builder.HasOne(f => f.Agreement).WithOne().HasForeignKey<AgreementFigures>(f => f.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(f => f.RegionSortKey).HasMaxLength(KeptFigures.SortKeyBytes);
        builder.Property(f => f.PerformerSortKey).HasMaxLength(KeptFigures.SortKeyBytes);
        builder.Property(f => f.LastChangeBy).HasMaxLength(Configurations.Limits.Name);
    }
}

internal sealed class YearFiguresConfiguration : IEntityTypeConfiguration<YearFigures>
{
    public void Configure(EntityTypeBuilder<YearFigures> builder)
    {
        builder.HasKey(f => new { f.AgreementId, f.Number });
        builder.HasOne(f => f.Agreement).WithMany().HasForeignKey(f => f.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(f => f.Status).HasConversion<string>().HasMaxLength(Configurations.Limits.Code);
        builder.HasIndex(f => new { f.AwaitingSubmission, f.DueOn });
    }
}

/// <summary>Computes and stores the kept figures of agreements; the rules are the domain's, nothing is worked out here.</summary>
public static class KeptFigures
{
    internal const int SortKeyBytes = 1024;

    private static readonly CompareInfo Latvian = CultureInfo.GetCultureInfo("lv-LV").CompareInfo;

    /// <summary>Agreements whose graphs are loaded at once: bounds the memory a refresh of many agreements needs.</summary>
    private const int BatchSize = 25;

    /// <summary>The sort key the dashboard orders names by: the Latvian alphabet, case ignored, as the page's own comparer.</summary>
    public static byte[] SortKey(string text)
    {
        var key = Latvian.GetSortKey(text, CompareOptions.IgnoreCase).KeyData;
        return key.Length <= SortKeyBytes ? key : key[..SortKeyBytes];
    }

    /// <summary>
    /// Recomputes the figures of the given agreements (every agreement when null) inside the caller's
    /// transaction, past the organisation filter. The new rows are tracked and written by the
    /// caller's next save.
    /// </summary>
    internal static async Task RefreshAsync(AppDbContext db, IReadOnlyCollection<int>? agreementIds, CancellationToken cancellationToken)
    {
        var ids = agreementIds?.ToList() ?? await db.Agreements.IgnoreQueryFilters().Select(a => a.Id).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return;
        }
        var regions = await db.Regions.AsNoTracking().ToListAsync(cancellationToken);
        foreach (var batch in ids.Chunk(BatchSize))
        {
            var agreements = await db.Agreements.IgnoreQueryFilters([AppDbContext.OrganisationFilter]).AsNoTracking()
                .WithReportingGraph()
                .Where(a => batch.Contains(a.Id))
                .ToListAsync(cancellationToken);
            var lastChanges = await db.AuditEntries.AsNoTracking()
                .Where(e => e.AgreementId != null && batch.Contains(e.AgreementId.Value))
                // A seal (issue 17) records the approved content, it changes nothing: not the last change.
                .Where(e => e.Action != Domain.Audit.AuditAction.Sealed)
                .GroupBy(e => e.AgreementId!.Value)
                .Select(g => g.Max(e => e.Id))
                .ToListAsync(cancellationToken);
            var changes = await db.AuditEntries.AsNoTracking()
                .Where(e => lastChanges.Contains(e.Id))
                .Select(e => new { AgreementId = e.AgreementId!.Value, e.Id, e.AtUtc, e.UserName })
                .ToDictionaryAsync(e => e.AgreementId, cancellationToken);
            var submissions = (await db.ReviewNotes.IgnoreQueryFilters([AppDbContext.OrganisationFilter]).AsNoTracking()
                    .Where(n => n.Kind == ReviewNoteKind.Submitted && batch.Contains(n.AgreementId))
                    .GroupBy(n => new { n.AgreementId, n.YearNumber })
                    .Select(g => new { g.Key.AgreementId, g.Key.YearNumber, Last = g.Max(n => n.AtUtc) })
                    .ToListAsync(cancellationToken))
                .ToDictionary(s => (s.AgreementId, s.YearNumber), s => RigaCalendar.DateOf(s.Last));

            var held = await db.Set<AgreementFigures>().IgnoreQueryFilters([AppDbContext.OrganisationFilter]).Where(f => batch.Contains(f.AgreementId)).ToDictionaryAsync(f => f.AgreementId, cancellationToken);
            var heldYears = (await db.Set<YearFigures>().IgnoreQueryFilters([AppDbContext.OrganisationFilter]).Where(f => batch.Contains(f.AgreementId)).ToListAsync(cancellationToken))
                .ToLookup(f => f.AgreementId);
            foreach (var agreement in agreements)
            {
                var budget = AgreementBudget.Compute(agreement);
                var findings = ConsistencyChecker.Check(agreement, regions);
                var schedule = ReportingSchedule.Of(agreement);
                var figures = held.GetValueOrDefault(agreement.Id) ?? db.Set<AgreementFigures>().Add(new AgreementFigures
                {
                    AgreementId = agreement.Id, RegionSortKey = [], PerformerSortKey = [],
                }).Entity;
                figures.Stamp = agreement.DataStamp;
                figures.RegionSortKey = SortKey(agreement.Region!.Name);
                figures.PerformerSortKey = SortKey(agreement.Performer!.Name);
                figures.PlannedCents = budget.PlannedCents;
                figures.ActualCents = budget.ActualCents;
                figures.ExecutionPermille = BudgetReconciliation.ExecutionPercent(budget.ActualCents, budget.PlannedCents) is { } percent
                    ? (int)Math.Clamp(percent * 10, int.MinValue, int.MaxValue)
                    : null;
                figures.Errors = findings.Count(f => f.Severity == FindingSeverity.Error);
                figures.Warnings = findings.Count(f => f.Severity == FindingSeverity.Warning);
                var change = changes.GetValueOrDefault(agreement.Id);
                figures.LastChangeAuditId = change?.Id;
                figures.LastChangeAtUtc = change?.AtUtc;
                figures.LastChangeBy = change?.UserName;
                figures.SummaryDueOn = schedule.SummaryDue(agreement.PeriodEnd);
                figures.SummaryAwaitingSubmission = Awaiting(agreement.SummaryStatus, submissions.ContainsKey((agreement.Id, null)));
                figures.WaitingSince = agreement.Years.Select(y => (y.Status, Number: (int?)y.Number))
                    .Append((agreement.SummaryStatus, null))
                    .Where(r => r.Status == ReviewStatus.Submitted && submissions.ContainsKey((agreement.Id, r.Number)))
                    .Select(r => (DateOnly?)submissions[(agreement.Id, r.Number)])
                    .Min();

                var years = heldYears[agreement.Id].ToDictionary(f => f.Number);
                foreach (var year in agreement.Years)
                {
                    var balance = budget.Years.First(b => b.YearNumber == year.Number);
                    var row = years.Remove(year.Number, out var existing) ? existing
                        : db.Set<YearFigures>().Add(new YearFigures { AgreementId = agreement.Id, Number = year.Number }).Entity;
                    row.Status = year.Status;
                    row.PlannedCents = balance.PlannedCents;
                    row.ActualCents = balance.ActualCents;
                    row.DueOn = schedule.YearDue(year.EndDate);
                    row.AwaitingSubmission = Awaiting(year.Status, submissions.ContainsKey((agreement.Id, year.Number)));
                }
                db.Set<YearFigures>().RemoveRange(years.Values);
            }
            // Agreements deleted by this save: their rows go with them (the foreign keys cascade too).
            var gone = batch.Except(agreements.Select(a => a.Id)).ToHashSet();
            db.Set<AgreementFigures>().RemoveRange(held.Values.Where(f => gone.Contains(f.AgreementId)));
            db.Set<YearFigures>().RemoveRange(gone.SelectMany(id => heldYears[id]));
        }
    }

    /// <summary>Brings every agreement whose figures are missing or older than its data stamp up to date (start-up, after migrations).</summary>
    public static async Task RefreshStaleAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var stale = await db.Agreements.IgnoreQueryFilters()
            .Where(a => !db.Set<AgreementFigures>().IgnoreQueryFilters().Any(f => f.AgreementId == a.Id && f.Stamp == a.DataStamp))
            .Select(a => a.Id)
            .ToListAsync(cancellationToken);
        if (stale.Count == 0)
        {
            return;
        }
        await RefreshAsync(db, stale, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The same test as <see cref="Deadline.Evaluate"/>: a report counts as handed in once it left the draft or was ever submitted.</summary>
    private static bool Awaiting(ReviewStatus status, bool everSubmitted) => status == ReviewStatus.Draft && !everSubmitted;
}
