using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.Reports;

/// <summary>The computed report is reused until the data changes, and never widens access.</summary>
public class ReportCacheTests
{
    [Fact]
    public async Task A_change_to_the_data_shows_on_the_next_summary()
    {
        using var factory = new PortalFactory();
        var client = await Browser.SignedInClientAsync(factory, Browser.Reviewer);
        var before = Browser.Text(await client.GetStringAsync("/agreements/1/summary"));
        Assert.Contains("Cita informācija Nav", before);

        await using (var db = factory.OpenDatabase())
        {
            var agreement = await db.Agreements.SingleAsync();
            agreement.OtherInformation = "Līgums pagarināts ar ministrijas 2025. gada vēstuli";
            await db.SaveChangesAsync();
        }
        var after = Browser.Text(await client.GetStringAsync("/agreements/1/summary"));

        Assert.Contains("Cita informācija Līgums pagarināts ar ministrijas 2025. gada vēstuli", after);
    }

    [Fact]
    public async Task A_report_cached_for_a_reviewer_stays_hidden_from_another_organisations_staff()
    {
        using var factory = new PortalFactory();
        var reviewer = await Browser.SignedInClientAsync(factory, Browser.Reviewer);
        await reviewer.GetStringAsync("/agreements/1/summary");
        var other = await Browser.SignedInClientAsync(factory, Browser.OtherStaff);

        var response = await other.GetAsync("/agreements/1/summary");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }
}
