using SkiaSharp;
using ZemgaleNvo.Pdf.Layout;

namespace ZemgaleNvo.Pdf;

/// <summary>
/// What a drawing callback (a chart, a rule) works with: its area on the page, lines,
/// rectangles and text in the document's fonts. Units are points, y grows downwards.
/// </summary>
/// <remarks>
/// The drawing is one element of the document's structure: a figure with its alternative text
/// (see <see cref="PdfDocumentBuilder.Drawing(float, Action{DrawingContext}, string?)"/>), or,
/// without one, a decoration that screen readers skip. Text drawn here is part of that figure.
/// </remarks>
public sealed class DrawingContext
{
    private readonly PageCanvas _canvas;
    private readonly FontCache _fonts;

    internal DrawingContext(PageCanvas canvas, SKRect area)
    {
        _canvas = canvas;
        Area = area;
        _fonts = canvas.Fonts;
    }

    /// <summary>The block's area in page coordinates.</summary>
    public SKRect Area { get; }

    /// <summary>The advance width of <paramref name="text"/> in points.</summary>
    public float MeasureText(string text, TextStyle style)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(style);
        return _fonts.Get(style).Measure(text);
    }

    /// <summary>Draws one line of text; <paramref name="x"/> is its left end, centre or right end as <paramref name="alignment"/> says.</summary>
    public void DrawText(string text, float x, float baseline, TextStyle style, TextAlignment alignment = TextAlignment.Left)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(style);
        var font = _fonts.Get(style);
        var left = alignment switch
        {
            TextAlignment.Right => x - font.Measure(text),
            TextAlignment.Center => x - (font.Measure(text) / 2f),
            _ => x,
        };
        _canvas.Text(font, style.Color, text, left, baseline);
    }

    /// <summary>A straight line.</summary>
    public void DrawLine(float x1, float y1, float x2, float y2, SKColor color, float width) =>
        _canvas.Content.Line(x1, y1, x2, y2, color, width);

    /// <summary>A filled rectangle, optionally outlined.</summary>
    public void DrawRectangle(SKRect rect, SKColor? fill, SKColor? outline = null, float outlineWidth = 0.5f)
    {
        if (fill is { } f)
        {
            _canvas.Content.FillRectangle(rect, f);
        }

        if (outline is { } o)
        {
            _canvas.Content.StrokeRectangle(rect, o, outlineWidth);
        }
    }
}
