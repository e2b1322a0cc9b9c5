using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Entry;
using ZemgaleNvo.Domain.Organisations;
using ZemgaleNvo.Infrastructure.Data;

namespace ZemgaleNvo.Infrastructure.Seeding;

/// <summary>The size of a generated agreement; the defaults are issue 18's "big agreement".</summary>
public sealed record LargeAgreementSize(int Years = 10, int Results = 2_000, int SpendingEntries = 5_000, int Seed = 18)
{
    public const int MaxYears = 30;
    public const int MaxRows = 200_000;

    /// <summary>Why the size cannot be generated, or null when it can.</summary>
    public string? Refusal() =>
        Years is < 1 or > MaxYears ? $"--years must be between 1 and {MaxYears}."
        : Results is < 0 or > MaxRows ? $"--results must be between 0 and {MaxRows}."
        : SpendingEntries is < 0 or > MaxRows ? $"--spending must be between 0 and {MaxRows}."
        : null;
}

/// <summary>
/// Generates one large agreement for load figures and paging tests (issue 18, must-have 5): its own
/// performer organisation, five budget lines with planned amounts, the given number of implementation
/// years, results with counts (some reporting on the agreement's performance indicators) and itemised
/// spending entries spread unevenly over years and lines, and each year's remainder carried over as
/// the year page would prefill it. Every draw comes from one seeded <see cref="Random"/>, so the same
/// size gives the same texts, dates and money on every run.
/// Everything is saved through <see cref="AppDbContext.SaveChangesAsync(bool, CancellationToken)"/>, like
/// data entered in the portal: audit rows, the agreement's data stamp and its kept dashboard figures
/// follow in the same transactions.
/// </summary>
public sealed class LargeAgreementGenerator(AppDbContext db)
{
    public const string PerformerName = "Biedrība „Lielā līguma NVO”";

    private static readonly (string Name, string? Heading, long PlannedPerYearCents)[] Lines =
    [
        ("pilsoniskās sabiedrības attīstībai reģionā", null, 42_000_00),
        ("mazākumtautību nevalstisko organizāciju atbalstam", "Mazākumtautību kapacitātes celšanai", 26_000_00),
        ("brīvprātīgā darba veicināšanai", null, 15_500_00),
        ("jauniešu līdzdalības programmām", "Jauniešu līdzdalībai", 11_000_00),
        ("administrēšanai un grāmatvedībai", null, 5_500_00),
    ];

    private static readonly (string Name, string Unit)[] PerformanceIndicators =
    [
        ("Mācību semināri NVO pārstāvjiem", "mācību semināri"),
        ("Konsultācijas iedzīvotājiem un NVO", "konsultācijas"),
        ("Publicētas ziņas par aktivitātēm", "ziņas"),
    ];

    private static readonly string[] ResultTexts =
    [
        "Organizēts mācību seminārs „{0}” reģiona NVO pārstāvjiem",
        "Sniegtas konsultācijas par tēmu „{0}” iedzīvotājiem un NVO pārstāvjiem",
        "Publicētas ziņas par aktivitāti „{0}” vietējos medijos un sociālajos tīklos",
        "Rīkota diskusija „{0}” ar pašvaldību un valsts pārvaldes pārstāvjiem",
        "Izveidota darba grupa „{0}” sadarbības stiprināšanai",
        "Organizēta meistarklase „{0}” mazākumtautību kopienām",
        "Sagatavots pārskats „{0}” par reģiona NVO vajadzībām",
    ];

    private static readonly string[] Topics =
    [
        "Līdzdalība lēmumu pieņemšanā", "Brīvprātīgais darbs", "Projektu rakstīšana", "Finanšu vadība NVO",
        "Sadarbība ar pašvaldībām", "Digitālās prasmes", "Kopienu attīstība", "Starpkultūru dialogs",
        "Jauniešu iniciatīvas", "Publiskā runa", "Dokumentu pārvaldība", "Sabiedrības informēšana",
    ];

    private static readonly string[] Places = ["Jelgava", "Bauska", "Dobele", "Jēkabpils", "Aizkraukle", "Auce", "Ozolnieki", "Iecava"];

    private static readonly string[] Units = ["dalībnieki", "NVO", "pašvaldības", "jaunieši", "brīvprātīgie"];

