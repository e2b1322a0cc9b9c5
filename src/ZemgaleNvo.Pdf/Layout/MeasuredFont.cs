using PdfSharp.Drawing;
using PdfSharp.Pdf;
using SkiaSharp;

namespace ZemgaleNvo.Pdf.Layout;

/// <summary>
/// One face and size: Skia's font for measuring (cached character advances, so line breaking
/// sums floats instead of calling into Skia for every word) and PDFsharp's font of the same file
/// for drawing.
/// </summary>
/// <remarks>
/// Summing single-character advances gives exactly what PDFsharp draws: both take the advances
/// unhinted from the font's hmtx table, and neither applies kerning or shaping.
/// </remarks>
internal sealed class MeasuredFont : IDisposable
{
    private static readonly XPdfFontOptions UnicodeEmbedded = new(PdfFontEncoding.Unicode);

    // Latin, Latin Extended (all Latvian letters), Greek, Cyrillic and general punctuation („ ” – …).
    private const int CachedRange = 0x2100;

    private readonly float[] _advances = new float[CachedRange];
    private readonly string _pdfFamily;
    private readonly FontEmphasis _face;
    private XFont? _pdfFont;

    public MeasuredFont(SKTypeface typeface, float size, string pdfFamily, FontEmphasis face)
    {
        Font = CreateFont(typeface, size);
        _pdfFamily = pdfFamily;
        _face = face;
        Array.Fill(_advances, float.NaN);
        var metrics = Font.Metrics;
        Ascent = -metrics.Ascent;
        Descent = metrics.Descent;
    }

    /// <summary>The font with the full typeface, for measuring.</summary>
    public SKFont Font { get; }

    /// <summary>PDFsharp's font of the same face and size, which embeds a subset with a ToUnicode map.</summary>
    public XFont PdfFont => _pdfFont ??= new XFont(_pdfFamily, Font.Size, _face switch
    {
        FontEmphasis.Bold => XFontStyleEx.Bold,
        FontEmphasis.Italic => XFontStyleEx.Italic,
        FontEmphasis.BoldItalic => XFontStyleEx.BoldItalic,
        _ => XFontStyleEx.Regular,
    }, UnicodeEmbedded);

    /// <summary>Height above the baseline, positive.</summary>
    public float Ascent { get; }

    /// <summary>Depth below the baseline, positive.</summary>
    public float Descent { get; }

    public static SKFont CreateFont(SKTypeface typeface, float size) => new(typeface, size)
    {
        Subpixel = true,
        LinearMetrics = true,
        Hinting = SKFontHinting.None,
        Edging = SKFontEdging.Antialias,
    };

    public float Measure(ReadOnlySpan<char> text)
    {
        var width = 0f;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < CachedRange)
            {
                var advance = _advances[c];
                if (float.IsNaN(advance))
                {
                    advance = Font.MeasureText(text.Slice(i, 1));
                    _advances[c] = advance;
                }

                width += advance;
            }
            else
            {
                // Rare characters (and surrogate pairs) are measured as one run, uncached.
                var end = i + 1;
                while (end < text.Length && text[end] >= CachedRange)
                {
                    end++;
                }

                width += Font.MeasureText(text[i..end]);
                i = end - 1;
            }
        }

        return width;
    }

    /// <summary>How many characters from the start of <paramref name="text"/> fit in <paramref name="maxWidth"/>; never splits a surrogate pair.</summary>
    public int Fit(ReadOnlySpan<char> text, float maxWidth, out float width)
    {
        width = 0f;
        var count = 0;
        while (count < text.Length)
        {
            var step = char.IsHighSurrogate(text[count]) && count + 1 < text.Length ? 2 : 1;
            var advance = Measure(text.Slice(count, step));
            if (width + advance > maxWidth)
            {
                break;
            }

            width += advance;
            count += step;
        }

        return count;
    }

    public void Dispose() => Font.Dispose();
}

/// <summary>Fonts, brushes and pens of one rendering, created once per style.</summary>
internal sealed class FontCache : IDisposable
{
    private readonly FontSet _fonts;
    private readonly Dictionary<(FontEmphasis Face, float Size), MeasuredFont> _measured = [];
    private readonly Dictionary<SKColor, XSolidBrush> _brushes = [];
    private readonly Dictionary<(SKColor Color, float Width), XPen> _pens = [];

    public FontCache(FontSet fonts) => _fonts = fonts;

    public MeasuredFont Get(TextStyle style, FontEmphasis extra = FontEmphasis.None)
    {
        var face = (style.Emphasis | extra) & FontEmphasis.BoldItalic;
        if (!_measured.TryGetValue((face, style.Size), out var font))
        {
            font = new MeasuredFont(_fonts.GetTypeface(face), style.Size, _fonts.PdfFamily, face);
            _measured.Add((face, style.Size), font);
        }

        return font;
    }

    public XSolidBrush Brush(SKColor color)
    {
        if (!_brushes.TryGetValue(color, out var brush))
        {
            brush = new XSolidBrush(ToX(color));
            _brushes.Add(color, brush);
        }

        return brush;
    }

    public XPen Pen(SKColor color, float width)
    {
        if (!_pens.TryGetValue((color, width), out var pen))
        {
            pen = new XPen(ToX(color), width);
            _pens.Add((color, width), pen);
        }

        return pen;
    }

    public void Dispose()
    {
        foreach (var font in _measured.Values)
        {
            font.Dispose();
        }
    }

    private static XColor ToX(SKColor color) => XColor.FromArgb(color.Alpha, color.Red, color.Green, color.Blue);
}
