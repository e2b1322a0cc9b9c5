using SkiaSharp;

namespace ZemgaleNvo.Pdf.Layout;

internal enum PageOpKind
{
    Text,
    FillRect,
    StrokeRect,
    Line,
    Drawing,
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

    public static PageOp ForText(MeasuredFont font, SKColor color, string text, int start, int length, float x, float baseline) =>
        new(PageOpKind.Text, new SKRect(x, baseline, x, baseline), color) { Font = font, Text = text, Start = start, Length = length };

    public static PageOp ForFill(SKRect rect, SKColor color) => new(PageOpKind.FillRect, rect, color);

    public static PageOp ForStroke(SKRect rect, SKColor color, float width) => new(PageOpKind.StrokeRect, rect, color) { StrokeWidth = width };

    public static PageOp ForLine(float x1, float y1, float x2, float y2, SKColor color, float width) =>
        new(PageOpKind.Line, new SKRect(x1, y1, x2, y2), color) { StrokeWidth = width };

    public static PageOp ForDrawing(SKRect rect, Action<DrawingContext> draw) => new(PageOpKind.Drawing, rect, SKColors.Transparent) { Draw = draw };
}

/// <summary>A page after layout: its instructions, drawn only once the page count is known.</summary>
internal sealed class LayoutPage
{
    public List<PageOp> Ops { get; } = [];
}
