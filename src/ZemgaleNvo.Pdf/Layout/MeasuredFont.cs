using System.Text;
using SkiaSharp;

namespace ZemgaleNvo.Pdf.Layout;

/// <summary>
/// One face and size: the full font for measuring (cached character advances, so line
/// breaking sums floats instead of calling into Skia for every word) and, once layout has
/// finished, the subset font for drawing.
/// </summary>
/// <remarks>
/// Summing single-character advances gives exactly what Skia draws: SKFont applies no kerning
/// or shaping, and with hinting off and linear metrics on the advances are unrounded.
/// </remarks>
internal sealed class MeasuredFont : IDisposable
{
    // Latin, Latin Extended (all Latvian letters), Greek, Cyrillic and general punctuation („ ” – …).
    private const int CachedRange = 0x2100;

    private readonly float[] _advances = new float[CachedRange];
    private readonly FaceUsage _usage;
    private SKFont? _drawFont;

    public MeasuredFont(SKTypeface typeface, float size, FaceUsage usage)
    {
        Font = CreateFont(typeface, size);
        _usage = usage;
        Array.Fill(_advances, float.NaN);
        var metrics = Font.Metrics;
        Ascent = -metrics.Ascent;
        Descent = metrics.Descent;
    }

    /// <summary>The font with the full typeface, for measuring.</summary>
    public SKFont Font { get; }

    /// <summary>The font to draw with: the subset once <see cref="UseTypeface"/> is called, else the full font.</summary>
    public SKFont DrawFont => _drawFont ?? Font;

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

    /// <summary>Records that <paramref name="text"/> will be drawn, so its glyphs go into the subset.</summary>
    public void MarkUsed(ReadOnlySpan<char> text) => _usage.Mark(text);

    public void UseTypeface(SKTypeface typeface)
    {
        _drawFont?.Dispose();
        _drawFont = CreateFont(typeface, Font.Size);
    }

    public void Dispose()
    {
        Font.Dispose();
        _drawFont?.Dispose();
    }
}

/// <summary>The characters drawn in one face during a rendering.</summary>
internal sealed class FaceUsage
{
    private bool[]? _basic;
    private HashSet<int>? _supplementary;

    public bool IsUsed { get; private set; }

    public void Mark(ReadOnlySpan<char> text)
    {
        _basic ??= new bool[0x10000];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                (_supplementary ??= []).Add(char.ConvertToUtf32(c, text[i + 1]));
                i++;
            }
            else
            {
                _basic[c] = true;
            }
        }

        IsUsed |= !text.IsEmpty;
    }

    public string UsedCharacters()
    {
        var text = new StringBuilder();
        for (var c = 0; _basic is not null && c < _basic.Length; c++)
        {
            if (_basic[c] && !char.IsSurrogate((char)c))
            {
                text.Append((char)c);
            }
        }

        foreach (var codePoint in _supplementary ?? [])
        {
            text.Append(char.ConvertFromUtf32(codePoint));
        }

        return text.ToString();
    }
}

/// <summary>Fonts and paints of one rendering, created once per style and disposed together.</summary>
internal sealed class FontCache : IDisposable
{
    private readonly FontSet _fonts;
    private readonly Dictionary<(FontEmphasis Face, float Size), MeasuredFont> _measured = [];
    private readonly FaceUsage[] _usage = [new(), new(), new(), new()];
    private readonly SKTypeface?[] _subsets = new SKTypeface?[4];
    private readonly Dictionary<SKColor, SKPaint> _fills = [];
    private readonly Dictionary<(SKColor Color, float Width), SKPaint> _strokes = [];

    public FontCache(FontSet fonts) => _fonts = fonts;

    public MeasuredFont Get(TextStyle style, FontEmphasis extra = FontEmphasis.None)
    {
        var face = (style.Emphasis | extra) & FontEmphasis.BoldItalic;
        if (!_measured.TryGetValue((face, style.Size), out var font))
        {
            font = new MeasuredFont(_fonts.GetTypeface(face), style.Size, _usage[(int)face]);
            if (_subsets[(int)face] is { } subset)
            {
                font.UseTypeface(subset);
            }

            _measured.Add((face, style.Size), font);
        }

        return font;
    }

    /// <summary>
    /// After layout (and after marking header and footer text): builds one subset typeface per
    /// used face and switches its fonts to draw with it. A face the subsetter cannot handle is
    /// drawn, and embedded, whole.
    /// </summary>
    public void UseSubsets()
    {
        for (var face = 0; face < 4; face++)
        {
            if (!_usage[face].IsUsed)
            {
                continue;
            }

            var full = _fonts.GetTypeface((FontEmphasis)face);
            using var probe = new SKFont(full);
            var glyphs = probe.GetGlyphs(_usage[face].UsedCharacters());
            var bytes = TrueTypeSubsetter.Subset(_fonts.GetFileBytes((FontEmphasis)face), glyphs);
            if (bytes is null)
            {
                continue;
            }

            using var data = SKData.CreateCopy(bytes);
            _subsets[face] = SKTypeface.FromData(data);
        }

        foreach (var ((face, _), font) in _measured)
        {
            if (_subsets[(int)face] is { } subset)
            {
                font.UseTypeface(subset);
            }
        }
    }

    public SKPaint Fill(SKColor color)
    {
        if (!_fills.TryGetValue(color, out var paint))
        {
            paint = new SKPaint { Color = color, Style = SKPaintStyle.Fill, IsAntialias = true };
            _fills.Add(color, paint);
        }

        return paint;
    }

    public SKPaint Stroke(SKColor color, float width)
    {
        if (!_strokes.TryGetValue((color, width), out var paint))
        {
            paint = new SKPaint { Color = color, Style = SKPaintStyle.Stroke, StrokeWidth = width, IsAntialias = true };
            _strokes.Add((color, width), paint);
        }

        return paint;
    }

    public void Dispose()
    {
        foreach (var font in _measured.Values)
        {
            font.Dispose();
        }

        foreach (var subset in _subsets)
        {
            subset?.Dispose();
        }

        foreach (var paint in _fills.Values.Concat(_strokes.Values))
        {
            paint.Dispose();
        }
    }
}
