using PdfSharp.Drawing;
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
    private readonly XGraphics _graphics;
    private readonly FontCache _fonts;

    internal DrawingContext(XGraphics graphics, SKRect area, FontCache fonts)
    {
        _graphics = graphics;
        Area = area;
        _fonts = fonts;
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
        PageRenderer.DrawText(_graphics, text, font, _fonts.Brush(style.Color), left, baseline);
    }

    /// <summary>A straight line.</summary>
    public void DrawLine(float x1, float y1, float x2, float y2, SKColor color, float width) =>
        _graphics.DrawLine(_fonts.Pen(color, width), x1, y1, x2, y2);

    /// <summary>A filled rectangle, optionally outlined.</summary>
    public void DrawRectangle(SKRect rect, SKColor? fill, SKColor? outline = null, float outlineWidth = 0.5f)
    {
        var pen = outline is { } o ? _fonts.Pen(o, outlineWidth) : null;
        var brush = fill is { } f ? _fonts.Brush(f) : null;
        if (pen is null && brush is null)
        {
            return;
        }

        _graphics.DrawRectangle(pen, brush, rect.Left, rect.Top, rect.Width, rect.Height);
    }
}
