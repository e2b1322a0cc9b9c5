using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Domain.Reviews;
using ZemgaleNvo.IntegrationTests.Admin;
using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.Returns;

/// <summary>
/// Issue 13's end-to-end case, entered through the screens as an admin, the performer's staff and a
/// reviewer would: an agreement whose last year overspends a line with no money left on the other is
/// explained, submitted, accepted and approved; the ministry then records non-compliant expenditure and
/// a recovery on the approved year; the summary states the overspend, the explanation, the money to
/// return and the non-compliant amount with its recovery.
/// </summary>
public sealed partial class OverspentLastYearJourneyTests : IDisposable
{
    private const string Title = "Brīvprātīgo kustības atbalsts Zemgalē";
    private const string Consultations = "konsultācijām";
    private const string Events = "pasākumiem";

    private readonly PortalFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string formUrl, string url, Dictionary<string, string> fields) =>
        Browser.PostFormAsync(client, formUrl, url, fields);

    [Fact]
    public async Task An_overspent_last_year_is_explained_submitted_approved_and_its_summary_states_overspend_return_and_non_compliance()
    {
        _ = _factory.Services;
        var admin = await AdminBrowser.AdminClientAsync(_factory);
        var staff = await Browser.SignedInClientAsync(_factory, Browser.ZemgaleStaff);
        var reviewer = await Browser.SignedInClientAsync(_factory, Browser.Reviewer);
        int regionId;
        await using (var db = _factory.OpenDatabase())
        {
            regionId = await db.Regions.Where(r => r.Code == "zemgale").Select(r => r.Id).SingleAsync();
        }

        // The admin sets the agreement up: one (last) year, two lines.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, "/admin/agreements/new", "/admin/agreements/new", new()
        {
            ["Form.Type"] = "Delegation", ["Form.Number"] = "D-2024/3", ["Form.SignedOn"] = "2023-12-20",
            ["Form.DelegatingAuthority"] = "Viedās administrācijas un reģionālās attīstības ministrija",
            ["Form.Title"] = Title, ["Form.TaskText"] = "Atbalstīt brīvprātīgo kustību Zemgales reģionā.",
            ["Form.PerformerId"] = (await AdminBrowser.OrganisationIdAsync(_factory)).Text(), ["Form.RegionId"] = regionId.Text(),
            ["Form.PeriodStart"] = "2024-01-01", ["Form.PeriodEnd"] = "2024-12-31", ["Form.Version"] = "0",
        })).StatusCode);
        int id;
        await using (var db = _factory.OpenDatabase())
        {
            id = await db.Agreements.Where(a => a.Title == Title).Select(a => a.Id).SingleAsync();
        }
        foreach (var (name, amount) in new[] { (Consultations, "1 000,00"), (Events, "500,00") })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, $"/admin/agreements/{id}/lines/new", $"/admin/agreements/{id}/lines/new", new()
            {
                ["Form.Name"] = name, ["Form.ResultsHeading"] = "", ["Form.Amounts[0].YearNumber"] = "1", ["Form.Amounts[0].Amount"] = amount,
            })).StatusCode);
        }
        int consultations, events;
        await using (var db = _factory.OpenDatabase())
        {
            consultations = await db.BudgetLines.Where(l => l.AgreementId == id && l.Name == Consultations).Select(l => l.Id).SingleAsync();
            events = await db.BudgetLines.Where(l => l.AgreementId == id && l.Name == Events).Select(l => l.Id).SingleAsync();
        }

        // Staff enter the year: consultations overspent by 100,00, events spent to the cent: nothing left to move.
        var year = $"/agreements/{id}/years/1";
        var entry = $"{year}/entry";
        foreach (var (line, amount) in new[] { (consultations, "1 100,00"), (events, "500,00") })
        {
            var url = $"{year}/spending/lines/{line.Text()}/total";
            Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(staff, url, url, new() { ["Form.Amount"] = amount, ["Form.Version"] = "0" })).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(staff, $"{year}/evaluation", $"{year}/evaluation", new()
        {
            ["Form.Text"] = "Konsultāciju pieprasījums pārsniedza plānoto; pasākumi notika, kā plānots.",
        })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PostAsync(staff, entry, $"{year}/submit", [])).StatusCode);

        // Every deviation explained; the overspend's explanation is the one the summary must show.
        const string overspendText = "Konsultāciju pieprasījums pieauga; citās pozīcijās līdzekļu nebija, tāpēc pārdalīt nevarēja.";
        var deviations = FindingValues(await staff.GetStringAsync(entry));
        Assert.Contains($"line-overspent:{consultations.Text()}:", deviations);
        foreach (var finding in deviations)
        {
            var text = finding.StartsWith("line-overspent", StringComparison.Ordinal) ? overspendText : "Rezultāti tiks pievienoti pēc pārbaudes.";
            Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(staff, entry, $"{year}/explanations", new()
            {
                ["Explanation.Finding"] = finding, ["Explanation.Text"] = text, ["Explanation.Version"] = "0",
            })).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(staff, entry, $"{year}/submit", [])).StatusCode);

        // The reviewer accepts each explanation and approves.
        foreach (var finding in deviations)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(reviewer, entry, $"{year}/explanations/accept", new() { ["Explanation.Finding"] = finding })).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(reviewer, entry, $"{year}/approve", [])).StatusCode);
        byte[] frozen;
        await using (var db = _factory.OpenDatabase())
        {
            Assert.Equal(ReviewStatus.Approved, await db.ImplementationYears.Where(y => y.AgreementId == id).Select(y => y.Status).SingleAsync());
            frozen = await db.FrozenReports.Where(r => r.AgreementId == id && r.YearNumber == 1).Select(r => r.Content).SingleAsync();
        }

        // After the approval, the ministry's supervision: 80,00 non-compliant, 30,00 of it recovered.
        var list = $"{year}/non-compliance";
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(reviewer, $"{list}/new", $"{list}/new", new()
        {
            ["Form.BudgetLineId"] = events.Text(), ["Form.Amount"] = "80,00", ["Form.Reason"] = "Ēdināšana bez dalībnieku saraksta",
            ["Form.DecisionReference"] = "Nr. 7-1/44", ["Form.DecidedOn"] = "2025-03-10",
        })).StatusCode);
        int caseId, version;
        await using (var db = _factory.OpenDatabase())
        {
            var found = await db.NonCompliantExpenditures.SingleAsync(n => n.ImplementationYear!.AgreementId == id);
            (caseId, version) = (found.Id, found.Version);
        }
        var recovery = $"{list}/{caseId.Text()}/recoveries/new";
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(reviewer, recovery, recovery, new()
        {
            ["Form.Amount"] = "30,00", ["Form.Date"] = "2025-04-02", ["Form.Reference"] = "MU Nr. 118", ["Form.Version"] = version.Text(),
        })).StatusCode);

        var summary = Browser.Text(await staff.GetStringAsync($"/agreements/{id}/summary"));
        Assert.Contains($"Izdevumi pārsniedz pieejamo finansējumu par 100,00 euro (t.sk. 100,00 euro {Consultations}).", summary);
        Assert.Contains("Neizlietotā finansējuma, kas atmaksājams valsts budžetā, nav.", summary);
        Assert.Contains(overspendText, summary);
        Assert.Contains($"I. īstenošanas gads: 80,00 euro {Events} — Ēdināšana bez dalībnieku saraksta (lēmums Nr. 7-1/44, 10.03.2025.)", summary);
        Assert.Contains("neatgūti 50,00 euro no 80,00 euro; atgūti 30,00 euro (02.04.2025. 30,00 euro (MU Nr. 118))", summary);

        // The approved year's report stays as it was approved.
        await using (var db = _factory.OpenDatabase())
        {
            Assert.Equal(frozen, await db.FrozenReports.Where(r => r.AgreementId == id && r.YearNumber == 1).Select(r => r.Content).SingleAsync());
        }
    }

    /// <summary>The findings the year page offers an explanation form for (its hidden "Explanation.Finding" fields).</summary>
    private static List<string> FindingValues(string html) =>
        FindingField().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Distinct().ToList();

    [GeneratedRegex("name=\"Explanation.Finding\" value=\"([^\"]+)\"")]
    private static partial Regex FindingField();
}
