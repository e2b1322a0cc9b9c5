using System.Net;
using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Domain.Reviews;
using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.Admin;

/// <summary>Agreements set up by an admin: generated years, budget lines with planned amounts, what may change once there is data.</summary>
public sealed class AgreementSetupTests : IDisposable
{
    private readonly PortalFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private async Task<Dictionary<string, string>> AgreementAsync(string start = "2022-07-15", string end = "2025-07-14", string title = "Pilsoniskās sabiedrības stiprināšana Latgalē")
    {
        _ = _factory.Services;
        await using var db = _factory.OpenDatabase();
        return new()
        {
            ["Form.Type"] = "Participation",
            ["Form.Number"] = "L-2022/7",
            ["Form.SignedOn"] = "2022-07-01",
            ["Form.DelegatingAuthority"] = "Viedās administrācijas un reģionālās attīstības ministrija",
            ["Form.Title"] = title,
            ["Form.TaskText"] = "Veicināt pilsoniskās sabiedrības attīstību Latgales reģionā.",
            ["Form.PerformerId"] = (await db.Organisations.Where(o => o.Name == "Biedrība „Zemgales NVO centrs”").Select(o => o.Id).SingleAsync()).Text(),
            ["Form.RegionId"] = (await db.Regions.Where(r => r.Code == "latgale").Select(r => r.Id).SingleAsync()).Text(),
            ["Form.PeriodStart"] = start,
            ["Form.PeriodEnd"] = end,
            ["Form.Version"] = "0",
        };
    }

    private async Task<(HttpClient Admin, int Id)> CreateAsync(string start = "2022-07-15", string end = "2025-07-14")
    {
        var admin = await AdminBrowser.AdminClientAsync(_factory);
        var response = await Browser.PostFormAsync(admin, "/admin/agreements/new", "/admin/agreements/new", await AgreementAsync(start, end));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = _factory.OpenDatabase();
        return (admin, await db.Agreements.Where(a => a.Title == "Pilsoniskās sabiedrības stiprināšana Latgalē").Select(a => a.Id).SingleAsync());
    }

    private static Dictionary<string, string> Line(string name, params string[] amounts)
    {
        var fields = new Dictionary<string, string> { ["Form.Name"] = name, ["Form.ResultsHeading"] = "" };
        for (var i = 0; i < amounts.Length; i++)
        {
            fields[$"Form.Amounts[{i}].YearNumber"] = (i + 1).Text();
            fields[$"Form.Amounts[{i}].Amount"] = amounts[i];
        }
        return fields;
    }

    private async Task<int> LineIdAsync(int agreementId, string name)
    {
        await using var db = _factory.OpenDatabase();
        return await db.BudgetLines.Where(l => l.AgreementId == agreementId && l.Name == name).Select(l => l.Id).SingleAsync();
    }

    [Fact]
    public async Task Creating_an_agreement_generates_its_implementation_years()
    {
        var (admin, id) = await CreateAsync();

        await using var db = _factory.OpenDatabase();
        var agreement = await db.Agreements.Include(a => a.Years).SingleAsync(a => a.Id == id);
        Assert.Equal(ZemgaleNvo.Domain.Agreements.AgreementType.Participation, agreement.Type);
        Assert.Equal(
            new[] { (1, new DateOnly(2022, 7, 15), new DateOnly(2023, 7, 14)), (2, new DateOnly(2023, 7, 15), new DateOnly(2024, 7, 14)), (3, new DateOnly(2024, 7, 15), new DateOnly(2025, 7, 14)) },
            agreement.Years.OrderBy(y => y.Number).Select(y => (y.Number, y.StartDate, y.EndDate)).ToList());
        var page = Browser.Text(await admin.GetStringAsync($"/admin/agreements/{id}/edit"));
        Assert.Contains("15.07.2024.–14.07.2025.", page);
        Assert.Contains("Līdzdarbības līgums", page);
    }

