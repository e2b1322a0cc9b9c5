using System.Net;
using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.IntegrationTests.Infrastructure;
using ZemgaleNvo.Web.Features.Reports;

namespace ZemgaleNvo.IntegrationTests.Dashboard;

/// <summary>The dashboard reads the cached report models; security events in the audit trail do not throw them away, a data change throws away only its own agreement's.</summary>
public class DashboardCacheTests
{
    [Fact]
    public async Task Sign_ins_and_refused_requests_keep_the_cached_models_a_data_change_does_not()
    {
        using var factory = new PortalFactory();
        var zemgale = await DashboardHtml.ZemgaleAgreementIdAsync(factory);
        var latgale = await DashboardHtml.AddLatgaleAgreementAsync(factory);
        var reviewer = await Browser.SignedInClientAsync(factory, Browser.Reviewer);
        await reviewer.GetStringAsync("/dashboard");
        var cache = factory.Service<SummaryReportCache>();
        Assert.True(await CachedAsync(factory, cache, zemgale) && await CachedAsync(factory, cache, latgale));

        // Audit rows that are no data change: a sign-in, a failed sign-in, a refused request.
        await Browser.SignedInClientAsync(factory, Browser.Admin);
        await Browser.SignInAsync(factory.CreateClient(), Browser.Admin, "nepareiza parole ilgāka");
        var staff = await Browser.SignedInClientAsync(factory, Browser.ZemgaleStaff);
        Assert.Equal(HttpStatusCode.Forbidden, DashboardHtml.Outcome(await staff.GetAsync("/dashboard")));
        await using (var db = factory.OpenDatabase())
        {
            Assert.True(await db.AuditEntries.CountAsync(e => e.EntityType == "User") >= 4);
        }

        Assert.True(await CachedAsync(factory, cache, zemgale) && await CachedAsync(factory, cache, latgale));

        // A data change in one agreement: the models are computed again on the next view.
        await using (var db = factory.OpenDatabase())
        {
            (await db.Agreements.SingleAsync(a => a.Id == latgale)).OtherInformation = "Līgums pagarināts";
            await db.SaveChangesAsync();
        }
        Assert.False(await CachedAsync(factory, cache, latgale));
        // The other agreement's model stays valid: stamps are per agreement (issue 18).
        Assert.True(await CachedAsync(factory, cache, zemgale));
        await reviewer.GetStringAsync("/dashboard");
        Assert.True(await CachedAsync(factory, cache, latgale));
    }

    /// <summary>The dashboard page itself is kept as well (issue 18); a change in any agreement shows on the very next view, and leaves the other rows as they were.</summary>
    [Fact]
    public async Task A_kept_dashboard_shows_a_change_in_any_agreement_on_the_next_view()
    {
        using var factory = new PortalFactory();
        var zemgale = await DashboardHtml.ZemgaleAgreementIdAsync(factory);
        var latgale = await DashboardHtml.AddLatgaleAgreementAsync(factory);
        var reviewer = await Browser.SignedInClientAsync(factory, Browser.Reviewer);
        var first = await reviewer.GetStringAsync("/dashboard");
        var zemgaleRow = DashboardHtml.Row(first, zemgale);
        Assert.Equal(DashboardHtml.Row(first, latgale), DashboardHtml.Row(await reviewer.GetStringAsync("/dashboard"), latgale));

        const string title = "Latgales kultūras mantojuma saglabāšana";
        await using (var db = factory.OpenDatabase())
        {
            (await db.Agreements.SingleAsync(a => a.Id == latgale)).Title = title;
            await db.SaveChangesAsync();
        }
        var after = await reviewer.GetStringAsync("/dashboard");
        Assert.Contains(title, DashboardHtml.Row(after, latgale), StringComparison.Ordinal);
        Assert.Equal(zemgaleRow, DashboardHtml.Row(after, zemgale));
    }

    /// <summary>The kept body is kept per language: a reviewer in English and one in Latvian, turn about, each read their own.</summary>
    [Fact]
    public async Task The_kept_dashboard_is_in_each_readers_language()
    {
        using var factory = new PortalFactory();
        var latvian = await Browser.SignedInClientAsync(factory, Browser.Reviewer);
        var english = await Browser.SignedInClientAsync(factory, Browser.Admin);
        await Browser.PostFormAsync(english, "/", "/language", new() { ["culture"] = "en", ["returnUrl"] = "/" });

        for (var round = 0; round < 2; round++)
        {
            var inLatvian = Browser.Text(await latvian.GetStringAsync("/dashboard"));
            var inEnglish = Browser.Text(await english.GetStringAsync("/dashboard"));
            Assert.Contains("Budžeta izpilde pa līgumiem visā periodā", inLatvian, StringComparison.Ordinal);
            Assert.DoesNotContain("Budžeta izpilde pa līgumiem visā periodā", inEnglish, StringComparison.Ordinal);
            Assert.Contains("Kopā atlasē", inLatvian, StringComparison.Ordinal);
            Assert.DoesNotContain("Kopā atlasē", inEnglish, StringComparison.Ordinal);
        }
    }

    private static async Task<bool> CachedAsync(PortalFactory factory, SummaryReportCache cache, int agreementId)
    {
        await using var db = factory.OpenDatabase();
        return cache.TryGet(agreementId, await SummaryReportCache.DataStampAsync(db.Agreements, agreementId, CancellationToken.None) ?? 0) is not null;
    }
}
