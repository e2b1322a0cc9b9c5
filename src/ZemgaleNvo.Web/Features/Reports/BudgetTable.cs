using ZemgaleNvo.Web.Formatting;

namespace ZemgaleNvo.Web.Features.Reports;

/// <summary>What a row of the budget table stands for.</summary>
public enum BudgetRowKind
{
    /// <summary>One budget line in one year.</summary>
    Line,

    /// <summary>A year's total over its lines (a subtotal).</summary>
    YearTotal,

    /// <summary>One budget line over the whole period.</summary>
    PeriodLine,

    /// <summary>The grand total of the whole period.</summary>
    PeriodTotal,
}

/// <summary>The amount columns of the budget table, in the order every output writes them.</summary>
public enum BudgetAmount
{
    Planned,
    CarriedIn,
    ReallocatedIn,
    ReallocatedOut,
    Available,
    Actual,
    Remaining,
    CarriedOut,
}

/// <summary>An amount column: its heading in the report's language and its key in the page's markup (<c>data-col</c>).</summary>
public sealed record BudgetColumn(BudgetAmount Amount, string Key, string Heading);

/// <summary>
/// One row of the budget table: its two text cells (the year, "I" or "Visā periodā", and the line,
/// its name or "Kopā"), its amounts in <see cref="BudgetTable.AmountColumns"/> order and its
/// execution. A figure the model does not have for this kind of row (a year total's reallocations,
/// a period's execution) is null and every output leaves that cell blank.
/// </summary>
public sealed record BudgetRow(
    BudgetRowKind Kind,
    int? YearNumber,
    ReportLine? Line,
    string YearLabel,
    string LineLabel,
    IReadOnlyList<long?> Amounts,
    decimal? ExecutionPercent)
{
    public bool IsTotal => Kind != BudgetRowKind.Line;

    /// <summary>A row over the whole period (a line's period total or the grand total).</summary>
    public bool IsPeriod => Kind is BudgetRowKind.PeriodLine or BudgetRowKind.PeriodTotal;

    /// <summary>Whether the row has an execution cell at all: the period rows leave it blank, a line without plan shows "–".</summary>
    public bool HasExecution => !IsPeriod;

    public long? this[BudgetAmount amount] => Amounts[(int)amount];
}

/// <summary>
/// The budget table ("Finansējuma izlietojums pa budžeta pozīcijām"), computed once from the
/// report model and written by every output: the page's table, the PDF's tables (per line and in
/// total, and the yearly report's table turned on its side), the spreadsheet's "Finansējums" sheet
/// and the CSV. The rows come in the order the summary page shows them: per year its lines and the
/// year's total, then every line over the whole period and the grand total. Nothing here formats a
/// figure and no output computes one of its own.
/// </summary>
public sealed class BudgetTable
{
    private BudgetTable(ReportText text, IReadOnlyList<BudgetColumn> amountColumns, IReadOnlyList<BudgetRow> rows)
    {
        Text = text;
        AmountColumns = amountColumns;
        Rows = rows;
    }

    private ReportText Text { get; }

    /// <summary>"Finansējuma izlietojums pa budžeta pozīcijām, euro".</summary>
    public string Caption => Text.BudgetTableSection;

    public string YearHeading => Text.Year;

    public string LineHeading => Text.Line;

    public string ExecutionHeading => Text.Execution;

    public IReadOnlyList<BudgetColumn> AmountColumns { get; }

    public IReadOnlyList<BudgetRow> Rows { get; }

    /// <summary>The years' rows (lines and year totals).</summary>
    public IEnumerable<BudgetRow> YearRows => Rows.Where(r => !r.IsPeriod);

    /// <summary>The whole period's rows (each line, then the grand total).</summary>
    public IEnumerable<BudgetRow> PeriodRows => Rows.Where(r => r.IsPeriod);

    public static BudgetTable For(SummaryReport report, ReportText text)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(text);
        var rows = new List<BudgetRow>();
        foreach (var year in report.Years)
        {
            var label = ReportFormat.Roman(year.Number);
            rows.AddRange(year.Budget.Select(b => new BudgetRow(
                BudgetRowKind.Line, year.Number, b.Line, label, b.Line.Name,
                [b.PlannedCents, b.CarriedInCents, b.ReallocatedInCents, b.ReallocatedOutCents, b.AvailableCents, b.ActualCents, b.RemainingCents, b.CarriedOutCents],
                b.ExecutionPercent)));
            rows.Add(new BudgetRow(
                BudgetRowKind.YearTotal, year.Number, null, label, text.Total,
                [year.PlannedCents, year.CarriedInCents, null, null, year.AvailableCents, year.ActualCents, year.RemainingCents, year.CarriedOutCents],
                year.ExecutionPercent));
        }

        // The whole period has no carry-over: carrying moves money between years (a cent carried twice
        // would count twice), it is neither spending nor a return (issue 13). What the period leaves is
        // stated per line as the money to return and the overspend (ReportText.ReturnNote, the returns table).
        rows.AddRange(report.LineTotals.Select(t => new BudgetRow(
            BudgetRowKind.PeriodLine, null, t.Line, text.WholePeriod, t.Line.Name,
            [t.PlannedCents, null, null, null, null, t.ActualCents, null, null],
            null)));
        var totals = report.Totals;
        rows.Add(new BudgetRow(
            BudgetRowKind.PeriodTotal, null, null, text.WholePeriod, text.Total,
            [totals.PlannedCents, null, null, null, null, totals.ActualCents, null, null],
            null));

        BudgetColumn[] columns =
        [
            new(BudgetAmount.Planned, "planned", text.Planned),
            new(BudgetAmount.CarriedIn, "carried-in", text.CarriedIn),
            new(BudgetAmount.ReallocatedIn, "reallocated-in", text.ReallocatedIn),
            new(BudgetAmount.ReallocatedOut, "reallocated-out", text.ReallocatedOut),
            new(BudgetAmount.Available, "available", text.Available),
            new(BudgetAmount.Actual, "actual", text.Actual),
            new(BudgetAmount.Remaining, "remaining", text.Remaining),
            new(BudgetAmount.CarriedOut, "carried-out", text.CarriedOut),
        ];
        return new BudgetTable(text, columns, rows);
    }

    /// <summary>The same table with only one year's rows (the yearly report shows no period totals).</summary>
    public BudgetTable ForYear(int number) => new(Text, AmountColumns, [.. Rows.Where(r => r.YearNumber == number)]);

    /// <summary>Whether any year moved money between lines (the PDF leaves the reallocation columns out otherwise).</summary>
    public bool HasReallocations => Rows.Any(r => r.Kind == BudgetRowKind.Line
        && (r[BudgetAmount.ReallocatedIn] is not (null or 0) || r[BudgetAmount.ReallocatedOut] is not (null or 0)));

    /// <summary>Every heading, for a flat table (spreadsheet, CSV): the execution heading says its unit there, the cells being plain numbers.</summary>
    public IReadOnlyList<string> FlatHeadings() =>
        [YearHeading, LineHeading, .. AmountColumns.Select(c => c.Heading), $"{ExecutionHeading}, %"];
}
