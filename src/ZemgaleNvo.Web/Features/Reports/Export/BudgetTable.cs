namespace ZemgaleNvo.Web.Features.Reports.Export;

/// <summary>What a row of the budget table stands for.</summary>
public enum BudgetRowKind
{
    /// <summary>One budget line in one year.</summary>
    Line,

    /// <summary>A year's total over its lines.</summary>
    YearTotal,

    /// <summary>One budget line over the whole period.</summary>
    PeriodLine,

    /// <summary>The grand total of the whole period.</summary>
    PeriodTotal,
}

/// <summary>
/// One row of the budget table. A figure the model does not have for this kind of row (a year's
/// reallocations, a period's execution) is null and left blank, exactly as the HTML table leaves it.
/// </summary>
public sealed record BudgetRow(
    BudgetRowKind Kind,
    int? YearNumber,
    ReportLine? Line,
    long? PlannedCents,
    long? CarriedInCents,
    long? ReallocatedInCents,
    long? ReallocatedOutCents,
    long? AvailableCents,
    long? ActualCents,
    long? RemainingCents,
    long? CarriedOutCents,
    decimal? ExecutionPercent)
{
    public bool IsTotal => Kind != BudgetRowKind.Line;

    /// <summary>"I" for a year's rows, "Visā periodā" for the period's.</summary>
    public string YearLabel(ReportText text) =>
        YearNumber is { } number ? ReportFormat.Roman(number) : text.WholePeriod;

    /// <summary>The line's name, or "Kopā" on a total row.</summary>
    public string LineLabel(ReportText text) => Line?.Name ?? text.Total;
}

/// <summary>
/// The rows of the budget table ("Finansējuma izlietojums pa budžeta pozīcijām") in the order the
/// summary page shows them: per year its lines and the year's total, then every line over the whole
/// period and the grand total. The spreadsheet and the CSV both write these rows, so they carry the
/// same figures as the page's table, cell for cell; nothing here computes a figure of its own.
/// </summary>
public static class BudgetTable
{
    public static IReadOnlyList<BudgetRow> Rows(SummaryReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rows = new List<BudgetRow>();
        foreach (var year in report.Years)
        {
            rows.AddRange(year.Budget.Select(b => new BudgetRow(
                BudgetRowKind.Line, year.Number, b.Line, b.PlannedCents, b.CarriedInCents, b.ReallocatedInCents,
                b.ReallocatedOutCents, b.AvailableCents, b.ActualCents, b.RemainingCents, b.CarriedOutCents, b.ExecutionPercent)));
            rows.Add(new BudgetRow(
                BudgetRowKind.YearTotal, year.Number, null, year.PlannedCents, year.CarriedInCents, null, null,
                year.AvailableCents, year.ActualCents, year.RemainingCents, year.CarriedOutCents, year.ExecutionPercent));
        }
        rows.AddRange(report.LineTotals.Select(t => new BudgetRow(
            BudgetRowKind.PeriodLine, null, t.Line, t.PlannedCents, null, null, null, null, t.ActualCents, null, t.CarriedOutCents, null)));
        var totals = report.Totals;
        rows.Add(new BudgetRow(
            BudgetRowKind.PeriodTotal, null, null, totals.PlannedCents, null, null, null, null, totals.ActualCents,
            totals.FinalRemainingCents, totals.CarriedOverCents, null));
        return rows;
    }

    /// <summary>The column headings, in the report's language, as the page's table has them.</summary>
    public static IReadOnlyList<string> Headings(ReportText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [text.Year, text.Line, text.Planned, text.CarriedIn, text.ReallocatedIn, text.ReallocatedOut,
            text.Available, text.Actual, text.Remaining, text.CarriedOut, $"{text.Execution}, %"];
    }

    /// <summary>The row's amounts in column order, from <see cref="ReportText.Planned"/> to <see cref="ReportText.CarriedOut"/>.</summary>
    public static IReadOnlyList<long?> Amounts(BudgetRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return [row.PlannedCents, row.CarriedInCents, row.ReallocatedInCents, row.ReallocatedOutCents, row.AvailableCents,
            row.ActualCents, row.RemainingCents, row.CarriedOutCents];
    }
}
