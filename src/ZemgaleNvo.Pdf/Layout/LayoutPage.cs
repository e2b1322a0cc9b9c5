using SkiaSharp;

namespace ZemgaleNvo.Pdf.Layout;

internal enum PageOpKind
{
    Text,
    FillRect,
    StrokeRect,
    Line,
    Drawing,

    /// <summary>Opens a structure element (or an artifact) that the following ops belong to.</summary>
    BeginTag,

    /// <summary>Closes the innermost open structure element or artifact.</summary>
    EndTag,
}

/// <summary>
/// The kinds of structure elements the layout writes (ISO 32000 14.8.4 standard structure
/// types), plus <see cref="Artifact"/> for what a screen reader skips: running headers and
/// footers, rules, borders, shading and repeated table headers.
/// </summary>
internal enum StructureTag
{
    Paragraph,
    Heading1,
    Heading2,
    Heading3,
    Heading4,
    Heading5,
    Heading6,
    List,
    ListItem,
    Label,
    ListBody,
    Table,
    TableRow,
    TableHeaderCell,
    TableDataCell,
    Figure,
    Artifact,
}

/// <summary>
/// One drawing instruction of a laid-out page. A struct in a list rather than an object per
/// instruction: a report of hundreds of pages has tens of thousands of them.
/// </summary>
internal readonly struct PageOp
{
    private PageOp(PageOpKind kind, SKRect rect, SKColor color)
    {
        Kind = kind;
        Rect = rect;
        Color = color;
    }

    public PageOpKind Kind { get; }

    /// <summary>Text: Left/Top are the baseline origin. Line: from Left,Top to Right,Bottom.</summary>
    public SKRect Rect { get; }

    public SKColor Color { get; }

    public MeasuredFont? Font { get; private init; }

    public string? Text { get; private init; }

    public int Start { get; private init; }

    public int Length { get; private init; }

    public float StrokeWidth { get; private init; }

    public Action<DrawingContext>? Draw { get; private init; }

    public StructureTag Tag { get; private init; }

    /// <summary>A figure's alternative text.</summary>
    public string? AltText { get; private init; }

    public static PageOp ForText(MeasuredFont font, SKColor color, string text, int start, int length, float x, float baseline) =>
        new(PageOpKind.Text, new SKRect(x, baseline, x, baseline), color) { Font = font, Text = text, Start = start, Length = length };

    public static PageOp ForFill(SKRect rect, SKColor color) => new(PageOpKind.FillRect, rect, color);

    public static PageOp ForStroke(SKRect rect, SKColor color, float width) => new(PageOpKind.StrokeRect, rect, color) { StrokeWidth = width };

    public static PageOp ForLine(float x1, float y1, float x2, float y2, SKColor color, float width) =>
        new(PageOpKind.Line, new SKRect(x1, y1, x2, y2), color) { StrokeWidth = width };

    public static PageOp ForDrawing(SKRect rect, Action<DrawingContext> draw) => new(PageOpKind.Drawing, rect, SKColors.Transparent) { Draw = draw };

    /// <param name="area">A figure's bounding box; empty for other elements.</param>
    public static PageOp ForBegin(StructureTag tag, SKRect area = default, string? altText = null) =>
        new(PageOpKind.BeginTag, area, SKColors.Transparent) { Tag = tag, AltText = altText };

    public static PageOp ForEnd() => new(PageOpKind.EndTag, SKRect.Empty, SKColors.Transparent);
}

/// <summary>A page after layout: its instructions, drawn only once the page count is known.</summary>
internal sealed class LayoutPage
{
    public List<PageOp> Ops { get; } = [];
}
