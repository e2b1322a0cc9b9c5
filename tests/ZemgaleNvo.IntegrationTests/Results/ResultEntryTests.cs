using System.Net;
using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Audit;
using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.Results;

/// <summary>Staff record the results of a draft year: add, validate, edit, reorder, delete and undo.</summary>
public sealed class ResultEntryTests : IDisposable
{
    private readonly PortalFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private async Task<(HttpClient Client, DemoAgreement Demo)> StaffAsync()
    {
        var demo = await DemoAgreement.LoadAsync(_factory);
        return (await Browser.SignedInClientAsync(_factory, Browser.ZemgaleStaff), demo);
    }

    private async Task<List<Activity>> StrandAsync(DemoAgreement demo, int lineId, bool includeDeleted = false)
    {
        await using var db = _factory.OpenDatabase();
        var yearId = await demo.YearIdAsync(_factory, 3);
        var query = includeDeleted ? db.Activities.IgnoreQueryFilters() : db.Activities;
        return await query.Include(a => a.Indicators)
            .Where(a => a.ImplementationYearId == yearId && a.BudgetLineId == lineId)
            .OrderBy(a => a.Ordinal).ToListAsync();
    }

    [Fact]
    public async Task Staff_add_a_result_with_an_indicator_and_it_is_numbered_last_in_its_strand_and_audited()
    {
        var (client, demo) = await StaffAsync();
        var before = await StrandAsync(demo, demo.SecondLineId);

        var response = await Browser.PostFormAsync(client, $"{demo.Year(3)}/results/new?line={demo.SecondLineId}", $"{demo.Year(3)}/results/new", new()
        {
            ["Form.BudgetLineId"] = demo.SecondLineId.Text(),
            ["Form.Text"] = "Organizētas 3 mazākumtautību kultūras darbnīcas Jelgavā",
            ["Form.StartDate"] = "2024-09-14",
            ["Form.EndDate"] = "2024-09-15",
            ["Form.Place"] = "Jelgava",
            ["Form.Indicators[0].Qualifier"] = "AtLeast",
            ["Form.Indicators[0].Count"] = "3",
            ["Form.Indicators[0].Unit"] = "darbnīcas",
            ["Form.Indicators[1].Qualifier"] = "Exactly",
            ["Form.Indicators[1].Count"] = "",
            ["Form.Indicators[1].Unit"] = "",
            ["Form.Version"] = "0",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith($"#strand-{demo.SecondLineId}", response.Headers.Location!.OriginalString);
        var after = await StrandAsync(demo, demo.SecondLineId);
        var added = Assert.Single(after, a => a.Text.StartsWith("Organizētas 3", StringComparison.Ordinal));
        Assert.Equal(before.Count + 1, added.Ordinal);
        Assert.Equal(Enumerable.Range(1, after.Count), after.Select(a => a.Ordinal));
        var indicator = Assert.Single(added.Indicators);
        Assert.Equal((3, "darbnīcas", IndicatorQualifier.AtLeast), (indicator.Count, indicator.Unit, indicator.Qualifier));

        var workspace = Browser.Text(await client.GetStringAsync(demo.Workspace(3)));
        Assert.Contains("Rezultāts pievienots.", workspace);
        Assert.Contains("Rādītāji: vismaz 3 darbnīcas", workspace);
        var summary = Browser.Text(await client.GetStringAsync($"/agreements/{demo.Id}/summary"));
        Assert.Contains("Organizētas 3 mazākumtautību kultūras darbnīcas Jelgavā", summary);

        await using var db = _factory.OpenDatabase();
        var audit = await db.AuditEntries.Where(e => e.EntityType == nameof(Activity) && e.EntityKey == added.Id.Text()).ToListAsync();
        Assert.Contains(audit, e => e.Action == AuditAction.Created && e.Field == nameof(Activity.Text) && e.UserName == Browser.ZemgaleStaff);
    }

    [Fact]
    public async Task Invalid_input_comes_back_with_Latvian_messages_and_everything_typed_and_nothing_is_saved()
    {
        var (client, demo) = await StaffAsync();
        var before = await StrandAsync(demo, demo.FirstLineId);
        var tooLongPlace = new string('x', 201);

        var response = await Browser.PostFormAsync(client, $"{demo.Year(3)}/results/new", $"{demo.Year(3)}/results/new", new()
        {
            ["Form.BudgetLineId"] = demo.FirstLineId.Text(),
            ["Form.Text"] = "",
            ["Form.StartDate"] = "2023-01-01",
            ["Form.Place"] = tooLongPlace,
            ["Form.Indicators[0].Qualifier"] = "MoreThan",
            ["Form.Indicators[0].Count"] = "sešdesmit",
            ["Form.Indicators[0].Unit"] = "konsultācijas",
            ["Form.Indicators[1].Count"] = "5",
            ["Form.Indicators[1].Unit"] = "",
            ["Form.Version"] = "0",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var text = Browser.Text(html);
        Assert.Contains("Lūdzu, izlabojiet kļūdas", text);
        Assert.Contains("Ierakstiet rezultāta aprakstu.", text);
        Assert.Contains("Datumam jābūt īstenošanas gada periodā (15.07.2024.–14.07.2025.).", text);
        Assert.Contains("Ne vairāk kā 200 zīmes.", text);
        Assert.Contains("Vērtība „sešdesmit” neder laukam „Skaits”.", text);
        Assert.Contains("Norādiet, ko skaita (piemēram, „semināri”).", text);
        Assert.Contains("value=\"sešdesmit\"", html);
        Assert.Contains("value=\"konsultācijas\"", html);
        Assert.Contains("value=\"2023-01-01\"", html);
        Assert.Contains(tooLongPlace, html);
        Assert.DoesNotContain("Exception", text);
        Assert.Equal(before.Count, (await StrandAsync(demo, demo.FirstLineId)).Count);
    }

    [Fact]
    public async Task Messages_are_in_English_when_the_user_switched_language()
    {
        var (client, demo) = await StaffAsync();
        await Browser.PostFormAsync(client, "/", "/language", new() { ["culture"] = "en", ["returnUrl"] = "/" });

        var response = await Browser.PostFormAsync(client, $"{demo.Year(3)}/results/new", $"{demo.Year(3)}/results/new", new()
        {
            ["Form.BudgetLineId"] = demo.FirstLineId.Text(),
            ["Form.Text"] = "",
            ["Form.EndDate"] = "2030-01-01",
            ["Form.Version"] = "0",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var text = Browser.Text(await response.Content.ReadAsStringAsync());
        Assert.Contains("Please correct the errors", text);
        Assert.Contains("Enter a description of the result.", text);
        Assert.Contains("The date must fall within the implementation year (15/07/2024–14/07/2025).", text);
    }

    [Fact]
    public async Task Add_indicator_without_JavaScript_returns_the_form_as_typed_with_one_more_row_and_saves_nothing()
    {
        var (client, demo) = await StaffAsync();
        var before = await StrandAsync(demo, demo.FirstLineId);

        var response = await Browser.PostFormAsync(client, $"{demo.Year(3)}/results/new", $"{demo.Year(3)}/results/new", new()
        {
            ["Form.BudgetLineId"] = demo.FirstLineId.Text(),
            ["Form.Text"] = "Pusgatavs teksts",
            ["Form.Indicators[0].Count"] = "7",
            ["Form.Indicators[0].Unit"] = "semināri",
            ["Form.Version"] = "0",
            ["command"] = "add-indicator",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Pusgatavs teksts", html);
        Assert.Contains("value=\"semināri\"", html);
        Assert.Contains("name=\"Form.Indicators[1].Unit\"", html);
        Assert.Equal(before.Count, (await StrandAsync(demo, demo.FirstLineId)).Count);
    }

    [Fact]
    public async Task Moving_a_result_swaps_it_with_its_neighbour_and_keeps_the_numbers_contiguous()
    {
        var (client, demo) = await StaffAsync();
        var before = await StrandAsync(demo, demo.FirstLineId);
        var second = before[1];

        var response = await Browser.PostFormAsync(client, demo.Workspace(3), $"{demo.Year(3)}/results/{second.Id}/move", new() { ["direction"] = "up" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await StrandAsync(demo, demo.FirstLineId);
        Assert.Equal(second.Id, after[0].Id);
        Assert.Equal(before[0].Id, after[1].Id);
        Assert.Equal(Enumerable.Range(1, after.Count), after.Select(a => a.Ordinal));

        var top = await Browser.PostFormAsync(client, demo.Workspace(3), $"{demo.Year(3)}/results/{second.Id}/move", new() { ["direction"] = "up" });
        Assert.Equal(HttpStatusCode.Redirect, top.StatusCode);
        Assert.Equal(second.Id, (await StrandAsync(demo, demo.FirstLineId))[0].Id);
    }

    [Fact]
    public async Task A_deleted_result_disappears_from_the_reports_and_comes_back_where_it_was_on_undo()
    {
        var (client, demo) = await StaffAsync();
        var before = await StrandAsync(demo, demo.FirstLineId);
        var victim = before[2];

        var deleted = await Browser.PostFormAsync(client, demo.Workspace(3), $"{demo.Year(3)}/results/{victim.Id}/delete", []);

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        var remaining = await StrandAsync(demo, demo.FirstLineId);
        Assert.DoesNotContain(remaining, a => a.Id == victim.Id);
        Assert.Equal(Enumerable.Range(1, before.Count - 1), remaining.Select(a => a.Ordinal));
        var workspaceHtml = await client.GetStringAsync(demo.Workspace(3));
        Assert.Contains("Rezultāts izdzēsts.", Browser.Text(workspaceHtml));
        Assert.Contains($"/results/{victim.Id}/restore", workspaceHtml);
        var yearReport = Browser.Text(await client.GetStringAsync(demo.Year(3)));
        Assert.DoesNotContain(victim.Text, yearReport);
        Assert.NotNull((await StrandAsync(demo, demo.FirstLineId, includeDeleted: true)).Single(a => a.Id == victim.Id).DeletedAtUtc);

        var restored = await Browser.PostFormAsync(client, demo.Workspace(3), $"{demo.Year(3)}/results/{victim.Id}/restore", []);

        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        var after = await StrandAsync(demo, demo.FirstLineId);
        Assert.Equal(before.Select(a => a.Id), after.Select(a => a.Id));
        Assert.Equal(Enumerable.Range(1, before.Count), after.Select(a => a.Ordinal));
        Assert.Contains(victim.Text, Browser.Text(await client.GetStringAsync(demo.Year(3))));
    }

    [Fact]
    public async Task Editing_a_result_saves_the_new_text_and_indicators()
    {
        var (client, demo) = await StaffAsync();
        var target = (await StrandAsync(demo, demo.FirstLineId))[1];

        var response = await Browser.PostFormAsync(client, $"{demo.Year(3)}/results/{target.Id}", $"{demo.Year(3)}/results/{target.Id}", new()
        {
            ["Form.BudgetLineId"] = demo.FirstLineId.Text(),
            ["Form.Text"] = "Nodrošināti 12 mācību semināri",
            ["Form.Indicators[0].Qualifier"] = "Exactly",
            ["Form.Indicators[0].Count"] = "12",
            ["Form.Indicators[0].Unit"] = "mācību semināri",
            ["Form.Version"] = target.Version.Text(),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = (await StrandAsync(demo, demo.FirstLineId)).Single(a => a.Id == target.Id);
        Assert.Equal("Nodrošināti 12 mācību semināri", saved.Text);
        Assert.Equal(12, Assert.Single(saved.Indicators).Count);
        Assert.Equal(target.Version + 1, saved.Version);
    }
}
