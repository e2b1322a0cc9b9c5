using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Web.Formatting;

namespace ZemgaleNvo.Web.Features.Reports;

/// <summary>
/// One performance indicator in one year in the report model: the target, what the performer's
/// counts add up to (<see cref="IndicatorProgress"/>), whether that meets the target and the share.
/// </summary>
public sealed record ReportIndicatorYear(
    int IndicatorId,
    int Ordinal,
    string Name,
    string Unit,
    IndicatorQualifier Qualifier,
    int YearNumber,
    int? Target,
    int Achieved,
    IndicatorQualifier AchievedQualifier,
    int CountsReported,
    bool? Met,
    decimal? Percent)
{
    public static IReadOnlyList<ReportIndicatorYear> From(DelegationAgreement agreement) =>
        IndicatorProgress.Compute(agreement)
            .Select(p => new ReportIndicatorYear(
                p.Indicator.Id, p.Indicator.Ordinal, p.Indicator.Name, p.Indicator.Unit, p.Indicator.Qualifier,
                p.Year.Number, p.Target, p.Achieved, p.AchievedQualifier, p.CountsReported, p.Met, p.Percent))
            .ToList();
}

/// <summary>A row of the indicator table, its cells as every output writes them.</summary>
/// <param name="Indicator">"Mācību semināri (semināri)": the name with the unit counted.</param>
/// <param name="Target">"vismaz 8", or "–" for a year without a target.</param>
/// <param name="Achieved">"vairāk kā 60", or "0" when no count names the indicator.</param>
public sealed record IndicatorTableRow(ReportIndicatorYear Source, string Indicator, string YearLabel, string Target, string Achieved, decimal? Percent)
{
    /// <summary>Below the target: the deviation the year report's findings ask an explanation for.</summary>
    public bool BelowTarget => Source.Met == false;
}

/// <summary>
/// The indicator table ("Rezultatīvie rādītāji: mērķis un sasniegtais"): per performance indicator
/// and year, target, achieved and %. Computed once from the report model and written by every
/// output (page, PDF, spreadsheet; the JSON carries the model's figures), so they cannot disagree.
/// </summary>
public sealed class IndicatorTable
{
    private IndicatorTable(ReportFormat format, IReadOnlyList<IndicatorTableRow> rows)
    {
        Format = format;
        Rows = rows;
    }

    private ReportFormat Format { get; }

    private TextCatalogue L => Format.Words;

    public string Caption => L["Rezultatīvie rādītāji: mērķis un sasniegtais"];
    public string IndicatorHeading => L["Rādītājs"];
    public string YearHeading => L["Gads"];
    public string TargetHeading => L["Mērķis"];
    public string AchievedHeading => L["Sasniegts"];
    public string PercentHeading => L["Izpilde"];

    /// <summary>What stands where the agreement has no indicators.</summary>
    public string NoIndicators => L["Līgumā rezultatīvie rādītāji ar mērķiem nav ievadīti."];

    public IReadOnlyList<IndicatorTableRow> Rows { get; }

    /// <summary>"75,0 %" / "75.0 %", or "–" without a target.</summary>
    public string PercentText(IndicatorTableRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return Format.Percent(row.Percent);
    }

    /// <summary>Said after an achievement below its target, for those who cannot see the row's emphasis.</summary>
    public string BelowTargetNote => L["zem mērķa"];

    public static IndicatorTable For(SummaryReport report, ReportFormat format)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(format);
        var rows = report.Indicators
            .Select(i => new IndicatorTableRow(
                i,
                $"{i.Name} ({i.Unit})",
                ReportFormat.Roman(i.YearNumber),
                i.Target is { } target ? format.QualifiedCount(target, i.Qualifier) : "–",
                format.QualifiedCount(i.Achieved, i.AchievedQualifier),
                i.Percent))
            .ToList();
        return new IndicatorTable(format, rows);
    }

    /// <summary>The same table with one year's rows (the yearly report).</summary>
    public IndicatorTable ForYear(int number) => new(Format, [.. Rows.Where(r => r.Source.YearNumber == number)]);

    /// <summary>Every heading for a flat table (spreadsheet): the percentage heading says its unit there, the cells being plain numbers.</summary>
    public IReadOnlyList<string> FlatHeadings() => [IndicatorHeading, YearHeading, TargetHeading, AchievedHeading, $"{PercentHeading}, %"];
}
