using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace ZemgaleNvo.Web.Forms;

/// <summary>
/// Which characters the PDF reports can draw: the code points every face of the bundled report font
/// maps to a glyph, read from the fonts' <c>cmap</c> tables once at start-up. Free text is checked
/// against it at input (<see cref="FreeTextBinderProvider"/>, the spending import), so a character
/// the PDF would drop (an emoji, say) is refused with a message rather than shown in the HTML, the
/// XLSX and the JSON but missing from the PDF: every output carries the same text. It reads the font
/// files, not the PDF engine, so it holds whichever engine draws the reports.
/// </summary>
public sealed class PdfGlyphCoverage
{
    private readonly HashSet<int> _covered;

    private PdfGlyphCoverage(HashSet<int> covered) => _covered = covered;

    /// <summary>The code points every one of the font files maps (a character must draw in bold and italic too).</summary>
    /// <exception cref="InvalidDataException">A file is not a TrueType/OpenType font with a Unicode cmap.</exception>
    public static PdfGlyphCoverage FromFiles(IEnumerable<string> fontFiles)
    {
        ArgumentNullException.ThrowIfNull(fontFiles);
        HashSet<int>? covered = null;
        foreach (var file in fontFiles)
        {
            var mapped = ReadCmap(File.ReadAllBytes(file), file);
            if (covered is null)
            {
                covered = mapped;
            }
            else
            {
                covered.IntersectWith(mapped);
            }
        }
        return new PdfGlyphCoverage(covered ?? throw new InvalidDataException("No font files to read the glyph coverage from."));
    }

    public bool CanDraw(Rune rune) => rune.Value is '\t' or '\n' or '\r' || _covered.Contains(rune.Value);

    /// <summary>The distinct characters of <paramref name="text"/> no report font can draw, in order of appearance.</summary>
    public IReadOnlyList<Rune> Undrawable(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }
        var missing = new List<Rune>();
        foreach (var rune in text.EnumerateRunes())
        {
            if (!CanDraw(rune) && !missing.Contains(rune))
            {
                missing.Add(rune);
            }
        }
        return missing;
    }

    /// <summary>How a refused character is named in a message: itself in „…” and its code, since some are invisible.</summary>
    public static string Describe(IEnumerable<Rune> runes) =>
        string.Join(", ", runes.Select(r => string.Create(CultureInfo.InvariantCulture, $"„{r}” (U+{r.Value:X4})")));

    // ---------------------------------------------------------------- the cmap table

    private static HashSet<int> ReadCmap(byte[] font, string file)
    {
        try
        {
            var cmap = FindTable(font, "cmap") ?? throw new InvalidDataException($"{file}: no cmap table.");
            var covered = new HashSet<int>();
            var subtables = U16(font, cmap + 2);
            var unicode = false;
            for (var i = 0; i < subtables; i++)
            {
                var record = cmap + 4 + (i * 8);
                var platform = U16(font, record);
                var encoding = U16(font, record + 2);
                if (platform != 0 && !(platform == 3 && encoding is 1 or 10))
                {
                    continue;
                }
                var subtable = cmap + (int)U32(font, record + 4);
                switch (U16(font, subtable))
                {
                    case 4:
                        ReadFormat4(font, subtable, covered);
                        unicode = true;
                        break;
                    case 12:
                        ReadFormat12(font, subtable, covered);
                        unicode = true;
                        break;
                }
            }
            return unicode ? covered : throw new InvalidDataException($"{file}: no Unicode cmap (format 4 or 12).");
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new InvalidDataException($"{file}: the cmap table is cut short.");
        }
    }

    private static int? FindTable(byte[] font, string tag)
    {
        var tables = U16(font, 4);
        for (var i = 0; i < tables; i++)
        {
            var record = 12 + (i * 16);
            if (Encoding.ASCII.GetString(font, record, 4) == tag)
            {
                return (int)U32(font, record + 8);
            }
        }
        return null;
    }

    /// <summary>Segments of the Basic Multilingual Plane; a code point is covered when it maps to a glyph other than 0 (.notdef).</summary>
    private static void ReadFormat4(byte[] font, int table, HashSet<int> covered)
    {
        var segments = U16(font, table + 6) / 2;
        var ends = table + 14;
        var starts = ends + (segments * 2) + 2;
        var deltas = starts + (segments * 2);
        var rangeOffsets = deltas + (segments * 2);
        for (var s = 0; s < segments; s++)
        {
            var end = U16(font, ends + (s * 2));
            var start = U16(font, starts + (s * 2));
            var delta = U16(font, deltas + (s * 2));
            var rangeOffset = U16(font, rangeOffsets + (s * 2));
            for (var c = start; c <= end && c != 0xFFFF; c++)
            {
                int glyph;
                if (rangeOffset == 0)
                {
                    glyph = (c + delta) & 0xFFFF;
                }
                else
                {
                    glyph = U16(font, rangeOffsets + (s * 2) + rangeOffset + ((c - start) * 2));
                    glyph = glyph == 0 ? 0 : (glyph + delta) & 0xFFFF;
                }
                if (glyph != 0)
                {
                    covered.Add(c);
                }
            }
        }
    }

    /// <summary>Groups of consecutive code points over all planes (emoji and other supplementary characters).</summary>
    private static void ReadFormat12(byte[] font, int table, HashSet<int> covered)
    {
        var groups = U32(font, table + 12);
        for (var g = 0L; g < groups; g++)
        {
            var group = table + 16 + (int)(g * 12);
            var start = U32(font, group);
            var end = Math.Min(U32(font, group + 4), 0x10FFFF);
            var firstGlyph = U32(font, group + 8);
            for (var c = start; c <= end; c++)
            {
                if (firstGlyph + (c - start) != 0)
                {
                    covered.Add((int)c);
                }
            }
        }
    }

    private static int U16(byte[] font, int offset) => BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(offset, 2));

    private static long U32(byte[] font, int offset) => BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(offset, 4));
}
