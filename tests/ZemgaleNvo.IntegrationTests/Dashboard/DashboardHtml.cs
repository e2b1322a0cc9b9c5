using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Checks;
using ZemgaleNvo.Domain.Reviews;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Infrastructure.Seeding;
using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.Dashboard;

/// <summary>Reading the dashboard's HTML: the rows in order and one row's marked figures.</summary>
public static partial class DashboardHtml
{
    private static readonly CultureInfo Latvian = CultureInfo.GetCultureInfo("lv-LV");

    /// <summary>Agreement ids in the order the table lists them.</summary>
    public static IReadOnlyList<int> RowOrder(string html) =>
        RowPattern().Matches(html).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();

    /// <summary>The HTML of one agreement's table row.</summary>
    public static string Row(string html, int agreementId)
    {
        var start = html.IndexOf($"<tr data-agreement-id=\"{agreementId.ToString(CultureInfo.InvariantCulture)}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No row for agreement {agreementId}");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    /// <summary>A figure of a row as the user reads it (<c>data-figure="planned"</c> → <c>147 000,00</c>).</summary>
    public static string Figure(string row, string name)
    {
        var match = Regex.Match(row, $"data-figure=\"{name}\"[^>]*>([^<]*)<");
        Assert.True(match.Success, $"No {name} figure in the row");
        return Browser.Text(match.Groups[1].Value).Trim();
    }

    /// <summary>The moment the row's last change carries (its <c>&lt;time datetime&gt;</c>).</summary>
    public static DateTime ChangedAt(string row)
    {
        var match = Regex.Match(row, "<time [^>]*datetime=\"([^\"]+)\"");
        Assert.True(match.Success, "No last-change time in the row");
        return DateTime.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
    }

    /// <summary>Money as a Latvian reads it, written here independently of the portal's formatter: <c>147 000,00</c>.</summary>
    public static string Money(long cents) => (cents / 100m).ToString("#,##0.00", Latvian).Replace('\u00A0', ' ');

    /// <summary>Actual as a share of planned, one decimal, half away from zero: <c>96,7 %</c>.</summary>
    public static string Percent(long actual, long planned) =>
        Math.Round(actual * 100m / planned, 1, MidpointRounding.AwayFromZero).ToString("0.0", Latvian) + " %";

    /// <summary>
    /// The consistency checker's findings for an agreement, loaded here straight from the database
    /// (not through the page's cached report), split into errors and warnings.
    /// </summary>
    public static async Task<(int Errors, int Warnings)> FindingsAsync(PortalFactory factory, int agreementId)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var db = factory.OpenDatabase();
        var agreement = await db.Agreements.AsNoTracking().WithReportingGraph().SingleAsync(a => a.Id == agreementId);
        var findings = ConsistencyChecker.Check(agreement, await db.Regions.AsNoTracking().ToListAsync());
        return (findings.Count(f => f.Severity == FindingSeverity.Error), findings.Count(f => f.Severity == FindingSeverity.Warning));
    }

    public static async Task<int> ZemgaleAgreementIdAsync(PortalFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        _ = factory.Services; // starting the app creates, migrates and seeds the database
        await using var db = factory.OpenDatabase();
        return await db.Agreements.Where(a => a.Performer!.Name == ZemgaleAgreementData.PerformerName).Select(a => a.Id).SingleAsync();
    }

    /// <summary>
    /// A second agreement beside the demo one, different in every column the dashboard sorts and
    /// filters by: Latgale, the second demo NGO, 2024–2025, year I submitted (9 000,00 of 10 000,00
    /// spent), year II a draft. Saved through the audited context, as any change is.
    /// </summary>
    public static async Task<int> AddLatgaleAgreementAsync(PortalFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        _ = factory.Services;
        await using var db = factory.OpenDatabase();
        var region = await db.Regions.SingleAsync(r => r.Code == "latgale");
        var performer = await db.Organisations.SingleAsync(o => o.Name == DemoDataSeeder.SecondOrganisationName);
        var agreement = new DelegationAgreement
        {
            Title = "Par nevalstisko organizāciju atbalstu Latgales reģionā",
            TaskText = "Nevalstisko organizāciju atbalsts Latgales reģionā",
            RegionId = region.Id,
            PerformerId = performer.Id,
            PeriodStart = LatgaleStart,
            PeriodEnd = LatgaleEnd,
        };
        agreement.GenerateYears();
        var line = new BudgetLine { Ordinal = 1, Name = "nevalstisko organizāciju atbalstam" };
        agreement.BudgetLines.Add(line);
        foreach (var year in agreement.Years)
        {
            year.PlannedAmounts.Add(new PlannedAmount { BudgetLine = line, AmountCents = LatgalePlannedPerYearCents });
            year.Activities.Add(new Activity { BudgetLine = line, Ordinal = 1, Text = "Sniegtas konsultācijas Latgales NVO" });
        }
        var first = agreement.Years.Single(y => y.Number == 1);
        first.Status = ReviewStatus.Submitted;
        first.SpendingTotals.Add(new SpendingTotal { BudgetLine = line, AmountCents = LatgaleActualCents });
        db.Agreements.Add(agreement);
        await db.SaveChangesAsync();
        return agreement.Id;
    }

    public static readonly DateOnly LatgaleStart = new(2024, 1, 1);
    public static readonly DateOnly LatgaleEnd = new(2025, 12, 31);
    public const long LatgalePlannedPerYearCents = 10_000_00;
    public const long LatgaleActualCents = 9_000_00;

    /// <summary>A forbidden request is sent to the "access denied" page (which answers 403), as the cookie scheme does for browsers.</summary>
    public static HttpStatusCode Outcome(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/account/denied", StringComparison.Ordinal) == true
            ? HttpStatusCode.Forbidden
            : response.StatusCode;
    }

    [GeneratedRegex("<tr data-agreement-id=\"(\\d+)\"")]
    private static partial Regex RowPattern();
}
