using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace ZemgaleNvo.Pdf.Writing;

/// <summary>
/// One TrueType file as the PDF writer needs it: the character-to-glyph map, every glyph's
/// advance in PDF text space (1/1000 of the font size) and the metrics of the font descriptor.
/// Built once per face for the life of its <see cref="FontSet"/>; immutable and thread-safe.
/// </summary>
/// <remarks>
/// The advances are read from the font's own hmtx table, the same unhinted advances Skia sums
/// when the layout measures a line (linear metrics, no hinting, no kerning), so a line ends in
/// the PDF exactly where the layout put its end.
/// </remarks>
internal sealed class FontFace
{
    // Latin, Latin Extended (all Latvian letters), Greek, Cyrillic and general punctuation („ ” – …):
    // looked up once when the face is loaded; anything beyond asks Skia (rare).
    private const int CachedRange = 0x2100;

    private readonly ushort[] _glyphs;
    private readonly SKTypeface _typeface;

    public FontFace(SKTypeface typeface, byte[] file, string fileName)
    {
        _typeface = typeface;
        File = file;
        var font = file.AsSpan();
        if (font.Length < 12 || BinaryPrimitives.ReadUInt32BigEndian(font) is not (0x00010000 or 0x74727565))
        {
            throw new InvalidDataException($"PDF font file '{fileName}' is not a TrueType (glyf) font; the PDF writer embeds TrueType outlines only.");
        }

        var head = Table(font, "head", 54, fileName);
        var hhea = Table(font, "hhea", 36, fileName);
        var maxp = Table(font, "maxp", 6, fileName);
        var hmtx = Table(font, "hmtx", 4, fileName);
        var unitsPerEm = BinaryPrimitives.ReadUInt16BigEndian(head[18..]);
        var scale = 1000f / unitsPerEm;
        GlyphCount = BinaryPrimitives.ReadUInt16BigEndian(maxp[4..]);
        int metricCount = BinaryPrimitives.ReadUInt16BigEndian(hhea[34..]);
        if (metricCount == 0 || hmtx.Length < metricCount * 4)
        {
            throw new InvalidDataException($"PDF font file '{fileName}' has a damaged hmtx table.");
        }

        Advances = new float[GlyphCount];
        for (var glyph = 0; glyph < GlyphCount; glyph++)
        {
            var advance = BinaryPrimitives.ReadUInt16BigEndian(hmtx[(Math.Min(glyph, metricCount - 1) * 4)..]);
            Advances[glyph] = advance * scale;
        }

        Ascent = BinaryPrimitives.ReadInt16BigEndian(hhea[4..]) * scale;
        Descent = BinaryPrimitives.ReadInt16BigEndian(hhea[6..]) * scale;
        BoundingBox = [
            BinaryPrimitives.ReadInt16BigEndian(head[36..]) * scale,
            BinaryPrimitives.ReadInt16BigEndian(head[38..]) * scale,
            BinaryPrimitives.ReadInt16BigEndian(head[40..]) * scale,
            BinaryPrimitives.ReadInt16BigEndian(head[42..]) * scale,
        ];
        var os2 = TryTable(font, "OS/2");
        CapHeight = os2.Length >= 90 && BinaryPrimitives.ReadUInt16BigEndian(os2) >= 2
            ? BinaryPrimitives.ReadInt16BigEndian(os2[88..]) * scale
            : Ascent;
        var post = TryTable(font, "post");
        ItalicAngle = post.Length >= 8 ? BinaryPrimitives.ReadInt32BigEndian(post[4..]) / 65536f : 0f;

        // The PostScript name of a font in a PDF may hold no spaces or delimiters.
        var name = new StringBuilder();
        foreach (var c in Path.GetFileNameWithoutExtension(fileName))
        {
            if (char.IsAsciiLetterOrDigit(c) || c == '-')
            {
                name.Append(c);
            }
        }

        PostScriptName = name.Length > 0 ? name.ToString() : "Font";

        _glyphs = new ushort[CachedRange];
        for (var c = 0; c < CachedRange; c++)
        {
            _glyphs[c] = typeface.GetGlyph(c);
        }
    }

    /// <summary>The whole font file, subset per document when embedded.</summary>
    public byte[] File { get; }

    public int GlyphCount { get; }

    /// <summary>Each glyph's advance in 1/1000 of the font size.</summary>
    public float[] Advances { get; }

    public string PostScriptName { get; }

    public float Ascent { get; }

    public float Descent { get; }

    public float CapHeight { get; }

    public float ItalicAngle { get; }

    /// <summary>xMin, yMin, xMax, yMax in 1/1000 of the font size.</summary>
    public float[] BoundingBox { get; }

    /// <summary>The glyph of a Unicode code point; 0 (.notdef) when the font has none.</summary>
    public ushort Glyph(int codePoint) =>
        (uint)codePoint < CachedRange ? _glyphs[codePoint] : _typeface.GetGlyph(codePoint);

    private static ReadOnlySpan<byte> Table(ReadOnlySpan<byte> font, string tag, int minimumLength, string fileName)
    {
        var table = TryTable(font, tag);
        return table.Length >= minimumLength
            ? table
            : throw new InvalidDataException($"PDF font file '{fileName}' has no usable '{tag}' table.");
    }

    private static ReadOnlySpan<byte> TryTable(ReadOnlySpan<byte> font, string tag)
    {
        int count = BinaryPrimitives.ReadUInt16BigEndian(font[4..]);
        for (var i = 0; i < count && 12 + (i * 16) + 16 <= font.Length; i++)
        {
            var record = font.Slice(12 + (i * 16), 16);
            if (record[0] == tag[0] && record[1] == tag[1] && record[2] == tag[2] && record[3] == tag[3])
            {
                var offset = BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
                var length = BinaryPrimitives.ReadUInt32BigEndian(record[12..]);
                return (ulong)offset + length <= (ulong)font.Length ? font.Slice((int)offset, (int)length) : default;
            }
        }

        return default;
    }
}
