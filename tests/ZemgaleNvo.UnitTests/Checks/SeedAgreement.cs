using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Organisations;
using ZemgaleNvo.Domain.Reviews;

namespace ZemgaleNvo.UnitTests.Checks;

/// <summary>
/// The Zemgale 2022–2025 agreement as the demo data enters it (shared/seed/README.md), built in
/// memory: the five planning regions, the task text naming "Kurzemes reģionā", both budget lines,
/// every budget figure and carry-over, and the results lists (8 + 4, 7 + 3, 8 + 4) with their counts
/// and dates. Result texts are shortened: no rule reads them.
/// </summary>
internal static class SeedAgreement
{
    public const int CivilLineId = 11;
    public const int MinorityLineId = 12;

    public const string CivilLine = "pilsoniskās sabiedrības attīstībai Zemgales reģionā";
    public const string MinorityLine = "mazākumtautību nevalstisko organizāciju attīstības un ilgtspējas veicināšanai";

    public static readonly IReadOnlyList<Region> Regions =
    [
        new() { Id = 1, Code = "riga", Name = "Rīgas reģions", NameStem = "Rīgas" },
        new() { Id = 2, Code = "vidzeme", Name = "Vidzemes reģions", NameStem = "Vidzemes" },
        new() { Id = 3, Code = "kurzeme", Name = "Kurzemes reģions", NameStem = "Kurzemes" },
        new() { Id = 4, Code = "zemgale", Name = "Zemgales reģions", NameStem = "Zemgales" },
        new() { Id = 5, Code = "latgale", Name = "Latgales reģions", NameStem = "Latgales" },
    ];

    private sealed record Result(params (int Count, string Unit)[] Indicators)
    {
        public DateOnly? Date { get; init; }

        /// <summary>The document's wording where a rule reads it; a placeholder elsewhere.</summary>
        public string? Text { get; init; }
    }

    private sealed record YearData(int Number, ReviewStatus Status, Result[] Civil, Result[] Minority, long ReportedTotal, long[] Actual, long[] CarriedOut);

    private static readonly YearData[] Years =
    [
        new(1, ReviewStatus.Approved,
            [
                new(), new((8, "mācību semināri")), new((60, "konsultācijas")), new((30, "ziņas")),
                new((4, "Zemgales reģiona NVO")) { Date = new DateOnly(2023, 1, 28) },
                new() { Date = new DateOnly(2023, 5, 10) }, new(), new(),
            ],
            [new((2, "stratēģijas")), new((9, "mazākumtautību NVO")), new((15, "aktivitātes")), new()],
            49_000_00, [30_000_00, 19_000_00], [0, 0]),
        new(2, ReviewStatus.Approved,
            [
                new((2, "panelīdiskusijas"), (12, "mācību semināri / darbnīcas"))
                {
                    Text = "Sadarbībā ar Latvijas Kultūras akadēmiju nodrošināta dalība divās panelīdiskusijās par līdzdalību un funkciju deleģēšanu NVO sektoram. Kopumā nodrošināti 12 mācību semināri / darbnīcas",
                },
                new((2, "mācību semināri")),
                new((62, "konsultācijas")), new((25, "unikālās ziņas")), new((4, "Zemgales reģiona NVO")), new(), new(),
            ],
            [new(), new((6, "mazākumtautību NVO")), new((11, "aktivitātes"))],
            44_135_47, [36_785_82, 7_349_65], [120_80, 4_743_73]),
        new(3, ReviewStatus.Submitted,
            [
                new(), new((11, "mācību semināri")), new((60, "konsultācijas")), new((5, "ziņas e-pastu listē")),
                new((2, "info lapas")), new() { Date = new DateOnly(2024, 12, 21) }, new((4, "pasākumi")), new(),
            ],
            [new((6, "tiešsaistes apmācību semināri")), new((2, "stratēģijas")), new((6, "mazākumtautību biedrības")), new((12, "kultūras pasākumi"))],
            49_000_00, [23_987_03, 25_012_97], [0, 0]),
    ];

    public static DelegationAgreement Build()
    {
        var zemgale = Regions.Single(r => r.Code == "zemgale");
        var agreement = new DelegationAgreement
        {
            Id = 1,
            Type = AgreementType.Delegation,
            Title = "Par atsevišķu valsts pārvaldes uzdevumu veikšanu pilsoniskās sabiedrības un starpkultūru sadarbības attīstības " +
                    "un mazākumtautību nevalstisko organizāciju līdzdalības veicināšanas jomā Zemgales reģionā",
            TaskText = "Par atsevišķu valsts pārvaldes uzdevumu veikšanu pilsoniskās sabiedrības un starpkultūru sadarbības attīstības " +
                       "un mazākumtautību nevalstisko organizāciju līdzdalības veicināšanas jomā Kurzemes reģionā",
            Region = zemgale,
            RegionId = zemgale.Id,
            PeriodStart = new DateOnly(2022, 7, 15),
            PeriodEnd = new DateOnly(2025, 7, 14),
        };
        agreement.GenerateYears();
        BudgetLine[] lines =
        [
            new() { Id = CivilLineId, AgreementId = 1, Ordinal = 1, Name = CivilLine },
            new() { Id = MinorityLineId, AgreementId = 1, Ordinal = 2, Name = MinorityLine },
        ];
        agreement.BudgetLines.AddRange(lines);
        long[] plannedPerYear = [30_000_00, 19_000_00];

        var id = 100;
        foreach (var data in Years)
        {
            var year = agreement.Years.Single(y => y.Number == data.Number);
            year.Id = data.Number;
            year.AgreementId = 1;
            year.Status = data.Status;
            year.ReportedActualTotalCents = data.ReportedTotal;
            AddResults(year, lines[0], data.Civil, ref id);
            AddResults(year, lines[1], data.Minority, ref id);
            for (var i = 0; i < lines.Length; i++)
            {
                year.PlannedAmounts.Add(new PlannedAmount { Id = id++, ImplementationYearId = year.Id, BudgetLineId = lines[i].Id, AmountCents = plannedPerYear[i] });
                year.SpendingTotals.Add(new SpendingTotal { Id = id++, ImplementationYearId = year.Id, BudgetLineId = lines[i].Id, AmountCents = data.Actual[i] });
                if (data.CarriedOut[i] > 0)
                {
                    year.CarryOvers.Add(new CarryOver { Id = id++, ImplementationYearId = year.Id, BudgetLineId = lines[i].Id, AmountCents = data.CarriedOut[i] });
                }
            }
        }
        return agreement;
    }

    private static void AddResults(ImplementationYear year, BudgetLine line, Result[] results, ref int id)
    {
        for (var i = 0; i < results.Length; i++)
        {
            var activity = new Activity
            {
                Id = id++,
                ImplementationYearId = year.Id,
                BudgetLineId = line.Id,
                Ordinal = i + 1,
                Text = results[i].Text ?? "Rezultāts " + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                StartDate = results[i].Date,
                EndDate = results[i].Date,
            };
            foreach (var (count, unit) in results[i].Indicators)
            {
                activity.Indicators.Add(new Indicator { Id = id++, ActivityId = activity.Id, Count = count, Unit = unit });
            }
            year.Activities.Add(activity);
        }
    }
}
