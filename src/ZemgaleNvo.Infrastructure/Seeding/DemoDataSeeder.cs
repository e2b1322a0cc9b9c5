using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Organisations;
using ZemgaleNvo.Domain.Reviews;
using ZemgaleNvo.Domain.Users;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Infrastructure.Identity;

namespace ZemgaleNvo.Infrastructure.Seeding;

/// <summary>
/// Loads the demo: the Zemgale agreement and one user per role (plus staff of a second, unrelated
/// organisation, to show that staff see only their own). Development and <c>seed-demo</c> only.
/// Safe to run again: what is already there is left alone.
/// </summary>
public sealed partial class DemoDataSeeder(AppDbContext db, UserAdministration users, ILogger<DemoDataSeeder> logger)
{
    public const string DemoPassword = "zemgale-demo-parole";
    public const string SecondOrganisationName = "Biedrība „Piemēra NVO”";

    public static readonly IReadOnlyList<(string Email, string Role, string? Organisation, string FullName)> DemoUsers =
    [
        ("admin@demo.zemgalenvo.lv", Roles.Admin, null, "Demo administrators"),
        ("recenzents@demo.zemgalenvo.lv", Roles.Reviewer, null, "Demo recenzents"),
        ("darbinieks@demo.zemgalenvo.lv", Roles.NgoStaff, ZemgaleAgreementData.PerformerName, "Demo NVO darbinieks"),
        ("cits@demo.zemgalenvo.lv", Roles.NgoStaff, SecondOrganisationName, "Citas NVO darbinieks"),
    ];

    /// <summary>
    /// The demo admin's and reviewer's authenticator keys (Base32). Published on purpose, like the demo
    /// password: add one to an authenticator app, or print the current code with
    /// <c>dotnet run --project src/ZemgaleNvo.Web -- demo-code --email …</c>. Development only.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> DemoAuthenticatorKeys = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["admin@demo.zemgalenvo.lv"] = "ZEMGALENVODEMOADMINTOTPKEY234567",
        ["recenzents@demo.zemgalenvo.lv"] = "ZEMGALENVODEMOREVIEWERTOTPKEY234",
    };

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await ReferenceData.EnsureRegionsAsync(db, cancellationToken);
        var zemgale = await db.Regions.SingleAsync(r => r.Code == "zemgale", cancellationToken);
        var latgale = await db.Regions.SingleAsync(r => r.Code == "latgale", cancellationToken);

        var performer = await EnsureOrganisationAsync(ZemgaleAgreementData.PerformerName, zemgale, cancellationToken);
        await EnsureOrganisationAsync(SecondOrganisationName, latgale, cancellationToken);

        if (await db.Agreements.AnyAsync(a => a.PerformerId == performer.Id && a.PeriodStart == ZemgaleAgreementData.PeriodStart, cancellationToken))
        {
            LogAgreementPresent(logger);
        }
        else
        {
            var agreement = BuildZemgaleAgreement(zemgale, performer);
            db.Agreements.Add(agreement);
            await db.SaveChangesAsync(cancellationToken);
            // The demo's approved years are sealed as an approval in the portal would seal them.
            foreach (var year in agreement.Years.Where(y => y.Status == ReviewStatus.Approved))
            {
                await YearSeals.SealAsync(db, year, null, "system", DateTime.UtcNow, cancellationToken);
            }
            await db.SaveChangesAsync(cancellationToken);
            LogAgreementLoaded(logger);
        }

        foreach (var (email, role, organisation, fullName) in DemoUsers)
        {
            var result = UserCommandResult.Success;
            var existing = await users.FindAsync(email);
            if (existing is null)
            {
                result = await users.AddAsync(email, role, DemoPassword, organisation, fullName, cancellationToken);
                existing = result.Succeeded ? await users.FindAsync(email) : null;
            }
            // Admins and reviewers must sign in with a second factor, the demo ones included. A demo
            // database from before two-factor sign-in gets the published key too (only when the user
            // has no key at all, so one enrolled by hand is left alone).
            if (result.Succeeded && existing is not null && DemoAuthenticatorKeys.TryGetValue(email, out var key) && !await users.HasAuthenticatorKeyAsync(existing))
            {
                result = await users.EnableAuthenticatorAsync(existing, key);
            }
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Demo user {email} could not be set up: {string.Join("; ", result.Errors)}");
            }
        }
    }

    private async Task<Organisation> EnsureOrganisationAsync(string name, Region region, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Name == name, cancellationToken);
        if (organisation is null)
        {
            organisation = new Organisation { Name = name, Region = region, RegionId = region.Id };
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync(cancellationToken);
        }
        return organisation;
    }

    internal static DelegationAgreement BuildZemgaleAgreement(Region region, Organisation performer)
    {
        var agreement = new DelegationAgreement
        {
            Type = AgreementType.Delegation,
            Title = ZemgaleAgreementData.Title,
            TaskText = ZemgaleAgreementData.TaskText,
            Region = region,
            RegionId = region.Id,
            Performer = performer,
            PerformerId = performer.Id,
            PeriodStart = ZemgaleAgreementData.PeriodStart,
            PeriodEnd = ZemgaleAgreementData.PeriodEnd,
        };
        agreement.GenerateYears();
        BudgetLine[] lines =
        [
            new() { Ordinal = 1, Name = ZemgaleAgreementData.CivilSocietyLine, Agreement = agreement },
            new() { Ordinal = 2, Name = ZemgaleAgreementData.MinorityLine, ResultsHeading = ZemgaleAgreementData.MinorityResultsHeading, Agreement = agreement },
        ];
        agreement.BudgetLines.AddRange(lines);

        foreach (var data in ZemgaleAgreementData.Years)
        {
            var year = agreement.Years.Single(y => y.Number == data.Number);
            year.Status = data.Status;
            year.ReportedActualTotalCents = data.ReportedTotalCents;
            AddResults(year, lines[0], data.CivilSociety);
            AddResults(year, lines[1], data.Minority);
            for (var i = 0; i < lines.Length; i++)
            {
                year.PlannedAmounts.Add(new PlannedAmount { BudgetLine = lines[i], AmountCents = ZemgaleAgreementData.PlannedPerYearCents[i] });
                year.SpendingTotals.Add(new SpendingTotal { BudgetLine = lines[i], AmountCents = data.ActualCents[i] });
                if (data.CarriedOutCents[i] > 0)
                {
                    year.CarryOvers.Add(new CarryOver { BudgetLine = lines[i], AmountCents = data.CarriedOutCents[i] });
                }
            }
        }
        return agreement;
    }

    private static void AddResults(ImplementationYear year, BudgetLine line, ZemgaleAgreementData.Result[] results)
    {
        for (var i = 0; i < results.Length; i++)
        {
            var result = results[i];
            year.Activities.Add(new Activity
            {
                BudgetLine = line,
                Ordinal = i + 1,
                Text = result.Text,
                StartDate = result.Date,
                EndDate = result.Date,
                Place = result.Place,
                Indicators = (result.Indicators ?? [])
                    .Select(ind => new Indicator { Count = ind.Count, Unit = ind.Unit, Qualifier = ind.Qualifier })
                    .ToList(),
            });
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo agreement already present; left as it is")]
    private static partial void LogAgreementPresent(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo agreement (Zemgale 2022–2025) loaded")]
    private static partial void LogAgreementLoaded(ILogger logger);
}
