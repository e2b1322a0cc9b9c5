using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Domain.Periods;
using ZemgaleNvo.Domain.Reviews;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Web.Formatting;

namespace ZemgaleNvo.Web.Features.Deadlines;

/// <summary>One report's due date and state: a year's (<see cref="YearNumber"/>) or the summary's (none).</summary>
/// <param name="Wait">How long it has waited for the reviewer, while it is submitted.</param>
public sealed record ReportDeadline(int? YearNumber, DateOnly PeriodEnd, ReviewStatus Status, Deadline Deadline, ReviewWait? Wait)
{
    public bool IsSummary => YearNumber is null;

    /// <summary>The state in the page's language: "nokavēts 12 dienas" / "overdue by 12 days".</summary>
    public string StateText => Deadline.Text(IsLatvianUi);

    public string? WaitText => Wait?.Text(IsLatvianUi);

    private static bool IsLatvianUi => ReportFormat.For(CultureInfo.CurrentUICulture).IsLatvian;
}

/// <summary>Every report of one agreement against its schedule, on one day.</summary>
public sealed record AgreementDeadlines(int AgreementId, IReadOnlyList<ReportDeadline> Years, ReportDeadline Summary)
{
    public IEnumerable<ReportDeadline> All => Years.Append(Summary);

    public bool AnyOverdue => All.Any(r => r.Deadline.IsOverdue);

    public bool AnyDueSoon => All.Any(r => r.Deadline.IsDueSoon);

    /// <summary>The longest wait of a submitted report, for sorting; none when nothing waits.</summary>
    public int? LongestWaitDays => All.Where(r => r.Wait is not null).Select(r => (int?)r.Wait!.Days).Max();

    public ReportDeadline? Year(int number) => Years.FirstOrDefault(y => y.YearNumber == number);
}

/// <summary>
/// Reads what the due dates need (each agreement's schedule, its years, and when each report was
/// submitted from the review history) and evaluates them on today's date in Riga
/// (<see cref="RigaCalendar"/>, from the portal's <see cref="TimeProvider"/>). The rules themselves
/// are the Domain's (<see cref="ReportingSchedule"/>, <see cref="Deadline"/>); this only gathers.
/// Uses the caller's context, so the organisation filter of the request applies.
/// </summary>
public sealed class DeadlineQuery(AppDbContext db, TimeProvider time)
{
    public DateOnly Today => RigaCalendar.Today(time);

    public async Task<AgreementDeadlines?> ForAgreementAsync(int agreementId, CancellationToken cancellationToken) =>
        (await ForAgreementsAsync([agreementId], cancellationToken)).GetValueOrDefault(agreementId);

    /// <summary>The deadlines of the given agreements (all agreements the context may read when null).</summary>
    public async Task<IReadOnlyDictionary<int, AgreementDeadlines>> ForAgreementsAsync(IReadOnlyCollection<int>? agreementIds, CancellationToken cancellationToken)
    {
        var agreements = db.Agreements.AsNoTracking();
        if (agreementIds is not null)
        {
            agreements = agreements.Where(a => agreementIds.Contains(a.Id));
        }
        var facts = await agreements
            .Select(a => new { a.Id, a.PeriodEnd, a.SummaryStatus, a.YearReportDueDays, a.SummaryDueDays })
            .ToListAsync(cancellationToken);
        var ids = facts.Select(a => a.Id).ToList();
        // The years in a query of their own, by the (AgreementId, Number) index: as a collection in
        // the query above, SQLite materialised every year of every agreement for each request and
        // indexed them anew (8 ms at 500 agreements, for the dashboard's 50).
        var allYears = db.ImplementationYears.AsNoTracking();
        var years = (await (agreementIds is null ? allYears : allYears.Where(y => ids.Contains(y.AgreementId)))
                .Select(y => new { y.AgreementId, y.Number, y.EndDate, y.Status })
                .ToListAsync(cancellationToken))
            .ToLookup(y => y.AgreementId);
        var submissions = (await db.ReviewNotes.AsNoTracking()
                .Where(n => n.Kind == ReviewNoteKind.Submitted && ids.Contains(n.AgreementId))
                .GroupBy(n => new { n.AgreementId, n.YearNumber })
                .Select(g => new { g.Key.AgreementId, g.Key.YearNumber, First = g.Min(n => n.AtUtc), Last = g.Max(n => n.AtUtc) })
                .ToListAsync(cancellationToken))
            .ToDictionary(s => (s.AgreementId, s.YearNumber), s => (First: RigaCalendar.DateOf(s.First), Last: RigaCalendar.DateOf(s.Last)));

        var today = Today;
        ReportDeadline Evaluate(int agreementId, int? yearNumber, DateOnly periodEnd, DateOnly dueOn, ReviewStatus status)
        {
            (DateOnly First, DateOnly Last)? submitted = submissions.TryGetValue((agreementId, yearNumber), out var s) ? s : null;
            var wait = status == ReviewStatus.Submitted && submitted is { } on ? ReviewWait.Since(on.Last, today) : null;
            return new ReportDeadline(yearNumber, periodEnd, status, Deadline.Evaluate(dueOn, status, submitted?.First, today), wait);
        }

        return facts.ToDictionary(a => a.Id, a =>
        {
            var schedule = new ReportingSchedule(a.YearReportDueDays, a.SummaryDueDays);
            var due = years[a.Id]
                .OrderBy(y => y.Number)
                .Select(y => Evaluate(a.Id, y.Number, y.EndDate, schedule.YearDue(y.EndDate), y.Status))
                .ToList();
            return new AgreementDeadlines(a.Id, due, Evaluate(a.Id, null, a.PeriodEnd, schedule.SummaryDue(a.PeriodEnd), a.SummaryStatus));
        });
    }
}
