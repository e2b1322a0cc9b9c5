using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ZemgaleNvo.Web.Features.SpendingImport;

/// <summary>One row of the sheet as text, with its row number as the spreadsheet shows it (the header is row 1).</summary>
public sealed record SheetRow(int Number, IReadOnlyList<string> Cells);

/// <summary>The rows of an uploaded sheet, or why it could not be read at all.</summary>
public sealed record ReadSheet(IReadOnlyList<string> Header, IReadOnlyList<SheetRow> Rows, string? Error)
{
    public static ReadSheet Unreadable(string error) => new([], [], error);
}

/// <summary>
/// Reads the accountant's own spreadsheet: XLSX (first worksheet) or CSV as Latvian Excel saves it
/// (<c>;</c> between fields, quotes around fields that need them, UTF-8 with or without BOM). Every
/// cell becomes text; XLSX numbers come as invariant numbers and XLSX dates as the day they show,
/// written dd.mm.yyyy, so one set of rules (<see cref="SpendingImportRules"/>) checks both kinds.
/// </summary>
public static class SpendingSheet
{
    /// <summary>Error keys (Latvian texts, translated by the caller).</summary>
    public const string NotUtf8 = "CSV failam jābūt UTF-8 kodējumā (Excel: „CSV UTF-8 (atdalīts ar semikolu)”).";
    public const string NotXlsx = "XLSX failu neizdevās nolasīt.";
    public const string Empty = "Failā nav nevienas rindas.";

    public static ReadSheet Read(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var rows = content.AsSpan().StartsWith("PK\u0003\u0004"u8) ? ReadXlsx(content) : ReadCsv(content);
        if (rows is null)
        {
            return ReadSheet.Unreadable(content.AsSpan().StartsWith("PK"u8) ? NotXlsx : NotUtf8);
        }
        var filled = rows.Where(r => r.Cells.Any(c => c.Length > 0)).ToList();
        if (filled.Count == 0)
        {
            return ReadSheet.Unreadable(Empty);
        }
        return new ReadSheet(filled[0].Cells, filled.Skip(1).ToList(), null);
    }

    private static List<SheetRow>? ReadCsv(byte[] content)
    {
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }
        var rows = new List<SheetRow>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        var number = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when cell.Length == 0:
                    quoted = true;
                    break;
                case ';':
                    cells.Add(cell.ToString().Trim());
                    cell.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    cells.Add(cell.ToString().Trim());
                    cell.Clear();
                    rows.Add(new SheetRow(number++, cells));
                    cells = [];
                    break;
                default:
                    cell.Append(c);
                    break;
            }
        }
        if (cell.Length > 0 || cells.Count > 0)
        {
            cells.Add(cell.ToString().Trim());
            rows.Add(new SheetRow(number, cells));
        }
        return rows;
    }

    private static List<SheetRow>? ReadXlsx(byte[] content)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var document = SpreadsheetDocument.Open(stream, false);
            var workbook = document.WorkbookPart!;
            var firstSheet = workbook.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().First();
            var worksheet = (WorksheetPart)workbook.GetPartById(firstSheet.Id!.Value!);
            var strings = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
            var dateStyles = DateStyles(workbook);
            var rows = new List<SheetRow>();
            foreach (var row in worksheet.Worksheet.Descendants<Row>())
            {
                var number = (int)(row.RowIndex?.Value ?? (uint)(rows.Count + 1));
                var cells = new List<string>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
                    while (cells.Count < column)
                    {
                        cells.Add("");
                    }
                    cells.Add(CellText(cell, strings, dateStyles).Trim());
                }
                rows.Add(new SheetRow(number, cells));
            }
            return rows;
        }
        catch (Exception e) when (e is DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or InvalidDataException or InvalidOperationException or FormatException or NullReferenceException or IOException)
        {
            return null;
        }
    }

    /// <summary>"C7" → 2 (zero-based column).</summary>
    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
        {
            index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        }
        return index - 1;
    }

    private static string CellText(Cell cell, string[] strings, HashSet<uint> dateStyles)
    {
        var raw = cell.CellValue?.Text ?? cell.InlineString?.InnerText ?? "";
        if (cell.DataType?.Value == CellValues.SharedString && int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return index < strings.Length ? strings[index] : "";
        }
        if ((cell.DataType is null || cell.DataType.Value == CellValues.Number)
            && cell.StyleIndex?.Value is { } style && dateStyles.Contains(style)
            && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 0 and < 2958466)
        {
            return DateTime.FromOADate(serial).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
        }
        return raw;
    }

    /// <summary>Cell styles whose number format is a date (the built-in ones 14–22 and custom ones with d/m/y).</summary>
    private static HashSet<uint> DateStyles(WorkbookPart workbook)
    {
        var result = new HashSet<uint>();
        var styles = workbook.WorkbookStylesPart?.Stylesheet;
        if (styles?.CellFormats is null)
        {
            return result;
        }
        var custom = styles.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null && f.FormatCode?.Value is { } code && IsDateFormat(code))
            .Select(f => f.NumberFormatId!.Value).ToHashSet() ?? [];
        uint position = 0;
        foreach (var format in styles.CellFormats.Elements<CellFormat>())
        {
            var id = format.NumberFormatId?.Value ?? 0;
            if (id is >= 14 and <= 22 || custom.Contains(id))
            {
                result.Add(position);
            }
            position++;
        }
        return result;
    }

    private static bool IsDateFormat(string code)
    {
        var plain = new string(code.Where((c, i) => c != '"').ToArray()).ToLowerInvariant();
        return plain.Contains('d') && plain.Contains('y') || plain.Contains("mm") && plain.Contains('y');
    }
}
