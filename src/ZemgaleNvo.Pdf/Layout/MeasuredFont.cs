using SkiaSharp;
using ZemgaleNvo.Pdf.Writing;

namespace ZemgaleNvo.Pdf.Layout;

/// <summary>
/// One face and size: Skia's font for measuring (cached character advances, so line breaking
/// sums floats instead of calling into Skia for every word) and the writer's face of the same
/// file for drawing.
/// </summary>
/// <remarks>
/// Summing single-character advances gives exactly what the PDF shows: both take the advances
/// unhinted from the font's hmtx table (<see cref="FontFace"/> writes them as the /W widths), and
/// neither applies kerning or shaping.
/// </remarks>
internal sealed class MeasuredFont : IDisposable
{
    // Latin, Latin Extended (all Latvian letters), Greek, Cyrillic and general punctuation („ ” – …).
    private const int CachedRange = 0x2100;

    private readonly float[] _advances = new float[CachedRange];

    public MeasuredFont(SKTypeface typeface, float size, FontFace face, FontEmphasis emphasis)
    {
        Font = CreateFont(typeface, size);
        Face = face;
        Emphasis = emphasis;
        Array.Fill(_advances, float.NaN);
        var metrics = Font.Metrics;
        Ascent = -metrics.Ascent;
        Descent = metrics.Descent;
    }

    /// <summary>The font with the full typeface, for measuring.</summary>
    public SKFont Font { get; }

    /// <summary>The font file's glyphs and advances, which the PDF writer embeds.</summary>
    public FontFace Face { get; }

    /// <summary>Which of the four faces this is.</summary>
    public FontEmphasis Emphasis { get; }

    /// <summary>The size in points.</summary>
    public float Size => Font.Size;

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

/// <summary>The fonts of one rendering, created once per face and size.</summary>
internal sealed class FontCache : IDisposable
{
    private readonly FontSet _fonts;
    private readonly Dictionary<(FontEmphasis Face, float Size), MeasuredFont> _measured = [];

    public FontCache(FontSet fonts) => _fonts = fonts;

    public MeasuredFont Get(TextStyle style, FontEmphasis extra = FontEmphasis.None)
    {
        var face = (style.Emphasis | extra) & FontEmphasis.BoldItalic;
        if (!_measured.TryGetValue((face, style.Size), out var font))
        {
            font = new MeasuredFont(_fonts.GetTypeface(face), style.Size, _fonts.GetFace(face), face);
            _measured.Add((face, style.Size), font);
        }

        return font;
    }

    public void Dispose()
    {
        foreach (var font in _measured.Values)
        {
            font.Dispose();
        }
    }
}
