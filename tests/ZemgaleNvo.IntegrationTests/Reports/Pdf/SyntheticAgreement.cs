using System.Globalization;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Organisations;

namespace ZemgaleNvo.IntegrationTests.Reports.Pdf;

/// <summary>
/// A large agreement built in memory (no database): many years, many results per year, each with
/// a unique marker ("Aktivitāte 7-123:") so a test can find every one of them in the PDF.
/// </summary>
internal static class SyntheticAgreement
{
    public static readonly IReadOnlyList<Region> Regions =
    [
        new() { Id = 1, Code = "zemgale", Name = "Zemgales reģions", NameStem = "Zemgales" },
        new() { Id = 2, Code = "kurzeme", Name = "Kurzemes reģions", NameStem = "Kurzemes" },
    ];

    public static readonly string[] LineNames =
    [
        "pilsoniskās sabiedrības attīstībai Zemgales reģionā",
        "mazākumtautību nevalstisko organizāciju attīstības un ilgtspējas veicināšanai",
        "jauniešu līdzdalības un brīvprātīgā darba veicināšanai",
        "reģiona nevalstisko organizāciju informatīvajam atbalstam",
    ];

    /// <summary>The marker that starts the text of result <paramref name="number"/> of year <paramref name="year"/>.</summary>
    public static string Marker(int year, int number) => string.Create(CultureInfo.InvariantCulture, $"Aktivitāte {year}-{number}:");

    public static string SpendingMarker(int number) => string.Create(CultureInfo.InvariantCulture, $"Rēķins R-{number}/");

    /// <param name="years">Implementation years, 15.07 to 14.07, from 2015.</param>
    /// <param name="activitiesPerYear">Results per year, spread over the budget lines.</param>
    /// <param name="spendingEntries">Itemised spending entries in year 3 (the other years report one total per line).</param>
    public static DelegationAgreement Build(int years, int activitiesPerYear, int spendingEntries = 0)
    {
        var region = Regions[0];
        var agreement = new DelegationAgreement
        {
            Id = 900,
            Title = "Par atsevišķu valsts pārvaldes uzdevumu veikšanu pilsoniskās sabiedrības attīstības jomā Zemgales reģionā (sintētisks līgums)",
            TaskText = "Par atsevišķu valsts pārvaldes uzdevumu veikšanu pilsoniskās sabiedrības attīstības jomā Zemgales reģionā",
            RegionId = region.Id,
            Region = region,
            PerformerId = 7,
            Performer = new Organisation { Id = 7, Name = "Biedrība „Sintētiskais NVO centrs”", RegionId = region.Id, Region = region },
            PeriodStart = new DateOnly(2015, 7, 15),
            PeriodEnd = new DateOnly(2015 + years, 7, 14),
            OtherInformation = "Ģenerēts testam: ļoti daudz rezultātu, četras budžeta pozīcijas, pārdales un neatbilstoši izdevumi.",
        };
        for (var l = 0; l < LineNames.Length; l++)
        {
            agreement.BudgetLines.Add(new BudgetLine
            {
                Id = l + 1,
                AgreementId = agreement.Id,
                Ordinal = l + 1,
                Name = LineNames[l],
                ResultsHeading = l == 0 ? null : $"Pozīcijas {l + 1} rezultāti",
            });
        }

        agreement.GenerateYears();
        var activityId = 1;
        var rowId = 1;
        foreach (var year in agreement.Years)
        {
            year.Id = year.Number;
            year.AgreementId = agreement.Id;
            year.EvaluationText = $"Gada {year.Number} uzdevumi izpildīti pilnā apmērā.";
            foreach (var line in agreement.BudgetLines)
            {
                var planned = (20_000_00L + (line.Ordinal * 3_333_33L)) * (1 + (year.Number % 3));
                year.PlannedAmounts.Add(new PlannedAmount { Id = rowId++, BudgetLineId = line.Id, ImplementationYearId = year.Id, AmountCents = planned });
                if (!(spendingEntries > 0 && year.Number == 3))
                {
                    year.SpendingTotals.Add(new SpendingTotal { Id = rowId++, BudgetLineId = line.Id, ImplementationYearId = year.Id, AmountCents = planned - (line.Ordinal * 1_234_56L) });
                }
            }

            if (year.Number % 4 == 2)
            {
                year.Reallocations.Add(new Reallocation
                {
                    Id = rowId++, ImplementationYearId = year.Id, FromBudgetLineId = 2, ToBudgetLineId = 1, AmountCents = 1_500_00,
                    Reason = "Semināru izmaksas pārsniedza plānoto", Reference = "Vēstule Nr. 4-2/17",
                });
            }

            if (year.Number == 4)
            {
                year.NonCompliantExpenditures.Add(new NonCompliantExpenditure
                {
                    Id = rowId++, ImplementationYearId = year.Id, BudgetLineId = 3, AmountCents = 845_20, Reason = "Izdevumi bez attaisnojuma dokumenta",
                    RecoveredCents = 300_00, RecoveredOn = new DateOnly(2019, 10, 1),
                });
            }

            for (var n = 1; n <= activitiesPerYear; n++)
            {
                var line = agreement.BudgetLines[(n - 1) * agreement.BudgetLines.Count / activitiesPerYear];
                var filler = n % 3 == 0
                    ? " Aktivitātes ietvaros organizēts seminārs par nevalstisko organizāciju attīstībai svarīgiem jautājumiem, sniegtas konsultācijas un publicētas ziņas par projekta gaitu"
                    : string.Empty;
                year.Activities.Add(new Activity
                {
                    Id = activityId++,
                    ImplementationYearId = year.Id,
                    BudgetLineId = line.Id,
                    Ordinal = year.Activities.Count(a => a.BudgetLineId == line.Id) + 1,
                    Text = $"{Marker(year.Number, n)} nodrošināta dalība pasākumā Nr. {n} kopā ar {n % 40} dalībniekiem{filler}",
                    StartDate = year.StartDate.AddDays(n % 300),
                    Place = n % 5 == 0 ? "Jelgava" : null,
                    // A unit of its own per result: the same unit in many results of a strand would (rightly) fill the annex with possible double counts.
                    Indicators = n % 4 == 0 ? [new Indicator { Count = n % 40, Unit = $"dalībnieki pasākumā Nr. {n}", Qualifier = IndicatorQualifier.AtLeast }] : [],
                });
            }

            if (spendingEntries > 0 && year.Number == 3)
            {
                for (var s = 1; s <= spendingEntries; s++)
                {
                    var line = agreement.BudgetLines[s % agreement.BudgetLines.Count];
                    year.SpendingEntries.Add(new SpendingEntry
                    {
                        Id = rowId++,
                        ImplementationYearId = year.Id,
                        BudgetLineId = line.Id,
                        Date = year.StartDate.AddDays(s % 360),
                        Description = $"{SpendingMarker(s)} kancelejas preces un telpu noma semināram",
                        Supplier = s % 2 == 0 ? "SIA „Zemgales grāmatnīca”" : "Jelgavas novada pašvaldība",
                        DocumentNumber = string.Create(CultureInfo.InvariantCulture, $"PZ-{s:000}"),
                        AmountCents = 100_00 + s,
                    });
                }
            }
        }

        return agreement;
    }
}