    private static readonly string[] Expenses =
    [
        "Telpu noma semināram", "Kafijas pauzes dalībniekiem", "Transporta izdevumi", "Grāmatvedības pakalpojumi",
        "Atlīdzība projekta vadītājam", "Kancelejas preces", "Lektora honorārs", "Drukas pakalpojumi",
        "Tīmekļvietnes uzturēšana", "Sakaru pakalpojumi", "Degviela", "Ēdināšana pasākumā",
    ];

    private static readonly string?[] Suppliers =
    [
        "SIA „Zemgales druka”", "SIA „Jelgavas telpas”", "AS „Latvijas sakari”", "SIA „Bauskas ēdnīca”",
        "IK „Grāmatvede”", "SIA „Ceļš un auto”", null, null,
    ];

    /// <summary>Creates the agreement and returns its id.</summary>
    public async Task<int> GenerateAsync(LargeAgreementSize size, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(size);
        if (size.Refusal() is { } refusal)
        {
            throw new ArgumentException(refusal, nameof(size));
        }
        await ReferenceData.EnsureRegionsAsync(db, cancellationToken);
        var region = await db.Regions.SingleAsync(r => r.Code == "zemgale", cancellationToken);
        var performer = await db.Organisations.SingleOrDefaultAsync(o => o.Name == PerformerName, cancellationToken);
        if (performer is null)
        {
            performer = new Organisation { Name = PerformerName, Region = region, RegionId = region.Id };
            db.Organisations.Add(performer);
            await db.SaveChangesAsync(cancellationToken);
        }

        var random = new Random(size.Seed);
        var agreement = Build(size, region, performer, random);
        db.Agreements.Add(agreement);
        await db.SaveChangesAsync(cancellationToken);

        // The carry-overs follow from the saved figures (the budget is computed over line ids), year
        // after year: what one year carries out changes what the next has left.
        foreach (var year in agreement.Years.OrderBy(y => y.Number).SkipLast(1))
        {
            var balance = Domain.Budget.AgreementBudget.Compute(agreement).Years.Single(b => b.YearNumber == year.Number);
            foreach (var (lineId, cents) in CarryOverPlan.Prefill(balance).Where(s => s.Value > 0))
            {
                year.CarryOvers.Add(new CarryOver { ImplementationYear = year, BudgetLineId = lineId, AmountCents = cents });
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return agreement.Id;
    }

    private static DelegationAgreement Build(LargeAgreementSize size, Region region, Organisation performer, Random random)
    {
        var start = new DateOnly(2016, 1, 1);
        var agreement = new DelegationAgreement
        {
            Type = AgreementType.Delegation,
            Number = $"DL-{size.Seed}/{size.Years}",
            Title = $"Pilsoniskās sabiedrības attīstība Zemgales reģionā ({size.Years} gadi, {size.Results} rezultāti, {size.SpendingEntries} izdevumi)",
            TaskText = "Par atsevišķu valsts pārvaldes uzdevumu veikšanu pilsoniskās sabiedrības attīstības jomā Zemgales reģionā",
            Region = region,
            RegionId = region.Id,
            Performer = performer,
            PerformerId = performer.Id,
            PeriodStart = start,
            PeriodEnd = start.AddYears(size.Years).AddDays(-1),
        };
        agreement.GenerateYears();
        var lines = Lines.Select((l, i) => new BudgetLine { Ordinal = i + 1, Name = l.Name, ResultsHeading = l.Heading, Agreement = agreement }).ToArray();
        agreement.BudgetLines.AddRange(lines);
        var years = agreement.Years.OrderBy(y => y.Number).ToList();

        var indicators = PerformanceIndicators.Select((p, i) => new PerformanceIndicator
        {
            Ordinal = i + 1, Name = p.Name, Unit = p.Unit, Agreement = agreement,
            Targets = years.Select(y => new IndicatorTarget { ImplementationYear = y, Count = 8 + 4 * i }).ToList(),
        }).ToList();
        agreement.PerformanceIndicators.AddRange(indicators);

        var resultsPerYear = Spread(size.Results, years.Count, random);
        var spendingPerYear = Spread(size.SpendingEntries, years.Count, random);
        for (var y = 0; y < years.Count; y++)
        {
            var year = years[y];
            year.EvaluationText = $"{year.Number}. īstenošanas gadā sasniegti {resultsPerYear[y]} rezultāti; izdevumi uzskaitīti {spendingPerYear[y]} ierakstos.";
            foreach (var (line, planned) in lines.Zip(Lines.Select(l => l.PlannedPerYearCents)))
            {
                year.PlannedAmounts.Add(new PlannedAmount { BudgetLine = line, ImplementationYear = year, AmountCents = planned });
            }
            AddResults(year, lines, indicators, resultsPerYear[y], random);
            AddSpending(year, lines, spendingPerYear[y], random);
        }
        return agreement;
    }

    private static void AddResults(ImplementationYear year, BudgetLine[] lines, List<PerformanceIndicator> indicators, int count, Random random)
    {
        var ordinals = new int[lines.Length];
        var days = year.EndDate.DayNumber - year.StartDate.DayNumber;
        for (var i = 0; i < count; i++)
        {
            // The first lines carry most of the results, as the money does; the administration line none.
            var l = Weighted(random, [5, 3, 2, 2, 0]);
            var template = random.Next(ResultTexts.Length);
            var date = year.StartDate.AddDays(random.Next(days + 1));
            var activity = new Activity
            {
                ImplementationYear = year,
                BudgetLine = lines[l],
                Ordinal = ++ordinals[l],
                Text = string.Format(System.Globalization.CultureInfo.InvariantCulture, ResultTexts[template], Topics[random.Next(Topics.Length)])
                    + $" ({year.Number}.{l + 1}.{ordinals[l]})",
                StartDate = date,
                EndDate = random.Next(4) == 0 ? date.AddDays(random.Next(1, 4)) : date,
                Place = random.Next(3) == 0 ? null : Places[random.Next(Places.Length)],
            };
            // The first three templates count what a performance indicator measures, and report on it.
            if (template < indicators.Count)
            {
                activity.Indicators.Add(new Indicator
                {
                    Count = random.Next(1, 6), Unit = indicators[template].Unit, Qualifier = IndicatorQualifier.Exactly,
                    PerformanceIndicator = indicators[template],
                });
            }
            if (random.Next(2) == 0)
            {
                activity.Indicators.Add(new Indicator
                {
                    Count = random.Next(5, 120), Unit = Units[random.Next(Units.Length)],
                    Qualifier = random.Next(3) == 0 ? IndicatorQualifier.AtLeast : IndicatorQualifier.Exactly,
                });
            }
            year.Activities.Add(activity);
        }
    }

    /// <summary>Entries with random weights, scaled per line so a line spends 85–100 % of what it plans.</summary>
    private static void AddSpending(ImplementationYear year, BudgetLine[] lines, int count, Random random)
    {
        var days = year.EndDate.DayNumber - year.StartDate.DayNumber;
        var entries = new List<(int Line, int Weight, SpendingEntry Entry)>();
        for (var i = 0; i < count; i++)
        {
            var l = Weighted(random, [8, 5, 3, 2, 2]);
            var expense = random.Next(Expenses.Length);
            entries.Add((l, random.Next(20, 400), new SpendingEntry
            {
                ImplementationYear = year,
                BudgetLine = lines[l],
                Date = year.StartDate.AddDays(random.Next(days + 1)),
                Description = Expenses[expense],
                Supplier = Suppliers[random.Next(Suppliers.Length)],
                DocumentNumber = $"R-{year.StartDate.Year}/{i + 1:D4}",
            }));
        }
        for (var l = 0; l < lines.Length; l++)
        {
            var line = entries.Where(e => e.Line == l).ToList();
            if (line.Count == 0)
            {
                continue;
            }
            var target = Lines[l].PlannedPerYearCents * random.Next(85, 101) / 100;
            long weights = line.Sum(e => e.Weight), given = 0;
            foreach (var (_, weight, entry) in line.SkipLast(1))
            {
                entry.AmountCents = target * weight / weights;
                given += entry.AmountCents;
            }
            line[^1].Entry.AmountCents = target - given;
        }
        year.SpendingEntries.AddRange(entries.Select(e => e.Entry));
    }

    /// <summary>Splits a total over the years unevenly (each year 70–130 % of an even share), adding up exactly.</summary>
    private static int[] Spread(int total, int parts, Random random)
    {
        var weights = Enumerable.Range(0, parts).Select(_ => random.Next(70, 131)).ToArray();
        var sum = weights.Sum();
        var counts = weights.Select(w => (int)((long)total * w / sum)).ToArray();
        counts[^1] += total - counts.Sum();
        return counts;
    }

    private static int Weighted(Random random, int[] weights)
    {
        var pick = random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            if (pick < weights[i])
            {
                return i;
            }
            pick -= weights[i];
        }
        return weights.Length - 1;
    }
}
