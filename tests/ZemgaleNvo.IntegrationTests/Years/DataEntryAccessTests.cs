using System.Net;
using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Audit;
using ZemgaleNvo.Domain.Reviews;
using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.Years;

/// <summary>
/// Every data-entry endpoint, GET and POST, called by people who must not change the year: staff
/// of another organisation (not found), reviewers and admins (forbidden), and the performer's own
/// staff on an approved year (conflict). Nothing may change in any of these cases.
/// </summary>
public sealed class DataEntryAccessTests : IClassFixture<DataEntryAccessTests.Portal>
{
    public sealed class Portal : IAsyncLifetime
    {
        public PortalFactory Factory { get; } = new();
        public DemoAgreement Demo { get; private set; } = null!;
        public Dictionary<string, int> Ids { get; } = [];

        public async Task InitializeAsync()
        {
            Demo = await DemoAgreement.LoadAsync(Factory);
            // Year I is approved, hence frozen: open it for a moment to give it records to aim at.
            await Demo.SetStatusAsync(Factory, 1, ReviewStatus.Draft);
            await using var db = Factory.OpenDatabase();
            foreach (var number in new[] { 1, 3 })
            {
                var year = await db.ImplementationYears.SingleAsync(y => y.AgreementId == Demo.Id && y.Number == number);
                var entry = new SpendingEntry { ImplementationYearId = year.Id, BudgetLineId = Demo.FirstLineId, Date = year.StartDate, Description = "Īre", AmountCents = 100 };
                var move = new Reallocation { ImplementationYearId = year.Id, FromBudgetLineId = Demo.FirstLineId, ToBudgetLineId = Demo.SecondLineId, AmountCents = 100, Reason = "Tests" };
                var deletedResult = new Activity { ImplementationYearId = year.Id, BudgetLineId = Demo.FirstLineId, Ordinal = 99, Text = "Izdzēsts", DeletedAtUtc = DateTime.UtcNow };
                var deletedEntry = new SpendingEntry { ImplementationYearId = year.Id, BudgetLineId = Demo.FirstLineId, Date = year.StartDate, Description = "Izdzēsts", AmountCents = 100, DeletedAtUtc = DateTime.UtcNow };
                db.AddRange(entry, move, deletedResult, deletedEntry);
                await db.SaveChangesAsync();
                Ids[$"entry{number}"] = entry.Id;
                Ids[$"move{number}"] = move.Id;
                Ids[$"deletedResult{number}"] = deletedResult.Id;
                Ids[$"deletedEntry{number}"] = deletedEntry.Id;
                Ids[$"result{number}"] = await db.Activities.Where(a => a.ImplementationYearId == year.Id).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
            }
            await Demo.SetStatusAsync(Factory, 1, ReviewStatus.Approved);
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }

    private readonly Portal _portal;

    public DataEntryAccessTests(Portal portal) => _portal = portal;

