using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Reviews;
using ZemgaleNvo.IntegrationTests.Infrastructure;
using ZemgaleNvo.IntegrationTests.Reports.Export;
using ZemgaleNvo.IntegrationTests.Reports.Pdf;

namespace ZemgaleNvo.IntegrationTests.NonCompliance;

/// <summary>
/// Non-compliant expenditure and its recoveries (issue 13, 4): a reviewer records them, also on an
/// approved year; the performer's staff read them and cannot record; the summary's two official
/// fields and every download carry them; bad recoveries are refused with nothing saved.
/// </summary>
public sealed class NonComplianceTests : IDisposable
{
    private readonly PortalFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private static Dictionary<string, string> Case(int lineId, string amount = "300,00", string decidedOn = "2024-10-15") => new()
    {
        ["Form.BudgetLineId"] = lineId.Text(),
        ["Form.Amount"] = amount,
        ["Form.Reason"] = "Degviela bez maršruta lapām",
        ["Form.DecisionReference"] = "Nr. 5-2/17",
        ["Form.DecidedOn"] = decidedOn,
    };

    private static Dictionary<string, string> Recovery(string amount, string date, int version, string reference = "MU Nr. 12") => new()
    {
        ["Form.Amount"] = amount, ["Form.Date"] = date, ["Form.Reference"] = reference, ["Form.Version"] = version.Text(),
    };

    private async Task<NonCompliantExpenditure> OnlyCaseAsync(DemoAgreement demo)
    {
        await using var db = _factory.OpenDatabase();
        return await db.NonCompliantExpenditures.Include(n => n.Recoveries).AsNoTracking()
            .SingleAsync(n => n.ImplementationYear!.AgreementId == demo.Id);
    }