    [Fact]
    public async Task Budget_lines_with_planned_amounts_show_on_the_summary_and_the_years_are_open_to_the_performers_staff()
    {
        var (admin, id) = await CreateAsync();

        var first = await Browser.PostFormAsync(admin, $"/admin/agreements/{id}/lines/new", $"/admin/agreements/{id}/lines/new", Line("Konsultācijas NVO", "10 000,00", "12 500,50", "7500"));
        var second = await Browser.PostFormAsync(admin, $"/admin/agreements/{id}/lines/new", $"/admin/agreements/{id}/lines/new", Line("Mācību semināri", "1 000", "", "2000,00"));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var edit = Browser.Text(await admin.GetStringAsync($"/admin/agreements/{id}/edit"));
        Assert.Contains("30 000,50", edit);
        Assert.Contains("33 000,50", edit);

        var summary = Browser.Text(await admin.GetStringAsync($"/agreements/{id}/summary"));
        Assert.Contains("Konsultācijas NVO", summary);
        Assert.Contains("Mācību semināri", summary);
        Assert.Contains("12 500,50", summary);

        Assert.Contains("Pilsoniskās sabiedrības stiprināšana Latgalē", await admin.GetStringAsync("/"));
        Assert.Contains("Pilsoniskās sabiedrības stiprināšana Latgalē", await admin.GetStringAsync("/dashboard"));

        var staff = await Browser.SignedInClientAsync(_factory, Browser.ZemgaleStaff);
        var year = await staff.GetAsync($"/agreements/{id}/years/1/entry");
        Assert.Equal(HttpStatusCode.OK, year.StatusCode);
        Assert.Contains("Konsultācijas NVO", Browser.Text(await year.Content.ReadAsStringAsync()));
        var lineId = await LineIdAsync(id, "Konsultācijas NVO");
        var spending = await Browser.PostFormAsync(staff, $"/agreements/{id}/years/1/spending/new", $"/agreements/{id}/years/1/spending/new", new()
        {
            ["Form.BudgetLineId"] = lineId.Text(),
            ["Form.Date"] = "2022-09-01",
            ["Form.Description"] = "Telpu īre",
            ["Form.Amount"] = "100,00",
            ["Form.Version"] = "0",
        });
        Assert.Equal(HttpStatusCode.Redirect, spending.StatusCode);
    }

    [Fact]
    public async Task A_new_agreement_without_budget_lines_shows_everywhere_without_error()
    {
        var (admin, id) = await CreateAsync();

        foreach (var path in new[] { "/", "/dashboard", $"/agreements/{id}", $"/agreements/{id}/summary", $"/admin/agreements/{id}/edit", "/admin/agreements" })
        {
            var response = await admin.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
        }
        var staff = await Browser.SignedInClientAsync(_factory, Browser.ZemgaleStaff);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/agreements/{id}/years/1/entry")).StatusCode);
    }

    [Fact]
    public async Task Lines_are_renamed_and_reordered_and_planned_amounts_changed()
    {
        var (admin, id) = await CreateAsync();
        await Browser.PostFormAsync(admin, $"/admin/agreements/{id}/lines/new", $"/admin/agreements/{id}/lines/new", Line("Pirmā", "1", "1", "1"));
        await Browser.PostFormAsync(admin, $"/admin/agreements/{id}/lines/new", $"/admin/agreements/{id}/lines/new", Line("Otrā", "2", "2", "2"));
        var second = await LineIdAsync(id, "Otrā");

        Assert.Equal(HttpStatusCode.Redirect, (await Browser.PostFormAsync(admin, $"/admin/agreements/{id}/edit", $"/admin/agreements/{id}/lines/{second}/up", [])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Browser.PostFormAsync(admin, $"/admin/agreements/{id}/lines/{second}", $"/admin/agreements/{id}/lines/{second}", Line("Otrā, pārdēvēta", "3,50", "", "2"))).StatusCode);

        await using var db = _factory.OpenDatabase();
        var lines = await db.BudgetLines.Include(l => l.PlannedAmounts).ThenInclude(p => p.ImplementationYear).Where(l => l.AgreementId == id).OrderBy(l => l.Ordinal).ToListAsync();
        Assert.Equal(["Otrā, pārdēvēta", "Pirmā"], lines.Select(l => l.Name).ToList());
        Assert.Equal(new[] { (1, 350L), (3, 200L) }, lines[0].PlannedAmounts.OrderBy(p => p.ImplementationYear!.Number).Select(p => (p.ImplementationYear!.Number, p.AmountCents)).ToList());
    }

