using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZemgaleNvo.Domain.Users;
using ZemgaleNvo.Infrastructure.Identity;
using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.Years;

/// <summary>
/// Two colleagues of the NGO edit the same record: the second save is refused with what changed
/// and who changed it, the first one stays, and the second person's input is still in the form.
/// </summary>
public sealed partial class ConcurrentEditingTests : IDisposable
{
    private const string Colleague = "kolega@demo.zemgalenvo.lv";
    private readonly PortalFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private async Task<(HttpClient Anna, HttpClient Colleague, DemoAgreement Demo)> TwoColleaguesAsync()
    {
        var demo = await DemoAgreement.LoadAsync(_factory);
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
            var added = await users.AddAsync(Colleague, Roles.NgoStaff, Browser.Password, "Biedrība „Zemgales NVO centrs”", "Kolēģe Ilze");
            Assert.True(added.Succeeded, string.Join("; ", added.Errors));
        }
        return (await Browser.SignedInClientAsync(_factory, Browser.ZemgaleStaff), await Browser.SignedInClientAsync(_factory, Colleague), demo);
    }

    private static async Task<Dictionary<string, string>> FormFieldsAsync(HttpClient client, string url)
    {
        var html = await client.GetStringAsync(url);
        var fields = new Dictionary<string, string>();
        foreach (Match input in InputPattern().Matches(html))
        {
            fields[WebUtility.HtmlDecode(input.Groups["name"].Value)] = WebUtility.HtmlDecode(input.Groups["value"].Value);
        }
        foreach (Match select in SelectPattern().Matches(html))
        {
            var chosen = SelectedOptionPattern().Match(select.Groups["options"].Value);
            fields[WebUtility.HtmlDecode(select.Groups["name"].Value)] = WebUtility.HtmlDecode(chosen.Groups["value"].Value);
        }
        foreach (Match area in TextAreaPattern().Matches(html))
        {
            fields[WebUtility.HtmlDecode(area.Groups["name"].Value)] = WebUtility.HtmlDecode(area.Groups["value"].Value).TrimStart('\n');
        }
        return fields;
    }

    private async Task<int> FirstResultIdAsync(DemoAgreement demo)
    {
        await using var db = _factory.OpenDatabase();
        return await db.Activities.Where(a => a.ImplementationYear!.AgreementId == demo.Id && a.ImplementationYear.Number == 3 && a.BudgetLineId == demo.FirstLineId)
            .OrderBy(a => a.Ordinal).Select(a => a.Id).FirstAsync();
    }

    [Fact]
    public async Task The_second_save_of_a_result_is_refused_with_what_changed_and_nothing_is_overwritten()
    {
        var (anna, colleague, demo) = await TwoColleaguesAsync();
        var resultId = await FirstResultIdAsync(demo);
        var url = $"{demo.Year(3)}/results/{resultId}";
        var annasForm = await FormFieldsAsync(anna, url);
        var colleaguesForm = await FormFieldsAsync(colleague, url);

        annasForm["Form.Text"] = "Annas teksts";
        var first = await anna.PostAsync(url, new FormUrlEncodedContent(annasForm));
        colleaguesForm["Form.Text"] = "Kolēģes teksts";
        colleaguesForm["Form.Place"] = "Dobele";
        var second = await colleague.PostAsync(url, new FormUrlEncodedContent(colleaguesForm));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var html = await second.Content.ReadAsStringAsync();
        var text = Browser.Text(html);
        Assert.Contains("Kamēr jūs labojāt, šo ierakstu saglabāja kāds cits.", text);
        Assert.Contains($"Pēdējās izmaiņas: {Browser.ZemgaleStaff}", text);
        Assert.Contains("Rezultāts Annas teksts Kolēģes teksts", text);
        Assert.Contains("Vieta Dobele", text);
        Assert.Contains("Nekas netika pārrakstīts.", text);
        Assert.Contains("Kolēģes teksts</textarea>", html);
        await using (var db = _factory.OpenDatabase())
        {
            Assert.Equal("Annas teksts", (await db.Activities.SingleAsync(a => a.Id == resultId)).Text);
        }

        // Saving again from the refreshed form is a deliberate overwrite, and it goes through.
        var again = await FormFieldsAsync(colleague, url);
        var refreshed = InputPattern().Matches(html).First(m => m.Groups["name"].Value == "Form.Version").Groups["value"].Value;
        colleaguesForm["Form.Version"] = refreshed;
        colleaguesForm["__RequestVerificationToken"] = again["__RequestVerificationToken"];
        var overwrite = await colleague.PostAsync(url, new FormUrlEncodedContent(colleaguesForm));
        Assert.Equal(HttpStatusCode.Redirect, overwrite.StatusCode);
        await using (var db = _factory.OpenDatabase())
        {
            Assert.Equal("Kolēģes teksts", (await db.Activities.SingleAsync(a => a.Id == resultId)).Text);
        }
    }

    [Fact]
    public async Task Moving_results_around_does_not_make_a_colleagues_open_form_stale()
    {
        var (anna, colleague, demo) = await TwoColleaguesAsync();
        await using var db = _factory.OpenDatabase();
        var second = await db.Activities.Where(a => a.ImplementationYear!.AgreementId == demo.Id && a.ImplementationYear.Number == 3 && a.BudgetLineId == demo.FirstLineId)
            .OrderBy(a => a.Ordinal).Skip(1).Select(a => a.Id).FirstAsync();
        var url = $"{demo.Year(3)}/results/{second}";
        var colleaguesForm = await FormFieldsAsync(colleague, url);

        var moved = await Browser.PostFormAsync(anna, demo.Workspace(3), $"{demo.Year(3)}/results/{second}/move", new() { ["direction"] = "up" });
        colleaguesForm["Form.Text"] = "Labots pēc pārvietošanas";
        var saved = await colleague.PostAsync(url, new FormUrlEncodedContent(colleaguesForm));

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var result = await db.Activities.AsNoTracking().SingleAsync(a => a.Id == second);
        Assert.Equal(("Labots pēc pārvietošanas", 1), (result.Text, result.Ordinal));
    }

    [Fact]
    public async Task Editing_a_spending_entry_a_colleague_deleted_keeps_the_input_and_says_so()
    {
        var (anna, colleague, demo) = await TwoColleaguesAsync();
        var created = await Browser.PostFormAsync(anna, $"{demo.Year(3)}/spending/new", $"{demo.Year(3)}/spending/new", new()
        {
            ["Form.BudgetLineId"] = demo.FirstLineId.Text(), ["Form.Date"] = "2024-08-01", ["Form.Description"] = "Transports",
            ["Form.Amount"] = "80,00", ["Form.Version"] = "0",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        int entryId;
        await using (var db = _factory.OpenDatabase())
        {
            entryId = await db.SpendingEntries.Where(e => e.Description == "Transports").Select(e => e.Id).SingleAsync();
        }
        var url = $"{demo.Year(3)}/spending/{entryId}";
        var colleaguesForm = await FormFieldsAsync(colleague, url);

        await Browser.PostFormAsync(anna, demo.Workspace(3), $"{url}/delete", []);
        colleaguesForm["Form.Amount"] = "85,50";
        var response = await colleague.PostAsync(url, new FormUrlEncodedContent(colleaguesForm));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Kamēr jūs labojāt, šo ierakstu izdzēsa.", Browser.Text(html));
        Assert.Contains("value=\"85,50\"", html);
        await using (var db = _factory.OpenDatabase())
        {
            Assert.Equal(80_00, await db.SpendingEntries.IgnoreQueryFilters().Where(e => e.Id == entryId).Select(e => e.AmountCents).SingleAsync());
        }
    }

    [Fact]
    public async Task Two_people_writing_the_evaluation_at_once_do_not_overwrite_each_other()
    {
        var (anna, colleague, demo) = await TwoColleaguesAsync();
        var url = $"{demo.Year(3)}/evaluation";
        var annasForm = await FormFieldsAsync(anna, url);
        var colleaguesForm = await FormFieldsAsync(colleague, url);

        annasForm["Form.Text"] = "Annas novērtējums";
        colleaguesForm["Form.Text"] = "Kolēģes novērtējums";
        Assert.Equal(HttpStatusCode.Redirect, (await anna.PostAsync(url, new FormUrlEncodedContent(annasForm))).StatusCode);
        var second = await colleague.PostAsync(url, new FormUrlEncodedContent(colleaguesForm));

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var html = await second.Content.ReadAsStringAsync();
        Assert.Contains("Annas novērtējums", Browser.Text(html));
        Assert.Contains("Kolēģes novērtējums</textarea>", html);
        await using var db = _factory.OpenDatabase();
        Assert.Equal("Annas novērtējums", await db.ImplementationYears.Where(y => y.AgreementId == demo.Id && y.Number == 3).Select(y => y.EvaluationText).SingleAsync());
    }

    /// <summary>
    /// Both colleagues add results to one strand at once (several tabs each): every result is kept
    /// and the strand is still numbered 1..n, no number twice.
    /// </summary>
    [Fact]
    public async Task Results_added_to_one_strand_at_the_same_instant_get_numbers_one_after_another()
    {
        var (anna, colleague, demo) = await TwoColleaguesAsync();
        var formUrl = $"{demo.Year(3)}/results/new?line={demo.SecondLineId}";
        var tokens = new Dictionary<HttpClient, string>
        {
            [anna] = await Browser.AntiforgeryTokenAsync(anna, formUrl),
            [colleague] = await Browser.AntiforgeryTokenAsync(colleague, formUrl),
        };
        await using (var db = _factory.OpenDatabase())
        {
            Assert.True(await db.Activities.AnyAsync(a => a.BudgetLineId == demo.SecondLineId && a.ImplementationYear!.Number == 3),
                "The strand should already hold results, so a new number depends on reading the last one.");
        }

        const int PerColleague = 6;
        var posts = Enumerable.Range(1, PerColleague).SelectMany(i => new[] { (anna, $"Annas paralēlais rezultāts {i}"), (colleague, $"Kolēģes paralēlais rezultāts {i}") })
            .Select(post => post.Item1.PostAsync($"{demo.Year(3)}/results/new", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = tokens[post.Item1],
                ["Form.BudgetLineId"] = demo.SecondLineId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Form.Text"] = post.Item2,
                ["Form.StartDate"] = "2024-09-14",
                ["Form.Version"] = "0",
            })));
        var responses = await Task.WhenAll(posts);

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.Redirect, response.StatusCode));
        await using var check = _factory.OpenDatabase();
        var yearId = await demo.YearIdAsync(_factory, 3);
        var strand = await check.Activities.Where(a => a.ImplementationYearId == yearId && a.BudgetLineId == demo.SecondLineId)
            .Select(a => new { a.Ordinal, a.Text }).ToListAsync();
        Assert.Equal(2 * PerColleague, strand.Count(a => a.Text.Contains("paralēlais rezultāts", StringComparison.Ordinal)));
        Assert.Equal(Enumerable.Range(1, strand.Count), strand.Select(a => a.Ordinal).Order());
    }

    [GeneratedRegex("<input[^>]*?name=\"(?<name>[^\"]+)\"[^>]*?value=\"(?<value>[^\"]*)\"|<input[^>]*?value=\"(?<value>[^\"]*)\"[^>]*?name=\"(?<name>[^\"]+)\"")]
    private static partial Regex InputPattern();

    [GeneratedRegex("<select[^>]*?name=\"(?<name>[^\"]+)\"[^>]*>(?<options>.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex SelectPattern();

    /// <summary>The selected option, or the first one when none is marked (as a browser does).</summary>
    [GeneratedRegex("<option[^>]*?value=\"(?<value>[^\"]*)\"[^>]*?selected|^\\s*<option[^>]*?value=\"(?<value>[^\"]*)\"")]
    private static partial Regex SelectedOptionPattern();

    [GeneratedRegex("<textarea[^>]*?name=\"(?<name>[^\"]+)\"[^>]*>(?<value>[^<]*)</textarea>")]
    private static partial Regex TextAreaPattern();
}