    [Fact]
    public async Task A_reviewer_records_a_case_and_its_recoveries_on_an_approved_year_and_every_output_shows_them()
    {
        var demo = await DemoAgreement.LoadAsync(_factory);
        await demo.SetStatusAsync(_factory, 2, ReviewStatus.Approved);
        var reviewer = await Browser.SignedInClientAsync(_factory, Browser.Reviewer);
        var staff = await Browser.SignedInClientAsync(_factory, Browser.ZemgaleStaff);
        var list = $"{demo.Year(2)}/non-compliance";

        Assert.Contains("Nav", Browser.Text(await staff.GetStringAsync($"/agreements/{demo.Id}/summary")));
        var created = await Browser.PostFormAsync(reviewer, $"{list}/new", $"{list}/new", Case(demo.FirstLineId));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var saved = await OnlyCaseAsync(demo);
        Assert.Equal(300_00, saved.AmountCents);
        Assert.Equal("Nr. 5-2/17", saved.DecisionReference);
        Assert.Equal(new DateOnly(2024, 10, 15), saved.DecidedOn);

        var recoveryForm = $"{list}/{saved.Id.Text()}/recoveries/new";
        Assert.Equal(HttpStatusCode.Redirect, (await Browser.PostFormAsync(reviewer, recoveryForm, recoveryForm, Recovery("150,00", "2024-11-30", saved.Version))).StatusCode);
        saved = await OnlyCaseAsync(demo);
        Assert.Equal(HttpStatusCode.Redirect, (await Browser.PostFormAsync(reviewer, recoveryForm, recoveryForm, Recovery("50", "2024-12-20", saved.Version, "MU Nr. 31"))).StatusCode);
        saved = await OnlyCaseAsync(demo);
        Assert.Equal(200_00, saved.RecoveredCents);
        Assert.Equal(2, saved.Recoveries.Count);
        Assert.Equal(ReviewStatus.Approved, (await _factory.OpenDatabase().ImplementationYears.SingleAsync(y => y.AgreementId == demo.Id && y.Number == 2)).Status);

        // Staff read the year's list, with no way to record.
        var staffList = await staff.GetStringAsync(list);
        Assert.Contains("Degviela bez maršruta lapām", WebUtility.HtmlDecode(staffList));
        Assert.DoesNotContain("Reģistrēt", Browser.Text(staffList));
        Assert.Contains("Reģistrēt atgūšanu", Browser.Text(await reviewer.GetStringAsync(list)));

        // The summary's two fields: totals and a line per case.
        var summary = Browser.Text(await staff.GetStringAsync($"/agreements/{demo.Id}/summary"));
        Assert.Contains("II. īstenošanas gads: 300,00 euro", summary);
        Assert.Contains("(lēmums Nr. 5-2/17, 15.10.2024.)", summary);
        Assert.Contains("neatgūti 100,00 euro no 300,00 euro; atgūti 200,00 euro (30.11.2024. 150,00 euro (MU Nr. 12), 20.12.2024. 50,00 euro (MU Nr. 31))", summary);

        using var json = JsonDocument.Parse(await staff.GetStringAsync($"/agreements/{demo.Id}/summary.json"));
        var nonCompliance = json.RootElement.GetProperty("nonCompliance");
        Assert.Equal(300m, nonCompliance.GetProperty("total").GetDecimal());
        Assert.Equal(100m, nonCompliance.GetProperty("unrecovered").GetDecimal());
        var item = Assert.Single(nonCompliance.GetProperty("items").EnumerateArray());
        Assert.Equal("Nr. 5-2/17", item.GetProperty("decisionReference").GetString());
        Assert.Equal("2024-10-15", item.GetProperty("decidedOn").GetString());
        Assert.Equal(2, item.GetProperty("recoveries").GetArrayLength());
        Assert.Equal("MU Nr. 31", item.GetProperty("recoveries")[1].GetProperty("reference").GetString());

        var csv = Encoding.UTF8.GetString(await staff.GetByteArrayAsync($"/agreements/{demo.Id}/summary.csv"));
        Assert.Contains("II;pilsoniskās sabiedrības attīstībai Zemgales reģionā;300,00;Degviela bez maršruta lapām;Nr. 5-2/17;15.10.2024.;200,00;100,00;", csv);
        Assert.Contains(";Kopā;300,00;;;;200,00;100,00;", csv);

        using var xlsx = new XlsxReader(await staff.GetByteArrayAsync($"/agreements/{demo.Id}/summary.xlsx"));
        var row = xlsx.Rows("Neatbilstības").Skip(1).First();
        Assert.Equal(300m, XlsxReader.Number(row, "C"));
        Assert.Equal(100m, XlsxReader.Number(row, "G"));
        Assert.Equal("Nr. 5-2/17", XlsxReader.Text(row, "H"));

        var pdf = PdfReader.Squeeze(string.Join(" ", PdfReader.Read(await staff.GetByteArrayAsync($"/agreements/{demo.Id}/summary.pdf")).Pages));
        Assert.Contains(PdfReader.Squeeze("lēmums Nr. 5-2/17, 15.10.2024."), pdf);
        Assert.Contains(PdfReader.Squeeze("20.12.2024. 50,00 euro (MU Nr. 31)"), pdf);

        // Audited like every record of the year.
        await using var db = _factory.OpenDatabase();
        var audited = await db.AuditEntries.Where(a => a.AgreementId == demo.Id).Select(a => a.EntityType).Distinct().ToListAsync();
        Assert.Contains(nameof(NonCompliantExpenditure), audited);
        Assert.Contains(nameof(NonCompliantRecovery), audited);

        // The ministry's later findings are not tampering with the approved year: its seal still holds.
        var admin = await Browser.SignedInClientAsync(_factory, Browser.Admin);
        Assert.Equal(HttpStatusCode.Redirect, (await Browser.PostFormAsync(admin, "/admin/integrity", "/admin/integrity/verify", [])).StatusCode);
        Assert.Contains("Neatbilstību nav", Browser.Text(await admin.GetStringAsync("/admin/integrity")));
    }

