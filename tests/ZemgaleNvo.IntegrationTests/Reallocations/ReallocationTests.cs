using System.Net;
using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.Reallocations;

/// <summary>Moving money between budget lines within a year.</summary>
public sealed class ReallocationTests : IDisposable
{
    private readonly PortalFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    /// <summary>Posts the new-reallocation form of year III.</summary>
    internal static Task<HttpResponseMessage> ReallocateAsync(HttpClient client, DemoAgreement demo, int from, int to, string amount, string reason = "Pārsniegums sedzams no pirmās pozīcijas atlikuma") =>
        Browser.PostFormAsync(client, $"{demo.Year(3)}/reallocations/new", $"{demo.Year(3)}/reallocations/new", new()
        {
            ["Form.FromBudgetLineId"] = from.Text(),
            ["Form.ToBudgetLineId"] = to.Text(),
            ["Form.Amount"] = amount,
            ["Form.Reason"] = reason,
            ["Form.Reference"] = "Ministrijas vēstule Nr. 1-2/345",
            ["Form.Version"] = "0",
        });

    [Fact]
    public async Task A_reallocation_to_the_same_line_or_of_nothing_is_refused()
    {
        var demo = await DemoAgreement.LoadAsync(_factory);
        var client = await Browser.SignedInClientAsync(_factory, Browser.ZemgaleStaff);

        var sameLine = await ReallocateAsync(client, demo, demo.FirstLineId, demo.FirstLineId, "100,00");
        var zero = await ReallocateAsync(client, demo, demo.FirstLineId, demo.SecondLineId, "0,00");
        var noReason = await ReallocateAsync(client, demo, demo.FirstLineId, demo.SecondLineId, "5,00", reason: "  ");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, sameLine.StatusCode);
        Assert.Contains("Naudu var pārdalīt tikai uz citu pozīciju.", Browser.Text(await sameLine.Content.ReadAsStringAsync()));
        Assert.Contains("Summai jābūt lielākai par nulli.", Browser.Text(await zero.Content.ReadAsStringAsync()));
        Assert.Contains("Ierakstiet pārdales pamatojumu.", Browser.Text(await noReason.Content.ReadAsStringAsync()));
        await using var db = _factory.OpenDatabase();
        Assert.Equal(0, await db.Reallocations.CountAsync());
    }
}