    /// <summary>Every form (GET) and action (POST) of data entry for year <paramref name="number"/>.</summary>
    private IEnumerable<(HttpMethod Method, string Url)> Endpoints(int number)
    {
        var year = _portal.Demo.Year(number);
        var ids = _portal.Ids;
        var line = _portal.Demo.FirstLineId;
        yield return (HttpMethod.Get, $"{year}/results/new?line={line}");
        yield return (HttpMethod.Post, $"{year}/results/new");
        yield return (HttpMethod.Get, $"{year}/results/{ids[$"result{number}"]}");
        yield return (HttpMethod.Post, $"{year}/results/{ids[$"result{number}"]}");
        yield return (HttpMethod.Post, $"{year}/results/{ids[$"result{number}"]}/delete");
        yield return (HttpMethod.Post, $"{year}/results/{ids[$"result{number}"]}/move");
        yield return (HttpMethod.Post, $"{year}/results/{ids[$"deletedResult{number}"]}/restore");
        yield return (HttpMethod.Get, $"{year}/spending/new?line={line}");
        yield return (HttpMethod.Post, $"{year}/spending/new");
        yield return (HttpMethod.Get, $"{year}/spending/{ids[$"entry{number}"]}");
        yield return (HttpMethod.Post, $"{year}/spending/{ids[$"entry{number}"]}");
        yield return (HttpMethod.Post, $"{year}/spending/{ids[$"entry{number}"]}/delete");
        yield return (HttpMethod.Post, $"{year}/spending/{ids[$"deletedEntry{number}"]}/restore");
        yield return (HttpMethod.Get, $"{year}/spending/lines/{line}/total");
        yield return (HttpMethod.Post, $"{year}/spending/lines/{line}/total");
        yield return (HttpMethod.Get, $"{year}/reallocations/new");
        yield return (HttpMethod.Post, $"{year}/reallocations/new");
        yield return (HttpMethod.Get, $"{year}/reallocations/{ids[$"move{number}"]}");
        yield return (HttpMethod.Post, $"{year}/reallocations/{ids[$"move{number}"]}");
        yield return (HttpMethod.Post, $"{year}/reallocations/{ids[$"move{number}"]}/delete");
        yield return (HttpMethod.Get, $"{year}/carry-over");
        yield return (HttpMethod.Post, $"{year}/carry-over");
        yield return (HttpMethod.Get, $"{year}/evaluation");
        yield return (HttpMethod.Post, $"{year}/evaluation");
        yield return (HttpMethod.Post, $"{year}/submit");
    }

    /// <summary>Fields a real form would post, so a refusal is about access and not about a malformed request.</summary>
    private Dictionary<string, string> PlausibleFields(string token) => new()
    {
        ["__RequestVerificationToken"] = token,
        ["Form.BudgetLineId"] = _portal.Demo.FirstLineId.Text(),
        ["Form.FromBudgetLineId"] = _portal.Demo.FirstLineId.Text(),
        ["Form.ToBudgetLineId"] = _portal.Demo.SecondLineId.Text(),
        ["Form.Text"] = "Ielauzies teksts",
        ["Form.Date"] = "2024-10-01",
        ["Form.Description"] = "Ielauzies",
        ["Form.Amount"] = "1,00",
        ["Form.Reason"] = "Ielauzies",
        ["Form.Version"] = "1",
        ["Form.Lines[0].BudgetLineId"] = _portal.Demo.FirstLineId.Text(),
        ["Form.Lines[0].Amount"] = "0,00",
        ["direction"] = "up",
    };

