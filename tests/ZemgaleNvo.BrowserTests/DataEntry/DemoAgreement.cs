using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZemgaleNvo.BrowserTests.Infrastructure;
using ZemgaleNvo.Infrastructure.Data;

namespace ZemgaleNvo.BrowserTests.DataEntry;

/// <summary>A budget line of the demo agreement, with the heading its results are listed under.</summary>
public sealed record DemoLine(int Id, string Name, string ResultsHeading);

/// <summary>
/// Ids of the seeded Zemgale agreement looked up in the portal's database (not through any user's
/// eyes), so tests can build addresses and find sections without reading them off another page first.
/// </summary>
public static class DemoAgreement
{
    /// <summary>The year the demo leaves as a draft for the staff to finish.</summary>
    public const int DraftYear = 3;

    public const string StaffEmail = "darbinieks@demo.zemgalenvo.lv";
    public const string OtherStaffEmail = "cits@demo.zemgalenvo.lv";
    public const string ReviewerEmail = "recenzents@demo.zemgalenvo.lv";

    /// <summary>The agreement's budget lines in their order: the civil-society line, then the minority line.</summary>
    public static async Task<IReadOnlyList<DemoLine>> LinesAsync(this PortalFixture portal)
    {
        ArgumentNullException.ThrowIfNull(portal);
        var agreementId = AgreementId(await portal.ZemgaleAgreementPathAsync());
        await using var scope = portal.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var lines = await db.BudgetLines.IgnoreQueryFilters()
            .Where(l => l.AgreementId == agreementId)
            .OrderBy(l => l.Ordinal)
            .Select(l => new DemoLine(l.Id, l.Name, l.ResultsHeading ?? l.Name))
            .ToListAsync();
        Assert.True(lines.Count == 2, $"Expected the demo agreement's two budget lines, found {lines.Count}.");
        return lines;
    }

    /// <summary><c>/agreements/{id}/years/{number}/entry</c>, the year workspace.</summary>
    public static async Task<string> WorkspacePathAsync(this PortalFixture portal, int yearNumber = DraftYear)
    {
        ArgumentNullException.ThrowIfNull(portal);
        return $"{await portal.ZemgaleAgreementPathAsync()}/years/{yearNumber}/entry";
    }

    /// <summary>The first result (by number) of a strand in a year, and its text, as they are in the database now.</summary>
    public static async Task<(int Id, string Text)> FirstResultAsync(this PortalFixture portal, int lineId, int yearNumber = DraftYear)
    {
        ArgumentNullException.ThrowIfNull(portal);
        var agreementId = AgreementId(await portal.ZemgaleAgreementPathAsync());
        await using var scope = portal.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var result = await db.Activities.IgnoreQueryFilters()
            .Where(a => a.ImplementationYear!.AgreementId == agreementId && a.ImplementationYear.Number == yearNumber
                && a.BudgetLineId == lineId && a.DeletedAtUtc == null)
            .OrderBy(a => a.Ordinal)
            .Select(a => new { a.Id, a.Text })
            .FirstAsync();
        return (result.Id, result.Text);
    }

    /// <summary>Whether a result is still on its list (not deleted), read straight from the database.</summary>
    public static async Task<bool> ResultIsListedAsync(this PortalFixture portal, int resultId)
    {
        ArgumentNullException.ThrowIfNull(portal);
        await using var scope = portal.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Activities.IgnoreQueryFilters().AnyAsync(a => a.Id == resultId && a.DeletedAtUtc == null);
    }

    private static int AgreementId(string agreementPath) =>
        int.Parse(agreementPath[(agreementPath.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
}