    /// <summary>Lines added at the same instant (two admins, or one in several tabs) each get a number of their own.</summary>
    [Fact]
    public async Task Lines_added_at_the_same_instant_are_all_kept_and_numbered_one_after_another()
    {
        var (admin, id) = await CreateAsync();
        var token = await Browser.AntiforgeryTokenAsync(admin, $"/admin/agreements/{id}/lines/new");

        var responses = await Task.WhenAll(Enumerable.Range(1, 8).Select(i =>
        {
            var fields = Line($"Vienlaikus pievienota pozīcija {i}", "100", "", "");
            fields["__RequestVerificationToken"] = token;
            return admin.PostAsync($"/admin/agreements/{id}/lines/new", new FormUrlEncodedContent(fields));
        }));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.Redirect, response.StatusCode));
        await using var db = _factory.OpenDatabase();
        var ordinals = await db.BudgetLines.Where(l => l.AgreementId == id).Select(l => l.Ordinal).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 8), ordinals.Order());
    }

    [Fact]
    public async Task Refused_agreement_input_comes_back_422_with_Latvian_messages_and_what_was_typed()
    {
        var admin = await AdminBrowser.AdminClientAsync(_factory);
        var fields = await AgreementAsync(start: "2025-07-14", end: "2022-07-15", title: "");
        fields["Form.Number"] = "L-2022/7-kļūda";

        var response = await Browser.PostFormAsync(admin, "/admin/agreements/new", "/admin/agreements/new", fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var text = Browser.Text(html);
        Assert.Contains("Ierakstiet līguma nosaukumu.", text);
        Assert.Contains("Perioda beigas nevar būt pirms sākuma.", text);
        Assert.Contains("value=\"L-2022/7-kļūda\"", html);
        Assert.Contains("value=\"2025-07-14\"", html);
        Assert.Contains("Veicināt pilsoniskās sabiedrības attīstību Latgales reģionā.", html);
        Assert.Contains("aria-invalid=\"true\"", html);
        await using var db = _factory.OpenDatabase();
        Assert.Equal(1, await db.Agreements.CountAsync());
    }

    [Fact]
    public async Task A_period_of_centuries_is_refused_as_a_typo()
    {
        var admin = await AdminBrowser.AdminClientAsync(_factory);

        var response = await Browser.PostFormAsync(admin, "/admin/agreements/new", "/admin/agreements/new", await AgreementAsync(end: "2205-07-14"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Periods nevar būt garāks par 10 īstenošanas gadiem", Browser.Text(await response.Content.ReadAsStringAsync()));
    }

    [Theory]
    [InlineData("-1,00", "Summa nevar būt negatīva.")]
    [InlineData("divi", "Summu ierakstiet kā 1 234,56: eiro, komats, centi.")]
    public async Task A_refused_planned_amount_keeps_the_form(string amount, string message)
    {
        var (admin, id) = await CreateAsync();

        var response = await Browser.PostFormAsync(admin, $"/admin/agreements/{id}/lines/new", $"/admin/agreements/{id}/lines/new", Line("Konsultācijas", "1 000", amount, ""));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, Browser.Text(html));
        Assert.Contains($"value=\"{amount}\"", html);
        Assert.Contains("value=\"Konsultācijas\"", html);
    }

    [Fact]
    public async Task The_period_of_an_agreement_without_data_is_changed_and_its_years_regenerated_with_their_plans()
    {
        var (admin, id) = await CreateAsync();
        await Browser.PostFormAsync(admin, $"/admin/agreements/{id}/lines/new", $"/admin/agreements/{id}/lines/new", Line("Konsultācijas", "100", "200", "300"));
        var fields = await AgreementAsync(start: "2022-07-15", end: "2024-07-14");
        fields["Form.Version"] = await VersionAsync(id);

        var response = await Browser.PostFormAsync(admin, $"/admin/agreements/{id}/edit", $"/admin/agreements/{id}/edit", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = _factory.OpenDatabase();
        var years = await db.ImplementationYears.Where(y => y.AgreementId == id).OrderBy(y => y.Number).ToListAsync();
        Assert.Equal([1, 2], years.Select(y => y.Number).ToList());
        Assert.Equal(new DateOnly(2024, 7, 14), years[1].EndDate);
        var planned = await db.PlannedAmounts.Where(p => p.ImplementationYear!.AgreementId == id).OrderBy(p => p.ImplementationYear!.Number).Select(p => p.AmountCents).ToListAsync();
        Assert.Equal([10000L, 20000L], planned);
    }

    [Fact]
    public async Task The_period_of_an_agreement_with_reported_data_is_not_changed()
    {
        var admin = await AdminBrowser.AdminClientAsync(_factory);
        var demo = await DemoAgreement.LoadAsync(_factory);
        await using (var db = _factory.OpenDatabase())
        {
            var agreement = await db.Agreements.SingleAsync(a => a.Id == demo.Id);
            var fields = AgreementFields(agreement);
            fields["Form.PeriodEnd"] = "2026-07-14";

            var response = await Browser.PostFormAsync(admin, $"/admin/agreements/{demo.Id}/edit", $"/admin/agreements/{demo.Id}/edit", fields);

            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Contains("Periodu mainīt nevar: gados I, II", Browser.Text(await response.Content.ReadAsStringAsync()));
        }
        await using var check = _factory.OpenDatabase();
        Assert.Equal(3, await check.ImplementationYears.CountAsync(y => y.AgreementId == demo.Id));
    }

    [Fact]
    public async Task A_budget_line_with_spending_or_results_is_not_deleted_and_an_approved_years_plan_is_not_changed()
    {
        var admin = await AdminBrowser.AdminClientAsync(_factory);
        var demo = await DemoAgreement.LoadAsync(_factory);

        var delete = await Browser.PostFormAsync(admin, $"/admin/agreements/{demo.Id}/edit", $"/admin/agreements/{demo.Id}/lines/{demo.FirstLineId}/delete", []);

        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
        Assert.Contains("dzēst nevar: uz to atsaucas gadu pārskatu ieraksti", Browser.Text(await delete.Content.ReadAsStringAsync()));

        await using var db = _factory.OpenDatabase();
        var line = await db.BudgetLines.Include(l => l.PlannedAmounts).ThenInclude(p => p.ImplementationYear).SingleAsync(l => l.Id == demo.FirstLineId);
        Assert.Equal(ReviewStatus.Approved, line.PlannedAmounts.Single(p => p.ImplementationYear!.Number == 1).ImplementationYear!.Status);
        var fields = new Dictionary<string, string> { ["Form.Name"] = line.Name, ["Form.ResultsHeading"] = line.ResultsHeading ?? "" };
        var years = line.PlannedAmounts.OrderBy(p => p.ImplementationYear!.Number).ToList();
        for (var i = 0; i < years.Count; i++)
        {
            fields[$"Form.Amounts[{i}].YearNumber"] = years[i].ImplementationYear!.Number.Text();
            fields[$"Form.Amounts[{i}].Amount"] = (years[i].AmountCents / 100m + (i == 0 ? 1 : 0)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var changed = await Browser.PostFormAsync(admin, $"/admin/agreements/{demo.Id}/lines/{line.Id}", $"/admin/agreements/{demo.Id}/lines/{line.Id}", fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, changed.StatusCode);
        Assert.Contains("I. īstenošanas gads ir apstiprināts: tā plānoto summu mainīt nevar.", Browser.Text(await changed.Content.ReadAsStringAsync()));
        await using var check = _factory.OpenDatabase();
        Assert.Equal(years[0].AmountCents, await check.PlannedAmounts.Where(p => p.Id == years[0].Id).Select(p => p.AmountCents).SingleAsync());
    }

    [Fact]
    public async Task An_unused_budget_line_is_deleted_and_the_others_renumbered()
    {
        var (admin, id) = await CreateAsync();
        await Browser.PostFormAsync(admin, $"/admin/agreements/{id}/lines/new", $"/admin/agreements/{id}/lines/new", Line("A", "1", "1", "1"));
        await Browser.PostFormAsync(admin, $"/admin/agreements/{id}/lines/new", $"/admin/agreements/{id}/lines/new", Line("B", "1", "1", "1"));
        await Browser.PostFormAsync(admin, $"/admin/agreements/{id}/lines/new", $"/admin/agreements/{id}/lines/new", Line("C", "1", "1", "1"));

        var response = await Browser.PostFormAsync(admin, $"/admin/agreements/{id}/edit", $"/admin/agreements/{id}/lines/{await LineIdAsync(id, "A")}/delete", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = _factory.OpenDatabase();
        Assert.Equal(new[] { ("B", 1), ("C", 2) }, await db.BudgetLines.Where(l => l.AgreementId == id).OrderBy(l => l.Ordinal).Select(l => ValueTuple.Create(l.Name, l.Ordinal)).ToListAsync());
    }

    [Fact]
    public async Task A_stale_agreement_form_is_refused_with_409()
    {
        var (admin, id) = await CreateAsync();
        var first = await AgreementAsync();
        first["Form.Title"] = "Pilsoniskās sabiedrības stiprināšana Latgalē";
        first["Form.Number"] = "L-2022/8";
        Assert.Equal(HttpStatusCode.Redirect, (await Browser.PostFormAsync(admin, $"/admin/agreements/{id}/edit", $"/admin/agreements/{id}/edit", first)).StatusCode);

        var stale = await AgreementAsync();
        stale["Form.Number"] = "L-2022/9";
        var response = await Browser.PostFormAsync(admin, $"/admin/agreements/{id}/edit", $"/admin/agreements/{id}/edit", stale);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("L-2022/8", Browser.Text(await response.Content.ReadAsStringAsync()));
    }

    private async Task<string> VersionAsync(int id)
    {
        await using var db = _factory.OpenDatabase();
        return (await db.Agreements.Where(a => a.Id == id).Select(a => a.Version).SingleAsync()).Text();
    }

    private static Dictionary<string, string> AgreementFields(ZemgaleNvo.Domain.Agreements.DelegationAgreement a) => new()
    {
        ["Form.Type"] = a.Type.ToString(),
        ["Form.Number"] = a.Number ?? "",
        ["Form.SignedOn"] = a.SignedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "",
        ["Form.DelegatingAuthority"] = a.DelegatingAuthority ?? "",
        ["Form.Title"] = a.Title,
        ["Form.TaskText"] = a.TaskText,
        ["Form.PerformerId"] = a.PerformerId.Text(),
        ["Form.RegionId"] = a.RegionId.Text(),
        ["Form.PeriodStart"] = a.PeriodStart.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["Form.PeriodEnd"] = a.PeriodEnd.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["Form.Version"] = a.Version.Text(),
    };
}
