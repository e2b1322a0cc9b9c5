using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ZemgaleNvo.Web.Features.Reports.Export;

/// <summary>The cell styles of the workbook, by their index in the style sheet.</summary>
internal enum XlsxStyle : uint
{
    Default = 0,
    Header = 1,
    Wrap = 2,
    Money = 3,
    MoneyBold = 4,
    Date = 5,
    Percent = 6,
    PercentBold = 7,
    Bold = 8,
    Integer = 9,
}

/// <summary>One cell: text, or a number with a number format. An empty cell has neither.</summary>
internal readonly record struct XlsxCell(string? Text, decimal? Number, XlsxStyle Style)
{
    public static readonly XlsxCell Empty = new(null, null, XlsxStyle.Default);

    public static XlsxCell Of(string? text, XlsxStyle style = XlsxStyle.Default) => new(text, null, style);

    /// <summary>Euros with exactly two decimals, written as a number (<c>36785.82</c>) formatted <c>#,##0.00</c>.</summary>
    public static XlsxCell Money(long? cents, bool bold = false) =>
        cents is { } c ? new(null, Domain.Money.Cents.ToEuros(c), bold ? XlsxStyle.MoneyBold : XlsxStyle.Money) : Empty;

    /// <summary>A date as Excel's day number, formatted <c>dd.mm.yyyy</c>.</summary>
    public static XlsxCell Date(DateOnly? date) =>
        date is { } d ? new(null, d.DayNumber - ExcelEpoch.DayNumber, XlsxStyle.Date) : Empty;

    /// <summary>A percentage as the model has it (<c>122.6</c> for 122,6 %), formatted <c>0.0</c>.</summary>
    public static XlsxCell Percent(decimal? percent, bool bold = false) =>
        percent is { } p ? new(null, p, bold ? XlsxStyle.PercentBold : XlsxStyle.Percent) : Empty;

    public static XlsxCell Integer(int? value) => value is { } v ? new(null, v, XlsxStyle.Integer) : Empty;

    /// <summary>Day 0 of Excel's 1900 date system as it counts from March 1900 on.</summary>
    private static readonly DateOnly ExcelEpoch = new(1899, 12, 30);
}

/// <summary>One worksheet: a header row (bold, frozen) and the rows under it, with fixed column widths.</summary>
internal sealed class XlsxSheet(string name, IReadOnlyList<double> widths)
{
    public string Name { get; } = name;
    public IReadOnlyList<double> Widths { get; } = widths;
    public List<IReadOnlyList<XlsxCell>> Rows { get; } = [];

    public XlsxSheet Header(params IEnumerable<string> headings)
    {
        Rows.Add(headings.Select(h => XlsxCell.Of(h, XlsxStyle.Header)).ToList());
        return this;
    }

    public XlsxSheet Row(params IReadOnlyList<XlsxCell> cells)
    {
        Rows.Add(cells);
        return this;
    }
}

/// <summary>
/// Writes sheets into an .xlsx with the Open XML SDK. Strings are inline (no shared-string table),
/// relationship ids are fixed and the zip entries carry a fixed time stamp, so the same report gives
/// the same bytes every time.
/// </summary>
internal static class XlsxWorkbook
{
    /// <summary>Excel's limit for the text of one cell.</summary>
    private const int MaxCellText = 32_767;

    private static readonly DateTimeOffset FixedEntryTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static byte[] Write(IReadOnlyList<XlsxSheet> sheets)
    {
        using var package = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(package, SpreadsheetDocumentType.Workbook))
        {
            // Stored, not deflated: Repack compresses every part once anyway (issue 18: a big
            // agreement's workbook was compressed twice).
            document.CompressionOption = System.IO.Packaging.CompressionOption.NotCompressed;
            var workbookPart = document.AddNewPart<WorkbookPart>("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "rId1");
            var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>("rIdStyles");
            stylesPart.Stylesheet = Styles();

            var sheetList = new Sheets();
            for (var i = 0; i < sheets.Count; i++)
            {
                var relationshipId = $"rIdSheet{i + 1}";
                var worksheetPart = workbookPart.AddNewPart<WorksheetPart>(relationshipId);
                WriteWorksheet(worksheetPart, sheets[i], selected: i == 0);
                sheetList.Append(new Sheet { Name = sheets[i].Name, SheetId = (uint)(i + 1), Id = relationshipId });
            }
            workbookPart.Workbook = new Workbook(sheetList);
        }
        return Repack(package.ToArray());
    }

