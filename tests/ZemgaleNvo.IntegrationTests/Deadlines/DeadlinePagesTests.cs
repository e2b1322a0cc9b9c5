using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Periods;
using ZemgaleNvo.Domain.Reviews;
using ZemgaleNvo.Infrastructure.Seeding;
using ZemgaleNvo.IntegrationTests.Dashboard;
using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.Deadlines;

/// <summary>
/// Due dates and their states as users see them on the dashboard, the agreement page and the year
/// page, on today's real date (signing in with two factors needs the real clock). Expected day counts
/// are worked out here from the fixed demo dates; a run across midnight in Riga may see either day.
/// </summary>
public sealed partial class DeadlinePagesTests : IDisposable
{
    /// <summary>Year III of the demo agreement ends 14.07.2025; +30 days is Wednesday 13.08.2025.</summary>
    private static readonly DateOnly YearThreeDue = new(2025, 8, 13);

    /// <summary>The demo agreement ends 14.07.2025; +60 days is Friday 12.09.2025.</summary>
    private static readonly DateOnly SummaryDue = new(2025, 9, 12);

    private readonly PortalFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private static DateOnly Today() => RigaCalendar.Today(TimeProvider.System);

    /// <summary>The Latvian text for a count of days late, for today and (across midnight) the day before.</summary>
    private static string[] OverdueTexts(DateOnly due) =>
    [
        "nokavēts " + LatvianDays.Accusative(Today().DayNumber - due.DayNumber),
        "nokavēts " + LatvianDays.Accusative(Today().DayNumber - due.DayNumber - 1),
    ];

    private static void ContainsOneOf(string[] expected, string actual) =>
        Assert.True(expected.Any(actual.Contains), $"Expected one of [{string.Join(" | ", expected)}] in: {actual}");