    [Theory]
    [InlineData("300,01", "2024-11-30", "Atgūt var ne vairāk kā vēl neatgūtos 300,00 euro.")]
    [InlineData("10,00", "future", "Atgūšanas datums nevar būt nākotnē.")]
    [InlineData("10,00", "2024-10-14", "Atgūt nevar pirms lēmuma par neatbilstošajiem izdevumiem (15.10.2024.).")]
    [InlineData("0", "2024-11-30", "Summai jābūt lielākai par nulli.")]
    public async Task A_bad_recovery_is_refused_in_Latvian_with_what_was_typed_kept_and_nothing_saved(string amount, string date, string message)
    {
        var demo = await DemoAgreement.LoadAsync(_factory);
        var reviewer = await Browser.SignedInClientAsync(_factory, Browser.Reviewer);
        var list = $"{demo.Year(2)}/non-compliance";
        Assert.Equal(HttpStatusCode.Redirect, (await Browser.PostFormAsync(reviewer, $"{list}/new", $"{list}/new", Case(demo.SecondLineId))).StatusCode);
        var saved = await OnlyCaseAsync(demo);
        var typedDate = date == "future" ? DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : date;

        var recoveryForm = $"{list}/{saved.Id.Text()}/recoveries/new";
        var refused = await Browser.PostFormAsync(reviewer, recoveryForm, recoveryForm, Recovery(amount, typedDate, saved.Version, "MU Nr. 99"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains(message, Browser.Text(html));
        Assert.Contains("value=\"MU Nr. 99\"", WebUtility.HtmlDecode(html));
        var after = await OnlyCaseAsync(demo);
        Assert.Equal(0, after.RecoveredCents);
        Assert.Empty(after.Recoveries);
    }

    [Fact]
    public async Task A_case_with_a_decision_in_the_future_or_no_reason_is_refused_and_nothing_is_saved()
    {
        var demo = await DemoAgreement.LoadAsync(_factory);
        var reviewer = await Browser.SignedInClientAsync(_factory, Browser.Reviewer);
        var list = $"{demo.Year(2)}/non-compliance";
        var future = Case(demo.FirstLineId, decidedOn: DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        future["Form.Reason"] = "  ";

        var refused = await Browser.PostFormAsync(reviewer, $"{list}/new", $"{list}/new", future);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var text = Browser.Text(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Lēmuma datums nevar būt nākotnē.", text);
        Assert.Contains("Ierakstiet, kāpēc izdevumi ir neatbilstoši.", text);
        await using var db = _factory.OpenDatabase();
        Assert.False(await db.NonCompliantExpenditures.AnyAsync(n => n.ImplementationYear!.AgreementId == demo.Id));
    }

    [Fact]
    public async Task Staff_posting_a_case_or_a_recovery_by_hand_get_403_and_nothing_changes()
    {
        var demo = await DemoAgreement.LoadAsync(_factory);
        var reviewer = await Browser.SignedInClientAsync(_factory, Browser.Reviewer);
        var staff = await Browser.SignedInClientAsync(_factory, Browser.ZemgaleStaff);
        var list = $"{demo.Year(2)}/non-compliance";
        Assert.Equal(HttpStatusCode.Redirect, (await Browser.PostFormAsync(reviewer, $"{list}/new", $"{list}/new", Case(demo.FirstLineId))).StatusCode);
        var saved = await OnlyCaseAsync(demo);

        var token = await Browser.AntiforgeryTokenAsync(staff, demo.Workspace(2));
        var byHand = Case(demo.FirstLineId, "999,00");
        byHand["__RequestVerificationToken"] = token;
        var recovery = Recovery("100,00", "2024-11-30", saved.Version);
        recovery["__RequestVerificationToken"] = token;

        Assert.Equal("403", Refusal(await staff.PostAsync($"{list}/new", new FormUrlEncodedContent(byHand))));
        Assert.Equal("403", Refusal(await staff.PostAsync($"{list}/{saved.Id.Text()}/recoveries/new", new FormUrlEncodedContent(recovery))));

        await using var db = _factory.OpenDatabase();
        var cases = await db.NonCompliantExpenditures.Include(n => n.Recoveries).Where(n => n.ImplementationYear!.AgreementId == demo.Id).ToListAsync();
        var only = Assert.Single(cases);
        Assert.Equal(0, only.RecoveredCents);
        Assert.Empty(only.Recoveries);
    }

    /// <summary>A typing error is corrected in place (the form starts from what was recorded), also on an approved year, and the summary follows; the audit trail keeps the old figure.</summary>
    [Fact]
    public async Task A_reviewer_corrects_a_case_and_the_summary_shows_the_corrected_figures()
    {
        var demo = await DemoAgreement.LoadAsync(_factory);
        // On an approved year, like recording: the finding is the ministry's, not the approved report.
        await demo.SetStatusAsync(_factory, 2, ReviewStatus.Approved);
        var reviewer = await Browser.SignedInClientAsync(_factory, Browser.Reviewer);
        var list = $"{demo.Year(2)}/non-compliance";
        Assert.Equal(HttpStatusCode.Redirect, (await Browser.PostFormAsync(reviewer, $"{list}/new", $"{list}/new", Case(demo.FirstLineId, "3000,00"))).StatusCode);
        var saved = await OnlyCaseAsync(demo);
        var edit = $"{list}/{saved.Id.Text()}/edit";

        var form = WebUtility.HtmlDecode(await reviewer.GetStringAsync(edit));
        Assert.Matches(@"value=""3\s000,00""", form); // as the portal writes amounts, the group separator a no-break space
        Assert.Contains("Degviela bez maršruta lapām", form, StringComparison.Ordinal);
        var corrected = Case(demo.SecondLineId, "300,00");
        corrected["Form.Reason"] = "Degviela bez maršruta lapām (labots)";
        corrected["Form.Version"] = saved.Version.Text();
        Assert.Equal(HttpStatusCode.Redirect, (await Browser.PostFormAsync(reviewer, edit, edit, corrected)).StatusCode);

        var after = await OnlyCaseAsync(demo);
        Assert.Equal(300_00, after.AmountCents);
        Assert.Equal(demo.SecondLineId, after.BudgetLineId);
        Assert.Equal("Degviela bez maršruta lapām (labots)", after.Reason);
        Assert.Contains("Neatbilstoši veiktie izdevumi laboti.", Browser.Text(await reviewer.GetStringAsync(list)));
        Assert.Contains("II. īstenošanas gads: 300,00 euro", Browser.Text(await reviewer.GetStringAsync($"/agreements/{demo.Id}/summary")));
        await using var db = _factory.OpenDatabase();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(NonCompliantExpenditure) && a.Field == nameof(NonCompliantExpenditure.AmountCents)
            && a.OldValue == "300000" && a.NewValue == "30000"));
    }

    /// <summary>Money that came back stays recorded: the amount cannot go below it, and the case cannot be deleted.</summary>
    [Fact]
    public async Task A_case_with_a_recovery_keeps_its_amount_above_what_came_back_and_cannot_be_deleted()
    {
        var demo = await DemoAgreement.LoadAsync(_factory);
        var reviewer = await Browser.SignedInClientAsync(_factory, Browser.Reviewer);
        var list = $"{demo.Year(2)}/non-compliance";
        Assert.Equal(HttpStatusCode.Redirect, (await Browser.PostFormAsync(reviewer, $"{list}/new", $"{list}/new", Case(demo.FirstLineId))).StatusCode);
        var saved = await OnlyCaseAsync(demo);
        var recoveryForm = $"{list}/{saved.Id.Text()}/recoveries/new";
        Assert.Equal(HttpStatusCode.Redirect, (await Browser.PostFormAsync(reviewer, recoveryForm, recoveryForm, Recovery("150,00", "2024-11-30", saved.Version))).StatusCode);
        saved = await OnlyCaseAsync(demo);
        var edit = $"{list}/{saved.Id.Text()}/edit";

        var tooLow = Case(demo.FirstLineId, "100,00");
        tooLow["Form.Version"] = saved.Version.Text();
        var refused = await Browser.PostFormAsync(reviewer, edit, edit, tooLow);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Summa nevar būt mazāka par jau atgūtajiem 150,00 euro.", Browser.Text(html));
        Assert.Contains("value=\"100,00\"", html, StringComparison.Ordinal);
        var laterDecision = Case(demo.FirstLineId, "300,00", decidedOn: "2024-12-01");
        laterDecision["Form.Version"] = saved.Version.Text();
        var refusedDate = await Browser.PostFormAsync(reviewer, edit, edit, laterDecision);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refusedDate.StatusCode);
        Assert.Contains("Lēmuma datums nevar būt vēlāks par pirmo atgūšanu (30.11.2024.).", Browser.Text(await refusedDate.Content.ReadAsStringAsync()));

        Assert.DoesNotContain("data-testid=\"non-compliance-delete\"", await reviewer.GetStringAsync(list), StringComparison.Ordinal);
        var delete = $"{list}/{saved.Id.Text()}/delete";
        Assert.Contains("Šos izdevumus dzēst nevar: tiem jau reģistrēta atgūšana.", Browser.Text(await reviewer.GetStringAsync(delete)));
        var deleteRefused = await Browser.PostFormAsync(reviewer, delete, delete, []);
        Assert.Equal(HttpStatusCode.Conflict, deleteRefused.StatusCode);
        Assert.Contains("Šos izdevumus dzēst nevar: tiem jau reģistrēta atgūšana.", Browser.Text(await deleteRefused.Content.ReadAsStringAsync()));

        var after = await OnlyCaseAsync(demo);
        Assert.Equal(300_00, after.AmountCents);
        Assert.Equal(150_00, after.RecoveredCents);
        Assert.Equal(new DateOnly(2024, 10, 15), after.DecidedOn);
    }

    /// <summary>A case recorded by mistake is deleted after a question; the summary no longer counts it and the trail says who deleted it.</summary>
    [Fact]
    public async Task A_case_recorded_by_mistake_is_deleted_after_confirming_and_is_gone_from_the_summary()
    {
        var demo = await DemoAgreement.LoadAsync(_factory);
        var reviewer = await Browser.SignedInClientAsync(_factory, Browser.Reviewer);
        var list = $"{demo.Year(2)}/non-compliance";
        Assert.Equal(HttpStatusCode.Redirect, (await Browser.PostFormAsync(reviewer, $"{list}/new", $"{list}/new", Case(demo.FirstLineId))).StatusCode);
        var saved = await OnlyCaseAsync(demo);
        Assert.Contains("data-testid=\"non-compliance-delete\"", await reviewer.GetStringAsync(list), StringComparison.Ordinal);
        var delete = $"{list}/{saved.Id.Text()}/delete";
        var question = Browser.Text(await reviewer.GetStringAsync(delete));
        Assert.Contains("Dzēst neatbilstoši veiktos izdevumus", question);
        Assert.Contains("300,00", question);

        Assert.Equal(HttpStatusCode.Redirect, (await Browser.PostFormAsync(reviewer, delete, delete, [])).StatusCode);

        Assert.Contains("Neatbilstoši veiktie izdevumi dzēsti.", Browser.Text(await reviewer.GetStringAsync(list)));
        Assert.DoesNotContain("II. īstenošanas gads: 300,00 euro", Browser.Text(await reviewer.GetStringAsync($"/agreements/{demo.Id}/summary")));
        await using var db = _factory.OpenDatabase();
        Assert.False(await db.NonCompliantExpenditures.AnyAsync(n => n.Id == saved.Id));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(NonCompliantExpenditure) && a.EntityKey == saved.Id.Text()
            && a.Action == Domain.Audit.AuditAction.Deleted && a.UserName == Browser.Reviewer));
    }

    private static string Refusal(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Forbidden
        || response.Headers.Location?.OriginalString.Contains("/account/denied", StringComparison.Ordinal) == true ? "403" : ((int)response.StatusCode).Text();
}
