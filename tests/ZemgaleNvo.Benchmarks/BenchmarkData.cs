using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Organisations;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Infrastructure.Seeding;
using ZemgaleNvo.Web.Features.Reports;

namespace ZemgaleNvo.Benchmarks;

/// <summary>
/// Report models to render: the demo agreement as the seeding enters it, and a synthetic
/// agreement of any size. Both go through a real (in-memory) SQLite database so ids are assigned
/// and the report is built by the same query the web page uses.
/// </summary>
public static class BenchmarkData
{
    public static SummaryReport DemoSummary() => Build((db, zemgale, performer) => DemoDataSeeder.BuildZemgaleAgreement(zemgale, performer));

    /// <param name="years">Implementation years (each 12 months from 1 January 2015).</param>
    /// <param name="activitiesPerYear">Results per year, spread over the two strands.</param>
    public static SummaryReport Synthetic(int years, int activitiesPerYear) => Build((db, zemgale, performer) =>
    {
        var agreement = new DelegationAgreement
        {
            Title = "Sintētisks līgums veiktspējas mērījumiem",
            TaskText = "Par atsevišķu valsts pārvaldes uzdevumu veikšanu pilsoniskās sabiedrības attīstības jomā Zemgales reģionā",
            Region = zemgale,
            RegionId = zemgale.Id,
            Performer = performer,
            PerformerId = performer.Id,
            PeriodStart = new DateOnly(2015, 1, 1),
            PeriodEnd = new DateOnly(2015 + years, 1, 1).AddDays(-1),
        };
        agreement.GenerateYears();
        BudgetLine[] lines =
        [
            new() { Ordinal = 1, Name = "pilsoniskās sabiedrības attīstībai", Agreement = agreement },
            new() { Ordinal = 2, Name = "mazākumtautību organizāciju atbalstam", ResultsHeading = "Mazākumtautību kapacitātes celšanai", Agreement = agreement },
        ];
        agreement.BudgetLines.AddRange(lines);
        foreach (var year in agreement.Years)
        {
            for (var i = 0; i < activitiesPerYear; i++)
            {
                var line = lines[i % 2];
                year.Activities.Add(new Activity
                {
                    BudgetLine = line,
                    Ordinal = i / 2 + 1,
                    Text = $"Aktivitāte {year.Number}-{i + 1}: organizēts mācību seminārs reģiona nevalstisko organizāciju pārstāvjiem par līdzdalību, brīvprātīgo darbu un sadarbību ar pašvaldībām",
                    Indicators = [new Indicator { Count = i % 40 + 1, Unit = "dalībnieki", Qualifier = IndicatorQualifier.AtLeast }],
                });
            }
            for (var l = 0; l < lines.Length; l++)
            {
                year.PlannedAmounts.Add(new PlannedAmount { BudgetLine = lines[l], AmountCents = 30_000_00 - l * 11_000_00 });
                year.SpendingTotals.Add(new SpendingTotal { BudgetLine = lines[l], AmountCents = 29_500_00 - l * 11_000_00 + year.Number * 1_23 });
            }
        }
        return agreement;
    });

    private static SummaryReport Build(Func<AppDbContext, Region, Organisation, DelegationAgreement> agreement)
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        var options = new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlite(connection, o => o.MigrationsAssembly(DatabaseRegistration.SqliteMigrationsAssembly))
            .Options;
        using var db = new AppDbContext(options, UnrestrictedDataScope.Instance);
        db.Database.Migrate();
        ReferenceData.EnsureRegionsAsync(db).GetAwaiter().GetResult();
        var zemgale = db.Regions.Single(r => r.Code == "zemgale");
        var performer = new Organisation { Name = ZemgaleAgreementData.PerformerName, Region = zemgale, RegionId = zemgale.Id };
        db.Organisations.Add(performer);
        db.SaveChanges();
        var entity = agreement(db, zemgale, performer);
        db.Agreements.Add(entity);
        db.SaveChanges();
        db.ChangeTracker.Clear();
        return new SummaryReportQuery(db, new SummaryReportCache()).RunAsync(entity.Id, CancellationToken.None).GetAwaiter().GetResult()
            ?? throw new InvalidOperationException("The agreement just saved was not found.");
    }
}
