using System.Net;
using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Domain.Reviews;
using ZemgaleNvo.IntegrationTests.Infrastructure;
using ZemgaleNvo.IntegrationTests.Reallocations;

namespace ZemgaleNvo.IntegrationTests.Years;

/// <summary>The carry-over split, the evaluation text, the checklist and submitting the year.</summary>
public sealed class YearCompletionTests : IDisposable
{
    private readonly PortalFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private async Task<(HttpClient Client, DemoAgreement Demo)> StaffAsync()
    {
        var demo = await DemoAgreement.LoadAsync(_factory);
        return (await Browser.SignedInClientAsync(_factory, Browser.ZemgaleStaff), demo);
    }

    private async Task<HttpResponseMessage> WriteEvaluationAsync(HttpClient client, DemoAgreement demo, string text)
    {
        await using var db = _factory.OpenDatabase();
        var version = await db.ImplementationYears.Where(y => y.AgreementId == demo.Id && y.Number == 3).Select(y => y.Version).SingleAsync();
        return await Browser.PostFormAsync(client, $"{demo.Year(3)}/evaluation", $"{demo.Year(3)}/evaluation", new() { ["Form.Text"] = text, ["Form.Version"] = version.Text() });
    }

    [Fact]
    public async Task The_demo_year_cannot_be_submitted_until_the_overspent_line_is_covered_and_the_evaluation_written()
    {
        var (client, demo) = await StaffAsync();
        var workspace = await client.GetStringAsync(demo.Workspace(3));
        Assert.Contains("data-code=\"evaluation\"", workspace);
        Assert.Contains("izlietoja 25 012,97 euro no pieejamajiem 23 743,73 euro", Browser.Text(workspace));

        var early = await Browser.PostFormAsync(client, demo.Workspace(3), $"{demo.Year(3)}/submit", []);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
        Assert.Contains("Gadu vēl nevar iesniegt", Browser.Text(await early.Content.ReadAsStringAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await ReallocationTests.ReallocateAsync(client, demo, demo.FirstLineId, demo.SecondLineId, "1 269,24")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await WriteEvaluationAsync(client, demo, "Visi plānotie pasākumi īstenoti.\nMazākumtautību pozīcijas pārsniegums segts ar pārdali.")).StatusCode);
        var covered = await client.GetStringAsync(demo.Workspace(3));
        Assert.DoesNotContain("finding:line-overspent", covered);
        // What is left is the money carried in and not spent: a deviation, so it blocks until explained.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Browser.PostFormAsync(client, demo.Workspace(3), $"{demo.Year(3)}/submit", [])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Browser.PostFormAsync(client, demo.Workspace(3), $"{demo.Year(3)}/explanations", new()
        {
            ["Explanation.Finding"] = "final-remainder-not-returned::", ["Explanation.Text"] = "Atlikums tiks atmaksāts.", ["Explanation.Version"] = "0",
        })).StatusCode);

        var submitted = await Browser.PostFormAsync(client, demo.Workspace(3), $"{demo.Year(3)}/submit", []);

        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        await using var db = _factory.OpenDatabase();
        Assert.Equal(ReviewStatus.Submitted, await db.ImplementationYears.Where(y => y.AgreementId == demo.Id && y.Number == 3).Select(y => y.Status).SingleAsync());
        var after = Browser.Text(await client.GetStringAsync(demo.Workspace(3)));
        Assert.Contains("Gads iesniegts izskatīšanai.", after);
        Assert.Contains("Iesniegtu vai apstiprinātu gadu labot nevar.", after);
        Assert.DoesNotContain("Pievienot rezultātu", after);

        Assert.Equal(HttpStatusCode.Conflict, (await client.GetAsync($"{demo.Year(3)}/reallocations/new")).StatusCode);
        var locked = await Browser.PostFormAsync(client, demo.Workspace(3), $"{demo.Year(3)}/reallocations/new", new()
        {
            ["Form.FromBudgetLineId"] = demo.FirstLineId.Text(), ["Form.ToBudgetLineId"] = demo.SecondLineId.Text(),
            ["Form.Amount"] = "1,00", ["Form.Reason"] = "Vēlāk", ["Form.Version"] = "0",
        });
        Assert.Equal(HttpStatusCode.Conflict, locked.StatusCode);
        Assert.Contains("iesniegtu vai apstiprinātu gadu labot nevar", Browser.Text(await locked.Content.ReadAsStringAsync()));
        Assert.Equal(1, await db.Reallocations.CountAsync(r => r.ImplementationYear!.AgreementId == demo.Id));
    }

    [Fact]
    public async Task The_carry_over_form_starts_from_the_remainder_and_refuses_a_split_that_does_not_add_up()
    {
        var (client, demo) = await StaffAsync();
        await demo.SetStatusAsync(_factory, 2, ReviewStatus.Returned);
        await using (var db = _factory.OpenDatabase())
        {
            db.CarryOvers.RemoveRange(db.CarryOvers.Where(c => c.ImplementationYear!.AgreementId == demo.Id && c.ImplementationYear.Number == 2));
            await db.SaveChangesAsync();
        }
        var url = $"{demo.Year(2)}/carry-over";

        var form = await client.GetStringAsync(url);
        // Year II of the seed: 4 743,73 left on the second line, none on the first (which overspent by 120,80 of its carry-in... see the seed).
        var text = Browser.Text(form);
        Assert.Contains("Gada atlikums ir", text);
        var workspace = Browser.Text(await client.GetStringAsync(demo.Workspace(2)));
        Assert.Contains("Jāizlemj, kā pārcelt atlikumu", workspace);

        var wrong = await Browser.PostFormAsync(client, url, url, new()
        {
            ["Form.Lines[0].BudgetLineId"] = demo.FirstLineId.Text(), ["Form.Lines[0].Amount"] = "100,00", ["Form.Lines[0].Saved"] = "0",
            ["Form.Lines[1].BudgetLineId"] = demo.SecondLineId.Text(), ["Form.Lines[1].Amount"] = "100,00", ["Form.Lines[1].Saved"] = "0",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        var wrongText = Browser.Text(await wrong.Content.ReadAsStringAsync());
        Assert.Contains("Pārceltajām summām kopā jābūt", wrongText);
        Assert.Contains("tagad tās ir 200,00 euro", wrongText);

        // The prefilled split is accepted as it is.
        var prefilled = PrefilledAmounts(form);
        var saved = await Browser.PostFormAsync(client, url, url, new()
        {
            ["Form.Lines[0].BudgetLineId"] = demo.FirstLineId.Text(), ["Form.Lines[0].Amount"] = prefilled[0], ["Form.Lines[0].Saved"] = "0",
            ["Form.Lines[1].BudgetLineId"] = demo.SecondLineId.Text(), ["Form.Lines[1].Amount"] = prefilled[1], ["Form.Lines[1].Saved"] = "0",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Atlikuma pārcelšana izlemta", Browser.Text(await client.GetStringAsync(demo.Workspace(2))));
    }

    [Fact]
    public async Task The_last_year_has_nothing_to_carry_over()
    {
        var (client, demo) = await StaffAsync();

        var page = Browser.Text(await client.GetStringAsync($"{demo.Year(3)}/carry-over"));
        var post = await Browser.PostFormAsync(client, $"{demo.Year(3)}/evaluation", $"{demo.Year(3)}/carry-over", new()
        {
            ["Form.Lines[0].BudgetLineId"] = demo.FirstLineId.Text(), ["Form.Lines[0].Amount"] = "0,00", ["Form.Lines[0].Saved"] = "0",
        });

        Assert.Contains("Šis ir līguma pēdējais īstenošanas gads", page);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, post.StatusCode);
        Assert.Contains("No pēdējā īstenošanas gada atlikumu pārcelt nevar", Browser.Text(await post.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Other_information_is_saved_for_the_agreement_and_shows_on_the_summary()
    {
        var (client, demo) = await StaffAsync();
        int version;
        await using (var db = _factory.OpenDatabase())
        {
            version = await db.Agreements.Where(a => a.Id == demo.Id).Select(a => a.Version).SingleAsync();
        }
        var url = $"/agreements/{demo.Id}/other-information";

        var response = await Browser.PostFormAsync(client, url, url + "?year=3", new() { ["Form.Text"] = "Biedrība piedalījās ministrijas konsultācijās.", ["Form.Version"] = version.Text() });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(demo.Workspace(3), response.Headers.Location!.OriginalString);
        Assert.Contains("Biedrība piedalījās ministrijas konsultācijās.", Browser.Text(await client.GetStringAsync($"/agreements/{demo.Id}/summary")));
    }

    [Fact]
    public async Task The_stated_year_total_can_be_corrected_or_cleared_on_the_evaluation_form()
    {
        var (client, demo) = await StaffAsync();
        async Task<int> VersionAsync()
        {
            await using var db = _factory.OpenDatabase();
            return await db.ImplementationYears.Where(y => y.AgreementId == demo.Id && y.Number == 3).Select(y => y.Version).SingleAsync();
        }
        var url = $"{demo.Year(3)}/evaluation";
        Assert.Contains("value=\"49\u00A0000,00\"", WebUtility.HtmlDecode(await client.GetStringAsync(url)));

        var refused = await Browser.PostFormAsync(client, url, url, new() { ["Form.Text"] = "Teksts", ["Form.ReportedTotal"] = "-1", ["Form.Version"] = (await VersionAsync()).Text() });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Summa nevar būt negatīva.", Browser.Text(refusedHtml));
        // The refused field is tied to its message for screen readers, also without JavaScript.
        Assert.Matches("id=\"Form_ReportedTotal\"[^>]*aria-invalid=\"true\"|aria-invalid=\"true\"[^>]*id=\"Form_ReportedTotal\"", refusedHtml);
        Assert.Contains("id=\"Form_ReportedTotal_error\"", refusedHtml);

        var cleared = await Browser.PostFormAsync(client, url, url, new() { ["Form.Text"] = "Teksts", ["Form.ReportedTotal"] = "", ["Form.Version"] = (await VersionAsync()).Text() });
        Assert.Equal(HttpStatusCode.Redirect, cleared.StatusCode);
        await using var check = _factory.OpenDatabase();
        Assert.Null(await check.ImplementationYears.Where(y => y.AgreementId == demo.Id && y.Number == 3).Select(y => y.ReportedActualTotalCents).SingleAsync());
    }

    private static string[] PrefilledAmounts(string html) =>
        System.Text.RegularExpressions.Regex.Matches(html, "name=\"Form.Lines\\[\\d\\].Amount\" value=\"([^\"]*)\"")
            .Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToArray();
}
