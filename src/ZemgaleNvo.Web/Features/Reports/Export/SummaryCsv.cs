using System.Globalization;
using System.Text;
using ZemgaleNvo.Web.Formatting;

namespace ZemgaleNvo.Web.Features.Reports.Export;

/// <summary>
/// The budget table of the summary as CSV that opens right in Latvian Excel: UTF-8 with a byte-order
/// mark, <c>;</c> between fields, CRLF line ends, amounts with a decimal comma and no thousands
/// separator (<c>36785,82</c>). The rows are <see cref="BudgetTable.Rows"/>, the same as the page's
/// table, the PDF's and the spreadsheet's "Finansējums" sheet; the headings are in the report's language, the
/// number form is the same in both languages.
/// </summary>
/// <remarks>
/// Written by hand (RFC 4180): a field is quoted when it holds <c>"</c>, <c>;</c>, a line break or
/// an edge space, with <c>"</c> doubled inside. CsvHelper 34 is a rewrite whose API differs from the
/// documented one, and fifteen rows do not need it.
/// </remarks>
public static class SummaryCsv
{
    public const char Separator = ';';
    public const string LineEnd = "\r\n";

    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    private static readonly NumberFormatInfo DecimalComma = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = string.Empty,
        NegativeSign = "-",
    };

    private static readonly char[] CharactersToQuote = ['"', Separator, '\r', '\n'];

    /// <summary>What starts a formula in a spreadsheet (OWASP "CSV injection").</summary>
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static byte[] Render(SummaryReport report, ReportFormat format)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(format);
        var table = BudgetTable.For(report, new ReportText(format));
        var csv = new StringBuilder();
        AppendRecord(csv, table.FlatHeadings());
        foreach (var row in table.Rows)
        {
            AppendRecord(csv,
            [
                row.YearLabel,
                Text(row.LineLabel),
                .. row.Amounts.Select(Amount),
                row.ExecutionPercent?.ToString("0.0", DecimalComma) ?? string.Empty,
            ]);
        }
        AppendReturns(csv, report, format);
        AppendNonCompliance(csv, report, format);
        return [.. Utf8WithBom.GetPreamble(), .. Utf8WithBom.GetBytes(csv.ToString())];
    }

    /// <summary>
    /// Issue 13: what the period leaves per line, after an empty record: the unspent money to return to
    /// the state budget and the overspend, never netted, then a total row. Carry-overs are not in it.
    /// </summary>
    private static void AppendReturns(StringBuilder csv, SummaryReport report, ReportFormat format)
    {
        var text = new ReportText(format);
        csv.Append(LineEnd);
        AppendRecord(csv, [text.Line, text.UnspentToReturn, text.Overspent]);
        foreach (var line in report.Returns)
        {
            AppendRecord(csv, [Text(line.Line.Name), Amount(line.UnspentToReturnCents), Amount(line.OverspentCents)]);
        }
        AppendRecord(csv, [text.Total, Amount(report.UnspentToReturnCents), Amount(report.OverspentCents)]);
    }

    /// <summary>
    /// Issue 13: the summary's two non-compliance fields, as a second table after an empty record, a row
    /// per case and a total row; left out when there is none, so the file is the budget table alone
    /// (the page, PDF and XLSX say "Nav").
    /// </summary>
    private static void AppendNonCompliance(StringBuilder csv, SummaryReport report, ReportFormat format)
    {
        if (report.NonCompliance.Count == 0)
        {
            return;
        }
        var text = new ReportText(format);
        var words = new ExportText(format);
        csv.Append(LineEnd);
        AppendRecord(csv, [text.Year, text.Line, text.NonCompliant, text.Reason, words.Decision, words.DecidedOn, text.Recovered, text.Unrecovered, words.Recoveries]);
        foreach (var n in report.NonCompliance)
        {
            AppendRecord(csv,
            [
                ReportFormat.Roman(n.YearNumber),
                Text(n.Line.Name),
                Amount(n.AmountCents),
                Text(n.Reason),
                Text(n.DecisionReference ?? string.Empty),
                n.DecidedOn is { } decided ? format.Date(decided) : string.Empty,
                Amount(n.RecoveredCents),
                Amount(n.UnrecoveredCents),
                Text(string.Join(", ", n.Recoveries.Select(text.RecoveryLine))),
            ]);
        }
        AppendRecord(csv, [string.Empty, text.Total, Amount(report.NonCompliantCents), string.Empty, string.Empty, string.Empty,
            Amount(report.NonCompliantCents - report.UnrecoveredCents), Amount(report.UnrecoveredCents), string.Empty]);
    }

    /// <summary>One record: the fields, each quoted when it must be, separated by <c>;</c>, ended by CRLF.</summary>
    internal static void AppendRecord(StringBuilder csv, IEnumerable<string> fields)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(fields);
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                csv.Append(Separator);
            }
            first = false;
            csv.Append(Field(field));
        }
        csv.Append(LineEnd);
    }

    /// <summary>The field as written: in double quotes, with inner quotes doubled, when it holds a separator, quote, line break or edge space.</summary>
    internal static string Field(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var quote = value.Length > 0
            && (value.IndexOfAny(CharactersToQuote) >= 0 || value[0] == ' ' || value[^1] == ' ');
        return quote ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }

    /// <summary><c>36785,82</c>; empty where the table leaves the cell blank.</summary>
    internal static string Amount(long? cents) => cents is { } c ? Domain.Money.Cents.ToEuros(c).ToString("0.00", DecimalComma) : string.Empty;

    /// <summary>Free text, with a leading apostrophe when it would otherwise start a formula in Excel.</summary>
    internal static string Text(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length > 0 && Array.IndexOf(FormulaStarts, value[0]) >= 0 ? "'" + value : value;
    }
}
