using System.Collections.Concurrent;
using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Audit;
using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.Operations;

/// <summary>
/// The portal killed (SIGKILL) in the middle of a burst of saves and started again: it opens its
/// database, every save it answered with success is there in full, and nothing is half saved.
/// </summary>
public sealed class CrashSafetyTests(ITestOutputHelper output) : IDisposable
{
    private const string Marker = "Avārijas pārbaude";
    private const int AcknowledgedBeforeKill = 12;

    private readonly string _folder = TempFolder.Create();

    public void Dispose() => TempFolder.Delete(_folder);

    /// <summary>What one save sent: result <paramref name="N"/> in one strand, with two indicators derived from N.</summary>
    private sealed record Save(int N, int LineId)
    {
        // "… 1. ieraksts" is not part of "… 12. ieraksts", so each can be looked for in the page.
        public string Text => $"{Marker} {N}. ieraksts";
        public string Place => $"Vieta {N}";
        public DateOnly Start => new DateOnly(2024, 9, 1).AddDays(N % 28);

        public Dictionary<string, string> Fields => new()
        {
            ["Form.BudgetLineId"] = LineId.Text(),
            ["Form.Text"] = Text,
            ["Form.StartDate"] = Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Form.Place"] = Place,
            ["Form.Indicators[0].Qualifier"] = nameof(IndicatorQualifier.AtLeast),
            ["Form.Indicators[0].Count"] = N.Text(),
            ["Form.Indicators[0].Unit"] = "dalībnieki",
            ["Form.Indicators[1].Qualifier"] = nameof(IndicatorQualifier.Exactly),
            ["Form.Indicators[1].Count"] = (N + 1).Text(),
            ["Form.Indicators[1].Unit"] = "semināri",
            ["Form.Version"] = "0",
        };
    }

