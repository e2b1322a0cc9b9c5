using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;
using ZemgaleNvo.Domain.Audit;
using ZemgaleNvo.Domain.Reviews;
using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.Review;

/// <summary>Return with a reason, resubmit, approve; approved means frozen, in the data and in the document.</summary>
public sealed class ReviewJourneyTests : IDisposable
{
    private readonly PortalFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    /// <summary>The confirmation of approving with deviations not accepted one by one (see ExplanationJourneyTests).</summary>
    private static Dictionary<string, string> Confirmed => new() { ["confirmed"] = "true" };

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, Dictionary<string, string>? fields = null) =>
        Browser.PostFormAsync(client, "/", url, fields ?? []);

    private async Task<(HttpClient Staff, HttpClient Reviewer, DemoAgreement Demo)> SubmittedYearThreeAsync()
    {
        var demo = await DemoAgreement.LoadAsync(_factory);
        var staff = await Browser.SignedInClientAsync(_factory, Browser.ZemgaleStaff);
        var reviewer = await Browser.SignedInClientAsync(_factory, Browser.Reviewer);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(staff, $"{demo.Year(3)}/reallocations/new", new()
        {
            ["Form.FromBudgetLineId"] = demo.FirstLineId.Text(), ["Form.ToBudgetLineId"] = demo.SecondLineId.Text(),
            ["Form.Amount"] = "1 269,24", ["Form.Reason"] = "Pārsnieguma segšana", ["Form.Version"] = "0",
        })).StatusCode);
        await using (var db = _factory.OpenDatabase())
        {
            var version = await db.ImplementationYears.Where(y => y.AgreementId == demo.Id && y.Number == 3).Select(y => y.Version).SingleAsync();
            Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(staff, $"{demo.Year(3)}/evaluation", new() { ["Form.Text"] = "Visi pasākumi īstenoti.", ["Form.Version"] = version.Text() })).StatusCode);
        }
        // The 4 864,53 carried in and left unspent is a deviation: explained before submitting.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(staff, $"{demo.Year(3)}/explanations", new()
        {
            ["Explanation.Finding"] = "final-remainder-not-returned::", ["Explanation.Text"] = "Atlikums tiks atmaksāts valsts budžetā.", ["Explanation.Version"] = "0",
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(staff, $"{demo.Year(3)}/submit")).StatusCode);
        return (staff, reviewer, demo);
    }

    [Fact]
    public async Task A_returned_year_shows_the_reason_to_the_staff_who_fix_and_resubmit_and_the_history_keeps_everything()
    {
        var (staff, reviewer, demo) = await SubmittedYearThreeAsync();

        var noReason = await PostAsync(reviewer, $"{demo.Year(3)}/return", new() { ["Decision.Text"] = "  " });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.Contains("Ierakstiet iemeslu: to redzēs biedrības darbinieki.", Browser.Text(await noReason.Content.ReadAsStringAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(reviewer, $"{demo.Year(3)}/comments", new() { ["Comment.Text"] = "Lūdzu pārbaudīt semināru skaitu." })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(reviewer, $"{demo.Year(3)}/return", new() { ["Decision.Text"] = "Precizējiet 2. rezultāta semināru skaitu." })).StatusCode);

        var staffView = Browser.Text(await staff.GetStringAsync(demo.Workspace(3)));
        Assert.Contains("Atgriezts labošanai: Precizējiet 2. rezultāta semināru skaitu.", staffView);
        Assert.Contains("Lūdzu pārbaudīt semināru skaitu.", staffView);
        Assert.Contains("Pievienot rezultātu", staffView);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(staff, $"{demo.Year(3)}/comments", new() { ["Comment.Text"] = "Izlabots: 11 semināri." })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(staff, $"{demo.Year(3)}/submit")).StatusCode);

        // The people concerned were told: reviewers of each submission, the NGO's staff of the return.
        var mails = Directory.GetFiles(_factory.MailFolder, "*.eml").Select(f => MimeKit.MimeMessage.Load(f)).ToList();
        Assert.Equal(2, mails.Count(m => m.To.Mailboxes.Any(a => a.Address == Browser.Reviewer)));
        var returned = Assert.Single(mails, m => m.To.Mailboxes.Any(a => a.Address == Browser.ZemgaleStaff));
        Assert.Contains("Precizējiet 2. rezultāta semināru skaitu.", returned.TextBody);

        await using var db = _factory.OpenDatabase();
        var history = await db.ReviewNotes.Where(n => n.AgreementId == demo.Id && n.YearNumber == 3).OrderBy(n => n.Id).Select(n => n.Kind).ToListAsync();
        Assert.Equal([ReviewNoteKind.Submitted, ReviewNoteKind.Comment, ReviewNoteKind.Returned, ReviewNoteKind.Comment, ReviewNoteKind.Submitted], history);
        Assert.Equal(ReviewStatus.Submitted, await db.ImplementationYears.Where(y => y.AgreementId == demo.Id && y.Number == 3).Select(y => y.Status).SingleAsync());
    }

    [Fact]
    public async Task Approval_freezes_the_data_and_the_report_which_is_served_byte_for_byte_with_an_etag()
    {
        var (staff, reviewer, demo) = await SubmittedYearThreeAsync();

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(reviewer, $"{demo.Year(3)}/approve", Confirmed)).StatusCode);

        await using var db = _factory.OpenDatabase();
        var frozen = await db.FrozenReports.SingleAsync(r => r.AgreementId == demo.Id && r.YearNumber == 3);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(frozen.Content)), frozen.Sha256);
        Assert.Equal("recenzents@demo.zemgalenvo.lv", (await db.Users.SingleAsync(u => u.Id == frozen.ApprovedByUserId)).Email);
        using (var pdf = PdfDocument.Open(frozen.Content))
        {
            Assert.Contains("III. īstenošanas gads", string.Concat(pdf.GetPages().Select(p => p.Text)));
        }

        var download = await reviewer.GetAsync($"{demo.Year(3)}.pdf");
        Assert.Equal(frozen.Content, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal($"\"{frozen.Sha256}\"", download.Headers.ETag!.Tag);

        // Something the report prints changes outside the frozen year (the performer's name); the download does not.
        var performer = await db.Organisations.SingleAsync(o => db.Agreements.Any(a => a.Id == demo.Id && a.PerformerId == o.Id));
        performer.Name = "Biedrība „Zemgales NVO centrs” (pārdēvēta)";
        await db.SaveChangesAsync();
        var again = await staff.GetAsync($"{demo.Year(3)}.pdf");
        Assert.Equal(frozen.Content, await again.Content.ReadAsByteArrayAsync());
        Assert.Contains("pārdēvēta", Browser.Text(await staff.GetStringAsync(demo.Year(3))));

        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"{demo.Year(3)}.pdf");
        conditional.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{frozen.Sha256}\""));
        Assert.Equal(HttpStatusCode.NotModified, (await reviewer.SendAsync(conditional)).StatusCode);

        // A hand-made POST into the approved year is refused and changes nothing.
        var auditBefore = await db.AuditEntries.CountAsync();
        var handMade = await PostAsync(staff, $"{demo.Year(3)}/results/new", new()
        {
            ["Form.BudgetLineId"] = demo.FirstLineId.Text(), ["Form.Text"] = "Pēc apstiprināšanas", ["Form.Version"] = "0",
        });
        Assert.Equal(HttpStatusCode.Conflict, handMade.StatusCode);
        Assert.Equal(auditBefore, await db.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task The_data_layer_refuses_changes_to_an_approved_year_whoever_makes_them()
    {
        var demo = await DemoAgreement.LoadAsync(_factory);
        await using var db = _factory.OpenDatabase();
        var approvedYear = await db.ImplementationYears.Include(y => y.Activities).ThenInclude(a => a.Indicators).SingleAsync(y => y.AgreementId == demo.Id && y.Number == 1);

        approvedYear.Activities[0].Text = "Pārrakstīts";
        await Assert.ThrowsAsync<FrozenRecordException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();

        var indicator = await db.Indicators.FirstAsync(i => i.Activity!.ImplementationYearId == approvedYear.Id);
        indicator.Count += 1;
        await Assert.ThrowsAsync<FrozenRecordException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();

        var year = await db.ImplementationYears.SingleAsync(y => y.Id == approvedYear.Id);
        year.EvaluationText = "Pārrakstīts";
        await Assert.ThrowsAsync<FrozenRecordException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();

        await using var check = _factory.OpenDatabase();
        Assert.DoesNotContain(await check.Activities.Where(a => a.ImplementationYearId == approvedYear.Id).Select(a => a.Text).ToListAsync(), t => t == "Pārrakstīts");
    }

    [Fact]
    public async Task An_admin_reopens_an_approved_year_with_a_reason_and_the_summary_waits_for_every_year()
    {
        var (staff, reviewer, demo) = await SubmittedYearThreeAsync();
        var admin = await Browser.SignedInClientAsync(_factory, Browser.Admin);

        var earlySummary = await PostAsync(staff, $"/agreements/{demo.Id}/summary/submit");
        Assert.Equal(HttpStatusCode.Conflict, earlySummary.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(reviewer, $"{demo.Year(3)}/approve", Confirmed)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(staff, $"/agreements/{demo.Id}/summary/submit")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(reviewer, $"/agreements/{demo.Id}/summary/approve")).StatusCode);
        var summaryPdf = await reviewer.GetAsync($"/agreements/{demo.Id}/summary.pdf");
        await using (var db = _factory.OpenDatabase())
        {
            var frozenSummary = await db.FrozenReports.SingleAsync(r => r.AgreementId == demo.Id && r.YearNumber == null);
            Assert.Equal(frozenSummary.Content, await summaryPdf.Content.ReadAsByteArrayAsync());
        }

        var noReason = await PostAsync(admin, $"{demo.Year(3)}/reopen", new() { ["Decision.Text"] = "" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, $"{demo.Year(3)}/reopen", new() { ["Decision.Text"] = "Ministrija pieprasīja labojumu." })).StatusCode);

        var staffView = Browser.Text(await staff.GetStringAsync(demo.Workspace(3)));
        Assert.Contains("Atvērts no jauna: Ministrija pieprasīja labojumu.", staffView);
    }

    [Fact]
    public async Task Every_kind_of_change_leaves_an_audit_row_that_reviewers_can_read_and_staff_cannot()
    {
        var (staff, reviewer, demo) = await SubmittedYearThreeAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(reviewer, $"{demo.Year(3)}/approve", Confirmed)).StatusCode);
        await Browser.SignInAsync(_factory.CreateClient(), Browser.ZemgaleStaff, "nepareiza parole 123");
        await staff.GetAsync($"/agreements/{demo.Id}/audit");

        await using var db = _factory.OpenDatabase();
        var rows = await db.AuditEntries.ToListAsync();
        Assert.Contains(rows, r => r.Action == AuditAction.Created && r.EntityType == "Reallocation" && r.AgreementId == demo.Id);
        Assert.Contains(rows, r => r.Action == AuditAction.Updated && r.EntityType == "ImplementationYear" && r.Field == "EvaluationText");
        Assert.Contains(rows, r => r.Action == AuditAction.Updated && r.Field == "Status" && r.OldValue == "Submitted" && r.NewValue == "Approved" && r.UserName == Browser.Reviewer);
        Assert.Contains(rows, r => r.Action == AuditAction.Created && r.EntityType == "FrozenReport" && r.Field == "Sha256");
        Assert.Contains(rows, r => r.Action == AuditAction.SignedIn && r.UserName == Browser.Reviewer);
        Assert.Contains(rows, r => r.Action == AuditAction.SignInFailed && r.EntityKey == Browser.ZemgaleStaff);
        Assert.Contains(rows, r => r.Action == AuditAction.AccessDenied && r.EntityKey.Contains("/audit", StringComparison.Ordinal) && r.UserName == Browser.ZemgaleStaff);
        Assert.All(rows, r => Assert.NotNull(r.Hash));

        var page = Browser.Text(await reviewer.GetStringAsync($"/agreements/{demo.Id}/audit?entity=ImplementationYear"));
        // In the reviewer's words: the record type, the field and the statuses, not the table's names.
        Assert.Contains("Īstenošanas gads", page);
        Assert.Contains("Statuss Iesniegts Apstiprināts", page);
        Assert.DoesNotContain("ImplementationYear #", page);
        Assert.Contains(Browser.Reviewer, page);
    }
}
