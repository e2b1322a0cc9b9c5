using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Checks;
using ZemgaleNvo.Domain.Organisations;
using ZemgaleNvo.Domain.Reviews;

namespace ZemgaleNvo.UnitTests.Checks;

/// <summary>
/// Builds small, made-up agreements for the rule tests: a Latgale agreement from 1 March 2021 with
/// as many implementation years as asked, ids assigned as a database would. Rule tests start from
/// <see cref="Balanced"/> (every line spends its plan and reports a result) and break one thing.
/// </summary>
internal sealed class AgreementBuilder
{
    public static readonly Region Latgale = new() { Id = 1, Name = "Latgales reģions", NameStem = "Latgales", Code = "latgale" };
    public static readonly Region Vidzeme = new() { Id = 2, Name = "Vidzemes reģions", NameStem = "Vidzemes", Code = "vidzeme" };
    public static readonly Region Kurzeme = new() { Id = 3, Name = "Kurzemes reģions", NameStem = "Kurzemes", Code = "kurzeme" };
    public static readonly IReadOnlyList<Region> Regions = [Latgale, Vidzeme, Kurzeme];

    public static readonly DateOnly Start = new(2021, 3, 1);

    private int nextId = 100;

    public AgreementBuilder(int years = 2, string taskText = "Par kultūras mantojuma popularizēšanu Latgales reģionā")
    {
        Agreement = new DelegationAgreement
        {
            Id = 7,
            Title = "Kultūras mantojums Latgalē",
            TaskText = taskText,
            Region = Latgale,
            RegionId = Latgale.Id,
            PeriodStart = Start,
            PeriodEnd = Start.AddYears(years).AddDays(-1),
        };
        Agreement.GenerateYears();
        foreach (var year in Agreement.Years)
        {
            year.Id = NextId();
            year.AgreementId = Agreement.Id;
        }
    }

    public DelegationAgreement Agreement { get; }

    /// <summary>Two lines, "museums" 10 000,00 and "festivals" 5 000,00 a year, each spending its plan, each with one result.</summary>
    public static AgreementBuilder Balanced(int years = 2)
    {
        var builder = new AgreementBuilder(years);
        var museums = builder.Line("muzeju programmām", 10_000_00);
        var festivals = builder.Line("novada festivāliem", 5_000_00);
        foreach (var year in builder.Agreement.Years)
        {
            builder.Spent(year.Number, museums, 10_000_00).Spent(year.Number, festivals, 5_000_00);
            builder.Result(year.Number, museums);
            builder.Result(year.Number, festivals);
        }
        return builder;
    }

    public BudgetLine Museums => Agreement.BudgetLines[0];
    public BudgetLine Festivals => Agreement.BudgetLines[1];

    public ImplementationYear Year(int number) => Agreement.Years.Single(y => y.Number == number);

    /// <summary>A line planned at the same amount every year.</summary>
    public BudgetLine Line(string name, long plannedPerYearCents)
    {
        var line = new BudgetLine { Id = NextId(), AgreementId = Agreement.Id, Agreement = Agreement, Ordinal = Agreement.BudgetLines.Count + 1, Name = name };
        Agreement.BudgetLines.Add(line);
        foreach (var year in Agreement.Years)
        {
            year.PlannedAmounts.Add(new PlannedAmount { Id = NextId(), BudgetLineId = line.Id, ImplementationYearId = year.Id, AmountCents = plannedPerYearCents });
        }
        return line;
    }

    public AgreementBuilder Planned(int year, BudgetLine line, long cents)
    {
        var planned = Year(year).PlannedAmounts.Single(p => p.BudgetLineId == line.Id);
        planned.AmountCents = cents;
        return this;
    }

