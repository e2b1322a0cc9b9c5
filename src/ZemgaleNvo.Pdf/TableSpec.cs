using SkiaSharp;

namespace ZemgaleNvo.Pdf;

/// <summary>A table column: its width (fixed points or a share of the rest) and text alignment.</summary>
public sealed class TableColumn
{
    private TableColumn(float width, bool isFixed, TextAlignment alignment)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        Width = width;
        IsFixed = isFixed;
        Alignment = alignment;
    }

    /// <summary>Points when <see cref="IsFixed"/>, otherwise a weight.</summary>
    public float Width { get; }

    public bool IsFixed { get; }

    /// <summary>Use <see cref="TextAlignment.Right"/> for amounts and other numbers.</summary>
    public TextAlignment Alignment { get; }

    /// <summary>A column exactly <paramref name="points"/> wide.</summary>
    public static TableColumn Fixed(float points, TextAlignment alignment = TextAlignment.Left) => new(points, true, alignment);

    /// <summary>A column sharing the width left over by fixed columns in proportion to <paramref name="weight"/>.</summary>
    public static TableColumn Relative(float weight, TextAlignment alignment = TextAlignment.Left) => new(weight, false, alignment);
}

/// <summary>One row of cells. A bold row suits totals.</summary>
public sealed record TableRow(IReadOnlyList<string> Cells, bool Bold = false, SKColor? Background = null);

/// <summary>
/// A table: columns, an optional header row that repeats on every page the table reaches,
/// and rows. A row too tall for one page is split line by line; any other row that does not
/// fit moves whole to the next page.
/// </summary>
public sealed class TableSpec
{
    private readonly List<TableRow> _rows = [];

    public TableSpec(params IReadOnlyList<TableColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentOutOfRangeException.ThrowIfZero(columns.Count);
        Columns = columns;
    }

    public IReadOnlyList<TableColumn> Columns { get; }

    /// <summary>Header cells, drawn bold; null for a table without a header.</summary>
    public IReadOnlyList<string>? HeaderCells { get; private set; }

    public IReadOnlyList<TableRow> Rows => _rows;

    /// <summary>Cell text style; null means the document's table style.</summary>
    public TextStyle? TextStyle { get; init; }

    /// <summary>Space between a cell's border and its text, in points.</summary>
    public float CellPadding { get; init; } = 3f;

    /// <summary>Line width of the cell borders in points; 0 for no borders.</summary>
    public float BorderWidth { get; init; } = 0.5f;

    public SKColor BorderColor { get; init; } = new(0x55, 0x55, 0x55);

    /// <summary>Shading behind the header row; null for none.</summary>
    public SKColor? HeaderBackground { get; init; } = new SKColor(0xE4, 0xE4, 0xE4);

    /// <summary>Whether the header row is drawn again at the top of each continuation page.</summary>
    public bool RepeatHeader { get; init; } = true;

    public float SpaceBefore { get; init; } = 4f;

    public float SpaceAfter { get; init; } = 8f;

    /// <summary>Sets the header row.</summary>
    public TableSpec Header(params string[] cells)
    {
        HeaderCells = CheckCells(cells);
        return this;
    }

    /// <summary>Adds a row of plain cells.</summary>
    public TableSpec Row(params string[] cells) => AddRow(new TableRow(cells));

    /// <summary>Adds a bold row, e.g. "Kopā" with sums.</summary>
    public TableSpec TotalRow(params string[] cells) => AddRow(new TableRow(cells, Bold: true));

    public TableSpec AddRow(TableRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        CheckCells(row.Cells);
        _rows.Add(row);
        return this;
    }

    private IReadOnlyList<string> CheckCells(IReadOnlyList<string> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Count > Columns.Count)
        {
            throw new ArgumentException($"The row has {cells.Count} cells but the table has {Columns.Count} columns.", nameof(cells));
        }

        return cells;
    }
}
