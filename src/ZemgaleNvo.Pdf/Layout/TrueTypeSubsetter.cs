using System.Buffers.Binary;
using System.Text;

namespace ZemgaleNvo.Pdf.Layout;

/// <summary>
/// Shrinks a TrueType font to the glyphs a document uses, keeping every glyph id and the
/// whole character map.
/// </summary>
/// <remarks>
/// Why: a document uses a few hundred of DejaVu's ~6 000 glyphs, and embedding and deflating
/// ~700 KB per face would cost 20–40 ms per document. Unused glyph outlines are emptied (the
/// loca table points them at zero bytes) and the tables PDF viewers do not use for drawing
/// (OpenType layout, kerning, glyph names) are dropped. Glyph ids and advances stay the same:
/// the writer embeds the font as a CIDFontType2 with CIDToGIDMap /Identity, so the glyph ids in
/// the content streams and the /W widths refer to the original font's numbering. Returns null
/// for anything that is not a plain glyf-based TrueType font (collections, damaged files): the
/// caller then embeds the full font.
/// </remarks>
internal static class TrueTypeSubsetter
{
    // Tables needed to draw glyphs; everything else (GPOS, GSUB, GDEF, kern, MATH, …) is dropped.
    private static readonly string[] KeptTables = ["OS/2", "cmap", "cvt ", "fpgm", "gasp", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post", "prep"];

    private const ushort ArgsAreWords = 0x0001;
    private const ushort HasScale = 0x0008;
    private const ushort MoreComponents = 0x0020;
    private const ushort HasXYScale = 0x0040;
    private const ushort HasTwoByTwo = 0x0080;

    public static byte[]? Subset(ReadOnlySpan<byte> font, ReadOnlySpan<ushort> usedGlyphs)
    {
        if (font.Length < 12)
        {
            return null;
        }

        var version = BinaryPrimitives.ReadUInt32BigEndian(font);
        if (version != 0x00010000 && version != 0x74727565 /* 'true' */)
        {
            return null;
        }

        var tables = ReadDirectory(font);
        if (tables is null
            || !tables.TryGetValue("head", out var head) || head.Length < 54
            || !tables.TryGetValue("maxp", out var maxp) || maxp.Length < 6
            || !tables.TryGetValue("loca", out var loca)
            || !tables.TryGetValue("glyf", out var glyf))
        {
            return null;
        }

        var glyphCount = BinaryPrimitives.ReadUInt16BigEndian(font[(maxp.Offset + 4)..]);
        var longOffsets = BinaryPrimitives.ReadInt16BigEndian(font[(head.Offset + 50)..]) == 1;
        var locaTable = font.Slice(loca.Offset, loca.Length);
        var glyfTable = font.Slice(glyf.Offset, glyf.Length);
        if (locaTable.Length < (glyphCount + 1) * (longOffsets ? 4 : 2))
        {
            return null;
        }

        var keep = MarkGlyphs(locaTable, glyfTable, longOffsets, glyphCount, usedGlyphs);
        if (keep is null)
        {
            return null;
        }

        var (newGlyf, newLoca) = BuildGlyphTables(locaTable, glyfTable, longOffsets, glyphCount, keep);

        var newHead = font.Slice(head.Offset, head.Length).ToArray();
        BinaryPrimitives.WriteUInt32BigEndian(newHead.AsSpan(8), 0); // checkSumAdjustment, set at the end
        BinaryPrimitives.WriteInt16BigEndian(newHead.AsSpan(50), 1); // loca is now always long

        var output = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["head"] = newHead,
            ["glyf"] = newGlyf,
            ["loca"] = newLoca,
        };
        foreach (var tag in KeptTables)
        {
            if (!output.ContainsKey(tag) && tables.TryGetValue(tag, out var table))
            {
                output[tag] = tag == "post" ? PostWithoutNames(font.Slice(table.Offset, table.Length)) : font.Slice(table.Offset, table.Length).ToArray();
            }
        }

        return Write(output);
    }

    private static Dictionary<string, (int Offset, int Length)>? ReadDirectory(ReadOnlySpan<byte> font)
    {
        int count = BinaryPrimitives.ReadUInt16BigEndian(font[4..]);
        if (font.Length < 12 + (count * 16))
        {
            return null;
        }

        var tables = new Dictionary<string, (int, int)>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var record = font.Slice(12 + (i * 16), 16);
            var tag = Encoding.ASCII.GetString(record[..4]);
            var offset = BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
            var length = BinaryPrimitives.ReadUInt32BigEndian(record[12..]);
            if ((ulong)offset + length > (ulong)font.Length)
            {
                return null;
            }

            tables[tag] = ((int)offset, (int)length);
        }