    [Fact]
    public async Task After_a_kill_mid_burst_every_acknowledged_save_is_there_in_full_and_nothing_is_half_saved()
    {
        var acknowledged = new ConcurrentBag<Save>();
        int yearId;
        TemplateDatabase.CopyInto(_folder); // the demo data, so the process starts without seeding
        await using (var server = await PortalProcess.Server.StartAsync(_folder))
        {
            var (agreementId, lineIds) = await DemoIdsAsync();
            yearId = await YearThreeIdAsync(agreementId);
            using var client = Client(server);
            await SignInAsync(client);
            var postUrl = $"/agreements/{agreementId}/years/3/results/new";
            // One token serves every post of this signed-in browser, as it does for a user with several tabs.
            var token = await Browser.AntiforgeryTokenAsync(client, postUrl);

            // Two writers, one per strand (a strand numbers its results in order), posting as fast
            // as the portal answers; the kill comes while both have a save on the way.
            var next = 0;
            using var stop = new CancellationTokenSource();
            var writers = lineIds.Select(lineId => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var save = new Save(Interlocked.Increment(ref next), lineId);
                    var fields = save.Fields;
                    fields["__RequestVerificationToken"] = token;
                    try
                    {
                        using var response = await client.PostAsync(new Uri(server.Address, postUrl), new FormUrlEncodedContent(fields));
                        // Success as the user sees it: the redirect back to the year's page.
                        if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("#strand-", StringComparison.Ordinal) == true)
                        {
                            acknowledged.Add(save);
                        }
                        else
                        {
                            Assert.Fail($"Save {save.N} answered {(int)response.StatusCode} before the kill:\n{server.Output}");
                        }
                    }
                    catch (HttpRequestException)
                    {
                        return; // the server is gone
                    }
                }
            })).ToList();

            using (var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
            {
                while (acknowledged.Count < AcknowledgedBeforeKill && !writers.Any(w => w.IsCompleted))
                {
                    await Task.Delay(5, patience.Token);
                }
            }
            server.Kill();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }
        Assert.True(acknowledged.Count >= AcknowledgedBeforeKill, "The burst did not get going before the kill");

        await using var restarted = await PortalProcess.Server.StartAsync(_folder);

        await using (var db = new PortalFactory(_folder).OpenDatabase())
        {
            var saved = await db.Activities.IgnoreQueryFilters().Include(a => a.Indicators)
                .Where(a => a.ImplementationYearId == yearId && a.Text.StartsWith(Marker))
                .ToListAsync();
            var activityKeys = saved.Select(a => a.Id.Text()).ToHashSet();
            output.WriteLine($"{acknowledged.Count} saves acknowledged before the kill, {saved.Count} in the database after it");
            var audit = await db.AuditEntries
                .Where(e => e.Action == AuditAction.Created && (e.EntityType == nameof(Activity) || e.EntityType == nameof(Indicator)))
                .ToListAsync();

            foreach (var save in acknowledged)
            {
                var activity = Assert.Single(saved, a => a.Text == save.Text);
                Assert.Equal((save.LineId, save.Place, (DateOnly?)save.Start), (activity.BudgetLineId, activity.Place, activity.StartDate));
                Assert.Equal(
                    [(IndicatorQualifier.AtLeast, save.N, "dalībnieki"), (IndicatorQualifier.Exactly, save.N + 1, "semināri")],
                    activity.Indicators.OrderBy(i => i.Id).Select(i => (i.Qualifier, i.Count, i.Unit)));
            }
            // Whatever reached the database, acknowledged or cut off by the kill, is whole: each
            // result with both its indicators and its audit rows, and no audit row without its record.
            foreach (var activity in saved)
            {
                Assert.Equal(2, activity.Indicators.Count);
                Assert.Contains(audit, e => e.EntityType == nameof(Activity) && e.EntityKey == activity.Id.Text() && e.Field == nameof(Activity.Text) && e.NewValue == activity.Text);
                foreach (var indicator in activity.Indicators)
                {
                    Assert.Contains(audit, e => e.EntityType == nameof(Indicator) && e.EntityKey == indicator.Id.Text());
                }
            }
            var newestSeeded = await db.Activities.IgnoreQueryFilters().Where(a => !a.Text.StartsWith(Marker)).MaxAsync(a => a.Id);
            Assert.All(audit.Where(e => e.EntityType == nameof(Activity) && int.Parse(e.EntityKey, System.Globalization.CultureInfo.InvariantCulture) > newestSeeded),
                e => Assert.Contains(e.EntityKey, activityKeys));
        }
        await using (var check = new SqliteConnection($"Data Source={Path.Combine(_folder, "zemgale.db")};Mode=ReadOnly;Pooling=False"))
        {
            await check.OpenAsync();
            await using var integrity = check.CreateCommand();
            integrity.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", (string?)await integrity.ExecuteScalarAsync());
        }

        // The user sees every acknowledged result on the restarted portal, and the audit chain holds.
        using var again = Client(restarted);
        await SignInAsync(again);
        var (id, _) = await DemoIdsAsync();
        var summary = Browser.Text(await again.GetStringAsync(new Uri(restarted.Address, $"/agreements/{id}/summary")));
        Assert.All(acknowledged, save => Assert.Contains(save.Text, summary));
        var verify = await PortalProcess.RunAsync(new Dictionary<string, string> { ["Database__DataFolder"] = _folder }, "audit", "verify");
        Assert.True(verify.ExitCode == 0, verify.Output + verify.Error);
    }

    private static HttpClient Client(PortalProcess.Server server) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = server.Address };

    private static async Task SignInAsync(HttpClient client)
    {
        var response = await Browser.SignInAsync(client, Browser.ZemgaleStaff);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private async Task<(int AgreementId, int[] LineIds)> DemoIdsAsync()
    {
        await using var db = new PortalFactory(_folder).OpenDatabase();
        var agreement = await db.Agreements.Include(a => a.BudgetLines)
            .SingleAsync(a => a.Performer!.Name == "Biedrība „Zemgales NVO centrs”");
        return (agreement.Id, agreement.BudgetLines.OrderBy(l => l.Ordinal).Take(2).Select(l => l.Id).ToArray());
    }

    private async Task<int> YearThreeIdAsync(int agreementId)
    {
        await using var db = new PortalFactory(_folder).OpenDatabase();
        return await db.ImplementationYears.Where(y => y.AgreementId == agreementId && y.Number == 3).Select(y => y.Id).SingleAsync();
    }
}
