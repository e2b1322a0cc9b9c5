using System.Buffers;
using System.Globalization;
using SkiaSharp;

namespace ZemgaleNvo.Pdf.Writing;

/// <summary>
/// The content stream of one page, written as PDF operators into one pooled buffer that is
/// reused for every page of the document. Takes the layout's coordinates (points, y growing
/// downwards from the top of the page) and turns them into PDF's (y growing upwards).
/// </summary>
/// <remarks>
/// Text is written as glyph ids in hex (Identity-H encoding), two bytes a glyph, with no
/// intermediate strings: a report of hundreds of pages has hundreds of thousands of glyphs.
/// </remarks>
internal sealed class ContentStream : IDisposable
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
    private int _used;
    private float _pageHeight;

    // The graphics state last written, so a run of cells in one colour sets it once.
    private SKColor? _fill;
    private SKColor? _stroke;
    private float _lineWidth = float.NaN;

    public ReadOnlySpan<byte> Bytes => _buffer.AsSpan(0, _used);

    /// <summary>Empties the buffer for a new page.</summary>
    public void Start(float pageHeight)
    {
        _used = 0;
        _pageHeight = pageHeight;
        ForgetState();
    }

    /// <summary>One line of text with its left end at <paramref name="x"/> on <paramref name="baseline"/>.</summary>
    public void Text(DocumentFont font, float size, SKColor color, ReadOnlySpan<char> text, float x, float baseline)
    {
        if (text.IsEmpty || color.Alpha == 0)
        {
            return;
        }

        Fill(color);
        Op("BT /");
        Op(font.ResourceName);
        Op(" ");
        Num(size);
        Op(" Tf ");
        Num(x);
        Op(" ");
        Num(_pageHeight - baseline);
        Op(" Td <");
        font.Encode(text, this);
        Op("> Tj ET\n");
    }

    public void FillRectangle(SKRect rect, SKColor color)
    {
        if (color.Alpha == 0)
        {
            return;
        }

        Fill(color);
        Rectangle(rect);
        Op(" re f\n");
    }

    public void StrokeRectangle(SKRect rect, SKColor color, float width)
    {
        if (color.Alpha == 0)
        {
            return;
        }

        Stroke(color, width);
        Rectangle(rect);
        Op(" re S\n");
    }

    public void Line(float x1, float y1, float x2, float y2, SKColor color, float width)
    {
        if (color.Alpha == 0)
        {
            return;
        }

        Stroke(color, width);
        Num(x1);
        Op(" ");
        Num(_pageHeight - y1);
        Op(" m ");
        Num(x2);
        Op(" ");
        Num(_pageHeight - y2);
        Op(" l S\n");
    }

    /// <summary>Saves the graphics state and clips to <paramref name="area"/> until <see cref="Restore"/>.</summary>
    public void SaveAndClip(SKRect area)
    {
        Op("q ");
        Rectangle(area);
        Op(" re W n\n");
    }

    public void Restore()
    {
        Op("Q\n");
        ForgetState();
    }

    /// <summary>Opens marked content belonging to a structure element: "/P &lt;&lt;/MCID 3&gt;&gt; BDC".</summary>
    public void BeginMarkedContent(string tag, int mcid)
    {
        Op("/");
        Op(tag);
        Op(" <</MCID ");
        Num(mcid);
        Op(">> BDC\n");
    }

    /// <summary>Opens an artifact; <paramref name="properties"/> e.g. "&lt;&lt;/Type /Pagination&gt;&gt;", or null.</summary>
    public void BeginArtifact(string? properties)
    {
        if (properties is null)
        {
            Op("/Artifact BMC\n");
        }
        else
        {
            Op("/Artifact ");
            Op(properties);
            Op(" BDC\n");
        }
    }

    public void EndMarkedContent() => Op("EMC\n");

    /// <summary>Four hex digits of a 16-bit value.</summary>
    public static void Hex4(int value, Span<byte> destination)
    {
        const string Digits = "0123456789ABCDEF";
        destination[0] = (byte)Digits[(value >> 12) & 0xF];
        destination[1] = (byte)Digits[(value >> 8) & 0xF];
        destination[2] = (byte)Digits[(value >> 4) & 0xF];
        destination[3] = (byte)Digits[value & 0xF];
    }

    /// <summary>
    /// A number as PDF writes it: invariant, at most three decimals (a thousandth of a point is
    /// far below what any device shows), no exponent, no "-0". Returns the bytes written.
    /// </summary>
    public static int FormatNumber(float value, Span<byte> destination)
    {
        var rounded = MathF.Round(value, 3);
        if (rounded == 0f || !float.IsFinite(rounded))
        {
            destination[0] = (byte)'0';
            return 1;
        }

        rounded.TryFormat(destination, out var written, "0.###", CultureInfo.InvariantCulture);
        return written;
    }

    /// <summary>A glyph id as four hex digits, for the text encoder.</summary>
    public void Glyph(ushort glyph)
    {
        Hex4(glyph, Reserve(4));
        _used += 4;
    }

    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }

    private void Fill(SKColor color)
    {
        if (_fill != color)
        {
            Colour(color);
            Op(" rg\n");
            _fill = color;
        }
    }

    private void Stroke(SKColor color, float width)
    {
        if (_stroke != color)
        {
            Colour(color);
            Op(" RG\n");
            _stroke = color;
        }

        if (_lineWidth != width)
        {
            Num(width);
            Op(" w\n");
            _lineWidth = width;
        }
    }

    private void Colour(SKColor color)
    {
        Num(color.Red / 255f);
        Op(" ");
        Num(color.Green / 255f);
        Op(" ");
        Num(color.Blue / 255f);
    }

    private void Rectangle(SKRect rect)
    {
        Num(rect.Left);
        Op(" ");
        Num(_pageHeight - rect.Bottom);
        Op(" ");
        Num(rect.Width);
        Op(" ");
        Num(rect.Height);
    }

    private void ForgetState()
    {
        _fill = null;
        _stroke = null;
        _lineWidth = float.NaN;
    }

    private void Num(float value)
    {
        var span = Reserve(24);
        _used += FormatNumber(value, span);
    }

    private void Op(string ascii)
    {
        var span = Reserve(ascii.Length);
        for (var i = 0; i < ascii.Length; i++)
        {
            span[i] = (byte)ascii[i];
        }

        _used += ascii.Length;
    }

    private Span<byte> Reserve(int count)
    {
        if (_used + count > _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _used + count));
            _buffer.AsSpan(0, _used).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        return _buffer.AsSpan(_used, count);
    }
}