        return tables;
    }

    private static (int Start, int End) GlyphRange(ReadOnlySpan<byte> loca, bool longOffsets, int glyph) =>
        longOffsets
            ? ((int)BinaryPrimitives.ReadUInt32BigEndian(loca[(glyph * 4)..]), (int)BinaryPrimitives.ReadUInt32BigEndian(loca[((glyph + 1) * 4)..]))
            : (BinaryPrimitives.ReadUInt16BigEndian(loca[(glyph * 2)..]) * 2, BinaryPrimitives.ReadUInt16BigEndian(loca[((glyph + 1) * 2)..]) * 2);

    /// <summary>The used glyphs, .notdef, and every component of a used composite glyph (e.g. "ā" is "a" plus a macron).</summary>
    private static bool[]? MarkGlyphs(ReadOnlySpan<byte> loca, ReadOnlySpan<byte> glyf, bool longOffsets, int glyphCount, ReadOnlySpan<ushort> usedGlyphs)
    {
        var keep = new bool[glyphCount];
        var pending = new Stack<int>();
        pending.Push(0);
        foreach (var glyph in usedGlyphs)
        {
            if (glyph < glyphCount)
            {
                pending.Push(glyph);
            }
        }

        while (pending.Count > 0)
        {
            var glyph = pending.Pop();
            if (keep[glyph])
            {
                continue;
            }

            keep[glyph] = true;
            var (start, end) = GlyphRange(loca, longOffsets, glyph);
            if (start > end || end > glyf.Length)
            {
                return null;
            }

            var data = glyf[start..end];
            if (data.Length < 10 || BinaryPrimitives.ReadInt16BigEndian(data) >= 0)
            {
                continue; // empty or simple glyph
            }

            var at = 10;
            ushort flags;
            do
            {
                if (at + 4 > data.Length)
                {
                    return null;
                }

                flags = BinaryPrimitives.ReadUInt16BigEndian(data[at..]);
                var component = BinaryPrimitives.ReadUInt16BigEndian(data[(at + 2)..]);
                if (component < glyphCount && !keep[component])
                {
                    pending.Push(component);
                }

                at += 4 + ((flags & ArgsAreWords) != 0 ? 4 : 2);
                at += (flags & HasScale) != 0 ? 2 : (flags & HasXYScale) != 0 ? 4 : (flags & HasTwoByTwo) != 0 ? 8 : 0;
            }
            while ((flags & MoreComponents) != 0);
        }

        return keep;
    }

    private static (byte[] Glyf, byte[] Loca) BuildGlyphTables(ReadOnlySpan<byte> loca, ReadOnlySpan<byte> glyf, bool longOffsets, int glyphCount, bool[] keep)
    {
        var size = 0;
        for (var glyph = 0; glyph < glyphCount; glyph++)
        {
            if (keep[glyph])
            {
                var (start, end) = GlyphRange(loca, longOffsets, glyph);
                size += Align4(end - start);
            }
        }

        var newGlyf = new byte[size];
        var newLoca = new byte[(glyphCount + 1) * 4];
        var position = 0;
        for (var glyph = 0; glyph < glyphCount; glyph++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(glyph * 4), (uint)position);
            if (keep[glyph])
            {
                var (start, end) = GlyphRange(loca, longOffsets, glyph);
                glyf[start..end].CopyTo(newGlyf.AsSpan(position));
                position += Align4(end - start);
            }
        }

        BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(glyphCount * 4), (uint)position);
        return (newGlyf, newLoca);
    }

    /// <summary>post format 3: the same header, no glyph names (they are 60 KB in DejaVu and unused in a PDF).</summary>
    private static byte[] PostWithoutNames(ReadOnlySpan<byte> post)
    {
        var result = new byte[32];
        post[..Math.Min(32, post.Length)].CopyTo(result);
        BinaryPrimitives.WriteUInt32BigEndian(result, 0x00030000);
        return result;
    }

    private static byte[] Write(SortedDictionary<string, byte[]> tables)
    {
        var count = tables.Count;
        var entrySelector = (int)Math.Log2(count);
        var searchRange = (1 << entrySelector) * 16;
        var size = 12 + (16 * count) + tables.Values.Sum(t => Align4(t.Length));
        var font = new byte[size];
        var span = font.AsSpan();
        BinaryPrimitives.WriteUInt32BigEndian(span, 0x00010000);
        BinaryPrimitives.WriteUInt16BigEndian(span[4..], (ushort)count);
        BinaryPrimitives.WriteUInt16BigEndian(span[6..], (ushort)searchRange);
        BinaryPrimitives.WriteUInt16BigEndian(span[8..], (ushort)entrySelector);
        BinaryPrimitives.WriteUInt16BigEndian(span[10..], (ushort)((count * 16) - searchRange));

        var record = 12;
        var offset = 12 + (16 * count);
        var headOffset = 0;
        foreach (var (tag, data) in tables)
        {
            for (var c = 0; c < 4; c++)
            {
                span[record + c] = (byte)tag[c];
            }

            BinaryPrimitives.WriteUInt32BigEndian(span[(record + 4)..], Checksum(data));
            BinaryPrimitives.WriteUInt32BigEndian(span[(record + 8)..], (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(span[(record + 12)..], (uint)data.Length);
            data.CopyTo(span[offset..]);
            if (tag == "head")
            {
                headOffset = offset;
            }

            record += 16;
            offset += Align4(data.Length);
        }

        BinaryPrimitives.WriteUInt32BigEndian(span[(headOffset + 8)..], unchecked(0xB1B0AFBA - Checksum(font)));
        return font;
    }

    private static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        var i = 0;
        for (; i + 4 <= data.Length; i += 4)
        {
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(data[i..]));
        }

        if (i < data.Length)
        {
            Span<byte> last = stackalloc byte[4];
            last.Clear();
            data[i..].CopyTo(last);
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(last));
        }

        return sum;
    }

    private static int Align4(int length) => (length + 3) & ~3;
}