    /// <summary>Sets the line's reported actual for the year (one total, not itemised).</summary>
    public AgreementBuilder Spent(int year, BudgetLine line, long cents)
    {
        var totals = Year(year).SpendingTotals;
        totals.RemoveAll(t => t.BudgetLineId == line.Id);
        totals.Add(new SpendingTotal { Id = NextId(), ImplementationYearId = Year(year).Id, BudgetLineId = line.Id, AmountCents = cents });
        return this;
    }

    public AgreementBuilder Itemised(int year, BudgetLine line, long cents)
    {
        Year(year).SpendingEntries.Add(new SpendingEntry
        {
            Id = NextId(), ImplementationYearId = Year(year).Id, BudgetLineId = line.Id, AmountCents = cents,
            Date = Year(year).StartDate, Description = "rēķins",
        });
        return this;
    }

    public AgreementBuilder ReportedTotal(int year, long cents)
    {
        Year(year).ReportedActualTotalCents = cents;
        return this;
    }

    public AgreementBuilder Carried(int year, BudgetLine line, long cents)
    {
        Year(year).CarryOvers.Add(new CarryOver { Id = NextId(), ImplementationYearId = Year(year).Id, BudgetLineId = line.Id, AmountCents = cents });
        return this;
    }

    public AgreementBuilder Reallocated(int year, BudgetLine from, BudgetLine to, long cents)
    {
        Year(year).Reallocations.Add(new Reallocation
        {
            Id = NextId(), ImplementationYearId = Year(year).Id, FromBudgetLineId = from.Id, ToBudgetLineId = to.Id,
            AmountCents = cents, Reason = "ministrijas piekrišana",
        });
        return this;
    }

    public AgreementBuilder Status(int year, ReviewStatus status)
    {
        Year(year).Status = status;
        return this;
    }

    /// <summary>Adds the next numbered result of the line's list in that year, counting the given indicators.</summary>
    public Activity Result(int year, BudgetLine line, params (int Count, string Unit)[] indicators) =>
        Result(year, line, null, null, indicators);

    public Activity Result(int year, BudgetLine line, DateOnly? start, DateOnly? end, params (int Count, string Unit)[] indicators)
    {
        var target = Year(year);
        var activity = new Activity
        {
            Id = NextId(),
            ImplementationYearId = target.Id,
            BudgetLineId = line.Id,
            Ordinal = target.Activities.Count(a => a.BudgetLineId == line.Id) + 1,
            Text = "Rezultāts",
            StartDate = start,
            EndDate = end,
        };
        activity.Indicators.AddRange(indicators.Select(i => new Indicator { Id = NextId(), ActivityId = activity.Id, Count = i.Count, Unit = i.Unit }));
        target.Activities.Add(activity);
        return activity;
    }

    public NonCompliantExpenditure NonCompliant(int year, BudgetLine line, long amountCents, long recoveredCents, DateOnly? recoveredOn = null)
    {
        var expenditure = new NonCompliantExpenditure
        {
            Id = NextId(), ImplementationYearId = Year(year).Id, BudgetLineId = line.Id,
            AmountCents = amountCents, RecoveredCents = recoveredCents, RecoveredOn = recoveredOn, Reason = "degviela bez maršruta lapas",
        };
        Year(year).NonCompliantExpenditures.Add(expenditure);
        return expenditure;
    }

    public IReadOnlyList<ConsistencyFinding> Findings(IConsistencyRule rule) =>
        rule.Check(new ConsistencyCheckContext(Agreement, Regions)).ToList();

    public IReadOnlyList<ConsistencyFinding> AllFindings() => ConsistencyChecker.Check(Agreement, Regions);

    private int NextId() => nextId++;
}

internal static class Lv
{
    /// <summary>An amount as the Latvian messages write it: "6 785,82" with no-break spaces between thousands.</summary>
    public static string Amount(string plain) => plain.Replace(' ', '\u00A0');

    /// <summary>"6 785,82 euro" as the Latvian messages write it.</summary>
    public static string Euro(string plain) => Amount(plain) + " euro";
}
