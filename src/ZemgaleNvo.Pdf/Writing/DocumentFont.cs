using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ZemgaleNvo.Pdf.Layout;

namespace ZemgaleNvo.Pdf.Writing;

/// <summary>
/// One face as used by one document: which glyphs the text needed and which characters each
/// glyph stands for. At the end it is written as a Type0 font with Identity-H encoding over a
/// CIDFontType2 (the subset of the TrueType file, glyph ids unchanged), with the advances of
/// the used glyphs (/W) and a ToUnicode map so every letter can be copied and read aloud.
/// </summary>
internal sealed class DocumentFont
{
    private readonly bool[] _used;
    private readonly string?[] _unicode;

    public DocumentFont(FontFace face, string resourceName, int objectNumber)
    {
        Face = face;
        ResourceName = resourceName;
        ObjectNumber = objectNumber;
        _used = new bool[face.GlyphCount];
        _unicode = new string?[face.GlyphCount];
    }

    public FontFace Face { get; }

    /// <summary>The name in the page resources, e.g. "F0".</summary>
    public string ResourceName { get; }

    /// <summary>The Type0 font object the resources refer to.</summary>
    public int ObjectNumber { get; }

    /// <summary>Writes the glyph ids of <paramref name="text"/> in hex and notes the glyphs and their characters.</summary>
    public void Encode(ReadOnlySpan<char> text, ContentStream content)
    {
        for (var i = 0; i < text.Length; i++)
        {
            int codePoint = text[i];
            var length = 1;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                codePoint = char.ConvertToUtf32(text[i], text[i + 1]);
                length = 2;
            }

            var glyph = Face.Glyph(codePoint);
            if (!_used[glyph])
            {
                _used[glyph] = true;

                // The first character drawn with a glyph is the one it reads back as (.notdef, a
                // character the font lacks, reads back as nothing rather than a wrong letter).
                _unicode[glyph] = glyph == 0 ? null : text.Slice(i, length).ToString();
            }

            content.Glyph(glyph);
            i += length - 1;
        }
    }

    /// <summary>
    /// Writes the font objects. <paramref name="contentDigest"/> names the subset: the six-letter
    /// tag before the font name differs between documents, as PDF asks, yet is the same for the
    /// same content, so approved documents stay reproducible.
    /// </summary>
    public void Write(PdfOutput output, ReadOnlySpan<byte> contentDigest)
    {
        var used = new List<ushort>();
        for (var glyph = 0; glyph < _used.Length; glyph++)
        {
            if (_used[glyph])
            {
                used.Add((ushort)glyph);
            }
        }

        var name = "/" + SubsetTag(contentDigest) + "+" + Face.PostScriptName;
        var cidFont = output.Reserve();
        var descriptor = output.Reserve();
        var file = output.Reserve();
        var toUnicode = output.Reserve();

        output.BeginObject(ObjectNumber);
        output.Raw("<</Type /Font /Subtype /Type0 /BaseFont " + name + " /Encoding /Identity-H /DescendantFonts [");
        output.Ref(cidFont);
        output.Raw("] /ToUnicode");
        output.Ref(toUnicode);
        output.Raw(">>");
        output.EndObject();

        output.BeginObject(cidFont);
        output.Raw("<</Type /Font /Subtype /CIDFontType2 /BaseFont " + name
            + " /CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>> /CIDToGIDMap /Identity /FontDescriptor");
        output.Ref(descriptor);
        output.Raw(" /DW 0 /W [");
        foreach (var glyph in used)
        {
            // One entry per glyph ("12 [600]"): the advances from the font file, as the layout measured them.
            output.Int(glyph);
            output.Raw(" [");
            output.Number(Face.Advances[glyph]);
            output.Raw("] ");
        }

        output.Raw("]>>");
        output.EndObject();

        output.BeginObject(descriptor);
        output.Raw("<</Type /FontDescriptor /FontName " + name + " /Flags ");
        output.Int(Face.ItalicAngle != 0 ? 32 | 64 : 32);
        output.Raw(" /FontBBox [");
        for (var i = 0; i < 4; i++)
        {
            output.Number(Face.BoundingBox[i]);
            output.Raw(i < 3 ? " " : "]");
        }

        output.Raw(" /ItalicAngle ");
        output.Number(Face.ItalicAngle);
        output.Raw(" /Ascent ");
        output.Number(Face.Ascent);
        output.Raw(" /Descent ");
        output.Number(Face.Descent);
        output.Raw(" /CapHeight ");
        output.Number(Face.CapHeight);
        output.Raw(" /StemV 80 /FontFile2");
        output.Ref(file);
        output.Raw(">>");
        output.EndObject();

        var subset = TrueTypeSubsetter.Subset(Face.File, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(used)) ?? Face.File;
        output.Stream(file, "/Length1 " + subset.Length.ToString(CultureInfo.InvariantCulture), subset, compress: true);

        output.Stream(toUnicode, string.Empty, Encoding.ASCII.GetBytes(ToUnicodeMap(used)), compress: true);
    }

    private string ToUnicodeMap(List<ushort> used)
    {
        var map = new StringBuilder(256 + (used.Count * 24));
        map.Append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
            .Append("/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\n")
            .Append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
            .Append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        var mapped = used.Where(glyph => _unicode[glyph] is not null).ToList();

        // At most 100 entries per block, as the CMap format requires.
        for (var start = 0; start < mapped.Count; start += 100)
        {
            var count = Math.Min(100, mapped.Count - start);
            map.Append(count.ToString(CultureInfo.InvariantCulture)).Append(" beginbfchar\n");
            for (var i = start; i < start + count; i++)
            {
                var glyph = mapped[i];
                map.Append('<').Append(glyph.ToString("X4", CultureInfo.InvariantCulture)).Append("> <");
                foreach (var c in _unicode[glyph]!)
                {
                    map.Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                }

                map.Append(">\n");
            }

            map.Append("endbfchar\n");
        }

        map.Append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        return map.ToString();
    }

    private string SubsetTag(ReadOnlySpan<byte> contentDigest)
    {
        Span<byte> hash = stackalloc byte[32];
        var input = new byte[contentDigest.Length + ResourceName.Length];
        contentDigest.CopyTo(input);
        Encoding.ASCII.GetBytes(ResourceName, input.AsSpan(contentDigest.Length));
        SHA256.HashData(input, hash);
        Span<char> tag = stackalloc char[6];
        for (var i = 0; i < 6; i++)
        {
            tag[i] = (char)('A' + (hash[i] % 26));
        }

        return new string(tag);
    }
}
