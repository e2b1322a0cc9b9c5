using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ZemgaleNvo.IntegrationTests.Reports.Export;

/// <summary>Reads a workbook back with the Open XML SDK: sheets, rows as column letter → cell, values and number formats.</summary>
internal sealed class XlsxReader : IDisposable
{
    private readonly SpreadsheetDocument _document;

    public XlsxReader(byte[] bytes) => _document = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);

    public SpreadsheetDocument Document => _document;

    private WorkbookPart WorkbookPart => _document.WorkbookPart!;

    public IReadOnlyList<string> SheetNames =>
        WorkbookPart.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();

    public Worksheet Worksheet(string name)
    {
        var sheet = WorkbookPart.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)WorkbookPart.GetPartById(sheet.Id!)).Worksheet;
    }

    /// <summary>Every row of the sheet, the header included, as column letter → cell.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, Cell>> Rows(string sheet) =>
        Worksheet(sheet).GetFirstChild<SheetData>()!.Elements<Row>()
            .Select(r => (IReadOnlyDictionary<string, Cell>)r.Elements<Cell>().ToDictionary(c => Column(c.CellReference!)))
            .ToList();

    public static string Column(string reference) => new(reference.TakeWhile(char.IsLetter).ToArray());

    public static string? Text(IReadOnlyDictionary<string, Cell> row, string column) =>
        row.TryGetValue(column, out var cell) ? Text(cell) : null;

    public static string? Text(Cell cell) =>
        cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text;

    /// <summary>The numeric value of a cell that must be a number cell, not text.</summary>
    public static decimal Number(IReadOnlyDictionary<string, Cell> row, string column)
    {
        Assert.True(row.TryGetValue(column, out var cell), $"no cell in column {column}");
        Assert.True(cell.DataType is null || cell.DataType.Value == CellValues.Number, $"{cell.CellReference} is not a number cell");
        return decimal.Parse(cell.CellValue!.Text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>The format code of the cell's number format (custom or one of the few built-ins the workbook may use).</summary>
    public string NumberFormat(Cell cell)
    {
        var styles = WorkbookPart.WorkbookStylesPart!.Stylesheet;
        var format = styles.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));
        var id = format.NumberFormatId?.Value ?? 0;
        var custom = styles.NumberingFormats?.Elements<NumberingFormat>().FirstOrDefault(n => n.NumberFormatId?.Value == id);
        return custom?.FormatCode?.Value ?? id switch
        {
            0 => "General",
            1 => "0",
            _ => $"builtin {id}",
        };
    }

    public bool IsBold(Cell cell)
    {
        var styles = WorkbookPart.WorkbookStylesPart!.Stylesheet;
        var format = styles.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));
        var font = styles.Fonts!.Elements<Font>().ElementAt((int)(format.FontId?.Value ?? 0));
        return font.Bold is not null;
    }

    public void Dispose() => _document.Dispose();
}
