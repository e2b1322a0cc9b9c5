using SkiaSharp;
using ZemgaleNvo.Pdf.Layout;

namespace ZemgaleNvo.Pdf;

/// <summary>
/// What a drawing callback (a chart, a diagram) works with: the canvas, its area on the page,
/// and text in the document's fonts.
/// </summary>
/// <remarks>
/// The callback runs twice: once while the document is laid out, on a canvas that draws
/// nothing, so that the letters of its text are known before the fonts are embedded, and once
/// for real. It must draw the same text both times (draw from data, not from a clock or a
/// random source), and must write text with <see cref="DrawText"/>.
/// </remarks>
public sealed class DrawingContext
{
    private readonly FontCache _fonts;
    private readonly bool _dryRun;

    internal DrawingContext(SKCanvas canvas, SKRect area, FontCache fonts, bool dryRun)
    {
        Canvas = canvas;
        Area = area;
        _fonts = fonts;
        _dryRun = dryRun;
    }

    /// <summary>The page canvas, clipped to <see cref="Area"/>. Units are points, y grows downwards.</summary>
    public SKCanvas Canvas { get; }

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
        if (_dryRun)
        {
            font.MarkUsed(text);
            return;
        }

        var left = alignment switch
        {
            TextAlignment.Right => x - font.Measure(text),
            TextAlignment.Center => x - (font.Measure(text) / 2f),
            _ => x,
        };
        PageRenderer.DrawText(Canvas, text, font, _fonts.Fill(style.Color), left, baseline);
    }
}