    /// <summary>
    /// A forbidden request is sent to the "access denied" page (which answers 403), as the cookie
    /// scheme does for browsers; count that as 403.
    /// </summary>
    private static HttpStatusCode Outcome(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/account/denied", StringComparison.Ordinal) == true
            ? HttpStatusCode.Forbidden
            : response.StatusCode;

    private async Task<long> AuditRowsAsync()
    {
        // Data changes only: refused requests are themselves recorded (access denied), as they should be.
        await using var db = _portal.Factory.OpenDatabase();
        return await db.AuditEntries.LongCountAsync(e => e.Action == AuditAction.Created || e.Action == AuditAction.Updated || e.Action == AuditAction.Deleted);
    }

    private async Task AssertEveryEndpointAsync(string email, int yearNumber, HttpStatusCode expected)
    {
        var client = await Browser.SignedInClientAsync(_portal.Factory, email);
        var token = await Browser.AntiforgeryTokenAsync(client, "/");
        var auditBefore = await AuditRowsAsync();
        var wrong = new List<string>();
        foreach (var (method, url) in Endpoints(yearNumber))
        {
            var response = method == HttpMethod.Get
                ? await client.GetAsync(url)
                : await client.PostAsync(url, new FormUrlEncodedContent(PlausibleFields(token)));
            if (Outcome(response) != expected)
            {
                wrong.Add($"{method} {url} → {(int)response.StatusCode}");
            }
            Assert.DoesNotContain("Ielauzies", await response.Content.ReadAsStringAsync());
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.Equal(auditBefore, await AuditRowsAsync());
    }

    [Fact]
    public Task Staff_of_another_organisation_get_not_found_everywhere_and_change_nothing() =>
        AssertEveryEndpointAsync(Browser.OtherStaff, 3, HttpStatusCode.NotFound);

    [Theory]
    [InlineData(Browser.Reviewer)]
    [InlineData(Browser.Admin)]
    public Task Reviewers_and_admins_may_look_but_are_forbidden_to_enter_data(string email) =>
        AssertEveryEndpointAsync(email, 3, HttpStatusCode.Forbidden);

    [Fact]
    public Task The_performers_own_staff_cannot_change_an_approved_year() =>
        AssertEveryEndpointAsync(Browser.ZemgaleStaff, 1, HttpStatusCode.Conflict);

    [Theory]
    [InlineData(Browser.Reviewer)]
    [InlineData(Browser.Admin)]
    [InlineData(Browser.ZemgaleStaff)]
    public async Task The_year_page_is_open_to_everyone_who_may_see_the_agreement(string email)
    {
        var client = await Browser.SignedInClientAsync(_portal.Factory, email);

        var response = await client.GetAsync(_portal.Demo.Workspace(3));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(email == Browser.ZemgaleStaff, html.Contains("Pievienot rezultātu", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_year_page_of_another_organisation_is_not_found()
    {
        var client = await Browser.SignedInClientAsync(_portal.Factory, Browser.OtherStaff);

        var response = await client.GetAsync(_portal.Demo.Workspace(3));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Zemgales", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_record_of_another_year_is_not_found_under_this_years_address()
    {
        var client = await Browser.SignedInClientAsync(_portal.Factory, Browser.ZemgaleStaff);
        var auditBefore = await AuditRowsAsync();
        var token = await Browser.AntiforgeryTokenAsync(client, "/");
        var year3 = _portal.Demo.Year(3);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{year3}/results/{_portal.Ids["result1"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"{year3}/results/{_portal.Ids["result1"]}/delete", new FormUrlEncodedContent(PlausibleFields(token)))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"{year3}/spending/{_portal.Ids["entry1"]}/delete", new FormUrlEncodedContent(PlausibleFields(token)))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{year3}/reallocations/{_portal.Ids["move1"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/agreements/{_portal.Demo.Id}/years/9/entry")).StatusCode);
        Assert.Equal(auditBefore, await AuditRowsAsync());
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        var client = await Browser.SignedInClientAsync(_portal.Factory, Browser.ZemgaleStaff);
        var fields = PlausibleFields("");
        fields.Remove("__RequestVerificationToken");

        var response = await client.PostAsync($"{_portal.Demo.Year(3)}/results/{_portal.Ids["result3"]}/delete", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var db = _portal.Factory.OpenDatabase();
        Assert.Null((await db.Activities.SingleAsync(a => a.Id == _portal.Ids["result3"])).DeletedAtUtc);
    }

    [Fact]
    public async Task Other_information_cannot_be_changed_by_another_organisation_or_a_reviewer()
    {
        var url = $"/agreements/{_portal.Demo.Id}/other-information";
        foreach (var (email, expected) in new[] { (Browser.OtherStaff, HttpStatusCode.NotFound), (Browser.Reviewer, HttpStatusCode.Forbidden), (Browser.Admin, HttpStatusCode.Forbidden) })
        {
            var client = await Browser.SignedInClientAsync(_portal.Factory, email);
            var token = await Browser.AntiforgeryTokenAsync(client, "/");
            Assert.Equal(expected, Outcome(await client.GetAsync(url)));
            Assert.Equal(expected, Outcome(await client.PostAsync(url, new FormUrlEncodedContent(PlausibleFields(token)))));
        }
        await using var db = _portal.Factory.OpenDatabase();
        Assert.Null(await db.Agreements.Where(a => a.Id == _portal.Demo.Id).Select(a => a.OtherInformation).SingleAsync());
    }
}