    private async Task<string> DashboardAsync(string query)
    {
        var client = await Browser.SignedInClientAsync(_factory, Browser.Reviewer);
        var response = await client.GetAsync("/dashboard" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The dashboard's line for one report of a row: <c>data-report="3"</c> or <c>"summary"</c>.</summary>
    private static string ReportLine(string row, string report)
    {
        var match = Regex.Match(row, $"<li data-report=\"{report}\">(.*?)</li>", RegexOptions.Singleline);
        Assert.True(match.Success, $"No deadline line for report {report}");
        return match.Groups[1].Value;
    }

    [Fact]
    public async Task The_overdue_filter_on_the_demo_shows_year_III_never_submitted_as_overdue()
    {
        var zemgale = await DashboardHtml.ZemgaleAgreementIdAsync(_factory);

        var html = await DashboardAsync("?due=overdue");

        Assert.Equal([zemgale], DashboardHtml.RowOrder(html));
        var row = DashboardHtml.Row(html, zemgale);
        var yearThree = ReportLine(row, "3");
        Assert.Contains("data-deadline=\"overdue\"", yearThree, StringComparison.Ordinal);
        Assert.Contains("13.08.2025.", Browser.Text(yearThree), StringComparison.Ordinal);
        ContainsOneOf(OverdueTexts(YearThreeDue), Browser.Text(yearThree));
        ContainsOneOf(OverdueTexts(SummaryDue), Browser.Text(ReportLine(row, "summary")));
        // Years I and II were approved: nothing to chase, so the column does not list them.
        Assert.DoesNotContain("data-report=\"1\"", row, StringComparison.Ordinal);
        Assert.Contains("<option value=\"overdue\" selected=\"selected\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Due_within_14_days_lists_only_agreements_with_a_report_due_that_soon()
    {
        var zemgale = await DashboardHtml.ZemgaleAgreementIdAsync(_factory);
        Assert.Empty(DashboardHtml.RowOrder(await DashboardAsync("?due=soon")));

        // A one-year agreement that ended 25 days ago: its year report is due in about 5 days.
        var end = Today().AddDays(-25);
        var soon = await AddAgreementAsync(end.AddYears(-1).AddDays(1), end);
        var due = ReportingSchedule.Default.YearDue(end);

        var html = await DashboardAsync("?due=soon");

        Assert.Equal([soon], DashboardHtml.RowOrder(html));
        var line = Browser.Text(ReportLine(DashboardHtml.Row(html, soon), "1"));
        Assert.Contains(DocumentDates.Latvian(due), line, StringComparison.Ordinal);
        ContainsOneOf(["jāiesniedz " + LatvianDays.Locative(due.DayNumber - Today().DayNumber), "jāiesniedz " + LatvianDays.Locative(due.DayNumber - Today().DayNumber + 1)], line);
        Assert.Equal([zemgale], DashboardHtml.RowOrder(await DashboardAsync("?due=overdue")));
        Assert.Equal(2, DashboardHtml.RowOrder(await DashboardAsync("")).Count);
    }

    [Fact]
    public async Task An_unknown_deadline_filter_is_named_and_everything_is_shown()
    {
        var html = await DashboardAsync("?due=someday");

        Assert.Contains("Termiņu atlase „someday” nav zināma", Browser.Text(html), StringComparison.Ordinal);
        Assert.Single(DashboardHtml.RowOrder(html));
    }

    [Fact]
    public async Task The_agreement_page_and_the_year_page_show_due_dates_and_states()
    {
        var zemgale = await DashboardHtml.ZemgaleAgreementIdAsync(_factory);
        var staff = await Browser.SignedInClientAsync(_factory, Browser.ZemgaleStaff);

        var agreementPage = await staff.GetStringAsync($"/agreements/{zemgale}");
        var yearThree = Cell(agreementPage, "data-year-deadline=\"3\"");
        Assert.Contains("13.08.2025.", Browser.Text(yearThree), StringComparison.Ordinal);
        ContainsOneOf(OverdueTexts(YearThreeDue), Browser.Text(yearThree));
        // Year I was approved with the demo data, before the portal recorded submissions.
        Assert.Contains("data-deadline=\"submitted\"", Cell(agreementPage, "data-year-deadline=\"1\""), StringComparison.Ordinal);
        var summary = Browser.Text(Cell(agreementPage, "data-testid=\"summary-deadline\""));
        Assert.Contains("Kopsavilkuma iesniegšanas termiņš: 12.09.2025.", summary, StringComparison.Ordinal);

        var yearPage = Browser.Text(Cell(await staff.GetStringAsync($"/agreements/{zemgale}/years/3/entry"), "data-testid=\"year-deadline\""));
        Assert.Contains("Gada pārskata iesniegšanas termiņš: 13.08.2025.", yearPage, StringComparison.Ordinal);
        ContainsOneOf(OverdueTexts(YearThreeDue), yearPage);
    }

    [Fact]
    public async Task English_pages_word_the_states_in_English_with_English_dates()
    {
        var zemgale = await DashboardHtml.ZemgaleAgreementIdAsync(_factory);
        var staff = await Browser.SignedInClientAsync(_factory, Browser.ZemgaleStaff);
        await Browser.PostFormAsync(staff, "/", "/language", new() { ["culture"] = "en", ["returnUrl"] = "/" });

        var page = await staff.GetStringAsync($"/agreements/{zemgale}");

        var yearThree = Browser.Text(Cell(page, "data-year-deadline=\"3\""));
        Assert.Contains("13/08/2025", yearThree, StringComparison.Ordinal);
        var days = Today().DayNumber - YearThreeDue.DayNumber;
        ContainsOneOf(["overdue by " + LatvianDays.English(days), "overdue by " + LatvianDays.English(days - 1)], yearThree);
        Assert.Contains("Summary due: 12/09/2025", Browser.Text(Cell(page, "data-testid=\"summary-deadline\"")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_submitted_year_shows_when_it_was_submitted_and_how_long_it_has_waited()
    {
        var zemgale = await DashboardHtml.ZemgaleAgreementIdAsync(_factory);
        var submittedAt = DateTime.UtcNow.AddDays(-3);
        await using (var db = _factory.OpenDatabase())
        {
            var year = await db.ImplementationYears.SingleAsync(y => y.AgreementId == zemgale && y.Number == 3);
            year.Status = ReviewStatus.Submitted;
            db.ReviewNotes.Add(new ReviewNote { AgreementId = zemgale, YearNumber = 3, Kind = ReviewNoteKind.Submitted, AuthorName = "Darbinieks", AtUtc = submittedAt });
            await db.SaveChangesAsync();
        }
        var late = RigaCalendar.DateOf(submittedAt).DayNumber - YearThreeDue.DayNumber;

        var html = await DashboardAsync("?sort=waiting");
        var line = Browser.Text(ReportLine(DashboardHtml.Row(html, zemgale), "3"));

        Assert.Contains("iesniegts " + LatvianDays.Accusative(late) + " pēc termiņa", line, StringComparison.Ordinal);
        ContainsOneOf(["gaida izskatīšanu 3 dienas", "gaida izskatīšanu 2 dienas"], line);
    }

    [Fact]
    public async Task Admins_change_the_schedule_and_the_due_dates_follow()
    {
        var zemgale = await DashboardHtml.ZemgaleAgreementIdAsync(_factory);
        var admin = await Browser.SignedInClientAsync(_factory, Browser.Admin);
        var url = $"/admin/agreements/{zemgale}/edit";

        var refused = await Browser.PostFormAsync(admin, url, url, await FormAsync(zemgale, "400", "60"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Jānorāda vesels dienu skaits no 0 līdz 365.", Browser.Text(refusedHtml), StringComparison.Ordinal);
        Assert.Contains("value=\"400\"", refusedHtml, StringComparison.Ordinal);
        await using (var db = _factory.OpenDatabase())
        {
            Assert.Equal(30, (await db.Agreements.SingleAsync(a => a.Id == zemgale)).YearReportDueDays);
        }

        var saved = await Browser.PostFormAsync(admin, url, url, await FormAsync(zemgale, "45", "0"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var page = await admin.GetStringAsync($"/agreements/{zemgale}");
        // 14.07.2025 + 45 days is Thursday 28.08.2025; the summary the same day it ended, Monday 14.07.2025.
        Assert.Contains("28.08.2025.", Browser.Text(Cell(page, "data-year-deadline=\"3\"")), StringComparison.Ordinal);
        Assert.Contains("14.07.2025.", Browser.Text(Cell(page, "data-testid=\"summary-deadline\"")), StringComparison.Ordinal);
        Assert.Contains("value=\"45\"", await admin.GetStringAsync(url), StringComparison.Ordinal);
    }

    private static string Cell(string html, string marker)
    {
        var start = html.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(start >= 0, $"No {marker} on the page");
        // The cell (</td>) or the paragraph (</p>) the marker opens, whichever closes first.
        var ends = new[] { html.IndexOf("</td>", start, StringComparison.Ordinal), html.IndexOf("</p>", start, StringComparison.Ordinal) }.Where(i => i > 0);
        return html[start..ends.Min()];
    }

    private async Task<Dictionary<string, string>> FormAsync(int id, string yearDays, string summaryDays)
    {
        await using var db = _factory.OpenDatabase();
        var a = await db.Agreements.AsNoTracking().SingleAsync(x => x.Id == id);
        string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
        return new()
        {
            ["Form.Type"] = a.Type.ToString(),
            ["Form.Number"] = a.Number ?? "",
            ["Form.SignedOn"] = Date(a.SignedOn),
            ["Form.DelegatingAuthority"] = a.DelegatingAuthority ?? "",
            ["Form.Title"] = a.Title,
            ["Form.TaskText"] = a.TaskText,
            ["Form.PerformerId"] = a.PerformerId.ToString(CultureInfo.InvariantCulture),
            ["Form.RegionId"] = a.RegionId.ToString(CultureInfo.InvariantCulture),
            ["Form.PeriodStart"] = Date(a.PeriodStart),
            ["Form.PeriodEnd"] = Date(a.PeriodEnd),
            ["Form.YearReportDueDays"] = yearDays,
            ["Form.SummaryDueDays"] = summaryDays,
            ["Form.Version"] = a.Version.ToString(CultureInfo.InvariantCulture),
        };
    }

    private async Task<int> AddAgreementAsync(DateOnly start, DateOnly end)
    {
        await using var db = _factory.OpenDatabase();
        var agreement = new DelegationAgreement
        {
            Title = "Termiņu pārbaudes līgums",
            TaskText = "Pārbaudīt termiņus",
            RegionId = (await db.Regions.SingleAsync(r => r.Code == "latgale")).Id,
            PerformerId = (await db.Organisations.SingleAsync(o => o.Name == DemoDataSeeder.SecondOrganisationName)).Id,
            PeriodStart = start,
            PeriodEnd = end,
        };
        agreement.GenerateYears();
        db.Agreements.Add(agreement);
        await db.SaveChangesAsync();
        return agreement.Id;
    }
}