    /// <summary>
    /// Writes the sheet element by element into its part instead of building the whole sheet as one
    /// element tree first (issue 18: a big agreement's results and spending sheets have thousands of
    /// rows, and the tree cost as much again as writing it).
    /// </summary>
    private static void WriteWorksheet(WorksheetPart part, XlsxSheet sheet, bool selected)
    {
        var view = new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
        {
            WorkbookViewId = 0,
            TabSelected = selected,
        };

        var columns = new Columns(sheet.Widths.Select((width, i) => new Column
        {
            Min = (uint)(i + 1),
            Max = (uint)(i + 1),
            Width = width,
            CustomWidth = true,
        }));

        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new SheetViews(view));
        writer.WriteElement(columns);
        writer.WriteStartElement(new SheetData());
        for (var r = 0; r < sheet.Rows.Count; r++)
        {
            var rowIndex = (uint)(r + 1);
            writer.WriteStartElement(new Row { RowIndex = rowIndex });
            var cells = sheet.Rows[r];
            for (var c = 0; c < cells.Count; c++)
            {
                if (CellElement(cells[c], $"{ColumnName(c)}{rowIndex.ToString(CultureInfo.InvariantCulture)}") is { } cell)
                {
                    writer.WriteElement(cell);
                }
            }
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static Cell? CellElement(XlsxCell cell, string reference)
    {
        if (cell.Number is { } number)
        {
            return new Cell { CellReference = reference, StyleIndex = (uint)cell.Style, CellValue = new CellValue(number) };
        }
        if (cell.Text is { } text)
        {
            return new Cell
            {
                CellReference = reference,
                StyleIndex = (uint)cell.Style,
                DataType = CellValues.InlineString,
                InlineString = new InlineString(new Text(Clean(text)) { Space = SpaceProcessingModeValues.Preserve }),
            };
        }
        return cell.Style == XlsxStyle.Default ? null : new Cell { CellReference = reference, StyleIndex = (uint)cell.Style };
    }

    /// <summary>A, B, …, Z, AA, …</summary>
    internal static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }
        return name;
    }

    /// <summary>Text as a cell can hold it: within Excel's length limit, without characters XML forbids, with \n line breaks.</summary>
    private static string Clean(string text)
    {
        if (text.Length > MaxCellText)
        {
            text = text[..MaxCellText];
        }
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[i + 1]);
                i++;
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                clean.Append(c);
            }
        }
        return clean.ToString();
    }

    private static Stylesheet Styles()
    {
        static Font Font(bool bold) => bold
            ? new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }, new FontFamilyNumbering { Val = 2 })
            : new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }, new FontFamilyNumbering { Val = 2 });

        static CellFormat Format(uint numberFormat, bool bold, bool wrap = false) =>
            new(new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = wrap ? true : null })
            {
                NumberFormatId = numberFormat,
                FontId = bold ? 1U : 0U,
                FillId = 0,
                BorderId = 0,
                FormatId = 0,
                ApplyNumberFormat = numberFormat != 0 ? true : null,
                ApplyFont = bold ? true : null,
                ApplyAlignment = true,
            };

        // The order follows XlsxStyle.
        CellFormat[] formats =
        [
            Format(0, bold: false),
            Format(0, bold: true, wrap: true),
            Format(0, bold: false, wrap: true),
            Format(NumberFormats.Money, bold: false),
            Format(NumberFormats.Money, bold: true),
            Format(NumberFormats.Date, bold: false),
            Format(NumberFormats.Percent, bold: false),
            Format(NumberFormats.Percent, bold: true),
            Format(0, bold: true),
            Format(1, bold: false),
        ];

        return new Stylesheet(
            new NumberingFormats(
                new NumberingFormat { NumberFormatId = NumberFormats.Date, FormatCode = "dd.mm.yyyy" },
                new NumberingFormat { NumberFormatId = NumberFormats.Money, FormatCode = "#,##0.00" },
                new NumberingFormat { NumberFormatId = NumberFormats.Percent, FormatCode = "0.0" })
            { Count = 3 },
            new Fonts(Font(bold: false), Font(bold: true)) { Count = 2 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
            { Count = 2 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            new CellFormats(formats) { Count = (uint)formats.Length },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }

    /// <summary>Custom number formats (ids from 164 on are the workbook's own).</summary>
    internal static class NumberFormats
    {
        public const uint Date = 164;
        public const uint Money = 165;
        public const uint Percent = 166;
    }

    /// <summary>Copies the package's zip entries into a new zip with a fixed time stamp on every entry.</summary>
    private static byte[] Repack(byte[] package)
    {
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            // [Content_Types].xml first, then the package relationships: the order Office writes and file-type sniffers expect.
            var entries = source.Entries
                .OrderBy(e => e.FullName switch { "[Content_Types].xml" => 0, "_rels/.rels" => 1, _ => 2 })
                .ToList();
            foreach (var entry in entries)
            {
                var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = FixedEntryTime;
                using var from = entry.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
        }
        return output.ToArray();
    }
}
