using System.Net;
using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.Publication;

/// <summary>The demo agreement through the real review steps: year III completed, submitted and approved, then the summary submitted and approved.</summary>
internal static class ApprovalSteps
{
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, Dictionary<string, string>? fields = null) =>
        Browser.PostFormAsync(client, "/", url, fields ?? []);

    /// <returns>The reviewer's client and the demo agreement.</returns>
    public static async Task<(HttpClient Reviewer, DemoAgreement Demo)> ApproveYearThreeAsync(PortalFactory factory)
    {
        var demo = await DemoAgreement.LoadAsync(factory);
        var staff = await Browser.SignedInClientAsync(factory, Browser.ZemgaleStaff);
        var reviewer = await Browser.SignedInClientAsync(factory, Browser.Reviewer);
        // Year III of the demo is overspent on one line and has no evaluation: both are put right first, as the staff would.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(staff, $"{demo.Year(3)}/reallocations/new", new()
        {
            ["Form.FromBudgetLineId"] = demo.FirstLineId.Text(), ["Form.ToBudgetLineId"] = demo.SecondLineId.Text(),
            ["Form.Amount"] = "1 269,24", ["Form.Reason"] = "Pārsnieguma segšana", ["Form.Version"] = "0",
        })).StatusCode);
        await using (var db = factory.OpenDatabase())
        {
            var version = await db.ImplementationYears.Where(y => y.AgreementId == demo.Id && y.Number == 3).Select(y => y.Version).SingleAsync();
            Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(staff, $"{demo.Year(3)}/evaluation", new() { ["Form.Text"] = "Visi pasākumi īstenoti.", ["Form.Version"] = version.Text() })).StatusCode);
        }
        // The 4 864,53 carried in and left unspent is a deviation: explained before submitting, and
        // the reviewer approves it without accepting the explanation one by one (the confirmation step).
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(staff, $"{demo.Year(3)}/explanations", new()
        {
            ["Explanation.Finding"] = "final-remainder-not-returned::", ["Explanation.Text"] = "Atlikums tiks atmaksāts valsts budžetā.", ["Explanation.Version"] = "0",
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(staff, $"{demo.Year(3)}/submit")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(reviewer, $"{demo.Year(3)}/approve", new() { ["confirmed"] = "true" })).StatusCode);
        return (reviewer, demo);
    }

    public static async Task<(HttpClient Reviewer, DemoAgreement Demo)> ApproveSummaryAsync(PortalFactory factory)
    {
        var (reviewer, demo) = await ApproveYearThreeAsync(factory);
        var staff = await Browser.SignedInClientAsync(factory, Browser.ZemgaleStaff);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(staff, $"/agreements/{demo.Id}/summary/submit")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(reviewer, $"/agreements/{demo.Id}/summary/approve")).StatusCode);
        return (reviewer, demo);
    }
}
