using System.Globalization;
using System.Text;

namespace ZemgaleNvo.Pdf.Signing;

/// <summary>
/// Adds a PAdES signature (ETSI.CAdES.detached) to a PDF written by <see cref="PdfDocumentBuilder"/>,
/// as an incremental update: the original bytes stay as they are, followed by an invisible
/// signature field on the first page, the signature dictionary whose /Contents will hold the CMS,
/// the updated catalogue and page, and a cross-reference section pointing back to the original.
/// </summary>
/// <remarks>
/// Two steps, so the caller may sign asynchronously (a time-stamp authority is a web request):
/// <see cref="Prepare"/> writes the update with an empty /Contents and returns the bytes the
/// signature covers (everything but /Contents, the /ByteRange); <see cref="Complete"/> puts the
/// CMS in. Nothing here reads a clock: the signing time is the caller's (the approval's frozen
/// time), so the same document, certificate and time give the same bytes with an RSA key.
/// </remarks>
public sealed class PdfSignature
{
    private readonly byte[] _file;
    private readonly int _contentsStart;
    private readonly int _contentsLength;

    private PdfSignature(byte[] file, int contentsStart, int contentsLength)
    {
        _file = file;
        _contentsStart = contentsStart;
        _contentsLength = contentsLength;
    }

    /// <summary>The bytes the signature covers: the whole file except the /Contents value.</summary>
    public byte[] SignedBytes()
    {
        var end = _contentsStart + _contentsLength;
        var data = new byte[_file.Length - _contentsLength];
        _file.AsSpan(0, _contentsStart).CopyTo(data);
        _file.AsSpan(end).CopyTo(data.AsSpan(_contentsStart));
        return data;
    }

    /// <summary>Writes the update with room for a CMS of up to <paramref name="reservedBytes"/> bytes.</summary>
    /// <param name="pdf">A PDF from <see cref="PdfDocumentBuilder.Render"/> (catalogue object 1, page tree object 2).</param>
    /// <param name="signingTime">Written as the signature dictionary's /M.</param>
    /// <param name="signerName">The seal's holder, written as /Name (viewers show it).</param>
    /// <exception cref="FormatException">The PDF is not one our writer produced.</exception>
    public static PdfSignature Prepare(byte[] pdf, DateTimeOffset signingTime, string signerName, int reservedBytes = 24 * 1024)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(signerName);
        var text = Encoding.Latin1.GetString(pdf);
        var startxref = text.LastIndexOf("startxref", StringComparison.Ordinal);
        var trailerAt = text.LastIndexOf("trailer", StringComparison.Ordinal);
        if (startxref < 0 || trailerAt < 0 || trailerAt > startxref)
        {
            throw new FormatException("No trailer found: the PDF was not written by ZemgaleNvo.Pdf.");
        }

        var previousXref = long.Parse(Between(text, startxref + 9, "%%EOF").Trim(), CultureInfo.InvariantCulture);
        var trailer = text[trailerAt..startxref];
        var size = int.Parse(Value(trailer, "/Size"), CultureInfo.InvariantCulture);
        var root = int.Parse(Value(trailer, "/Root"), CultureInfo.InvariantCulture);
        var info = int.Parse(Value(trailer, "/Info"), CultureInfo.InvariantCulture);
        var idAt = trailer.IndexOf("/ID [", StringComparison.Ordinal);
        var id = idAt >= 0 ? trailer[idAt..(trailer.IndexOf(']', idAt) + 1)] : string.Empty;

        var catalog = ObjectBody(text, previousXref, root);
        var pageTree = ObjectBody(text, previousXref, int.Parse(Value(catalog, "/Pages"), CultureInfo.InvariantCulture));
        var kids = pageTree.IndexOf("/Kids [", StringComparison.Ordinal);
        var firstPage = int.Parse(pageTree.AsSpan(kids + 7).TrimStart()[..pageTree.AsSpan(kids + 7).TrimStart().IndexOf(' ')], CultureInfo.InvariantCulture);
        var page = ObjectBody(text, previousXref, firstPage);
        if (catalog.Contains("/AcroForm", StringComparison.Ordinal) || page.Contains("/Annots", StringComparison.Ordinal))
        {
            throw new FormatException("The PDF already has a form or annotations; it is signed once, when approved.");
        }

        var field = size;
        var signature = size + 1;
        using var update = new MemoryStream(pdf.Length + (reservedBytes * 2) + 2048);
        update.Write(pdf);
        var offsets = new SortedDictionary<int, long>();
        void Write(string s) => update.Write(Encoding.Latin1.GetBytes(s));
        void Object(int number, string body)
        {
            offsets[number] = update.Position;
            Write(number.ToString(CultureInfo.InvariantCulture) + " 0 obj\n" + body + "\nendobj\n");
        }

        // Hidden (2) and locked (128): the seal has no appearance on the page, so it adds nothing
        // a screen reader would meet; viewers list it in their signature panel.
        Object(field, $"<</Type /Annot /Subtype /Widget /FT /Sig /F 130 /T (E-zimogs) /Rect [0 0 0 0] /P {firstPage} 0 R /V {signature} 0 R>>");

        offsets[signature] = update.Position;
        var date = signingTime.UtcDateTime.ToString("'D:'yyyyMMddHHmmss'Z'", CultureInfo.InvariantCulture);
        Write($"{signature} 0 obj\n<</Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /Name {TextString(signerName)} /M ({date}) /ByteRange ");
        var byteRangeAt = (int)update.Position;
        Write("[0 0000000000 0000000000 0000000000] /Contents ");
        var contentsStart = (int)update.Position;
        Write("<" + new string('0', reservedBytes * 2) + ">");
        var contentsLength = (int)update.Position - contentsStart;
        Write(">>\nendobj\n");

        Object(root, Insert(catalog, $" /AcroForm <</Fields [{field} 0 R] /SigFlags 3>>"));
        Object(firstPage, Insert(page, $" /Annots [{field} 0 R]"));

        var xref = update.Position;
        var table = new StringBuilder("xref\n");
        foreach (var (number, offset) in offsets)
        {
            // One subsection per object: simple, and valid however the numbers fall.
            table.Append(CultureInfo.InvariantCulture, $"{number} 1\n{offset:D10} 00000 n\r\n");
        }

        table.Append(CultureInfo.InvariantCulture, $"trailer\n<</Size {size + 2} /Root {root} 0 R /Info {info} 0 R {id} /Prev {previousXref}>>\nstartxref\n{xref}\n%%EOF\n");
        Write(table.ToString());

        var file = update.ToArray();
        var contentsEnd = contentsStart + contentsLength;
        var byteRange = string.Create(CultureInfo.InvariantCulture, $"[0 {contentsStart,10} {contentsEnd,10} {file.Length - contentsEnd,10}]");
        Encoding.Latin1.GetBytes(byteRange).CopyTo(file, byteRangeAt);
        return new PdfSignature(file, contentsStart, contentsLength);
    }

    /// <summary>The signed PDF: the DER-encoded CMS written into the reserved /Contents.</summary>
    /// <exception cref="InvalidOperationException">The CMS is larger than the room reserved.</exception>
    public byte[] Complete(ReadOnlySpan<byte> cms)
    {
        if ((cms.Length * 2) + 2 > _contentsLength)
        {
            throw new InvalidOperationException($"The signature ({cms.Length} bytes) does not fit the {(_contentsLength - 2) / 2} bytes reserved for it.");
        }

        var file = (byte[])_file.Clone();
        var hex = Convert.ToHexString(cms);
        Encoding.ASCII.GetBytes(hex).CopyTo(file, _contentsStart + 1);
        return file;
    }

    private static string Insert(string dictionary, string entries)
    {
        var end = dictionary.LastIndexOf(">>", StringComparison.Ordinal);
        return dictionary[..end] + entries + dictionary[end..];
    }

    private static string TextString(string text)
    {
        var hex = new StringBuilder("<FEFF");
        foreach (var c in text)
        {
            hex.Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
        }

        return hex.Append('>').ToString();
    }

    /// <summary>The dictionary of object <paramref name="number"/>, found through the classic cross-reference table.</summary>
    private static string ObjectBody(string text, long xref, int number)
    {
        if (string.CompareOrdinal(text, (int)xref, "xref\n0 ", 0, 7) != 0)
        {
            throw new FormatException("No classic cross-reference table: the PDF was not written by ZemgaleNvo.Pdf.");
        }

        var entries = text.IndexOf('\n', (int)xref + 5) + 1;
        var offset = int.Parse(text.AsSpan(entries + (number * 20), 10), CultureInfo.InvariantCulture);
        var header = number.ToString(CultureInfo.InvariantCulture) + " 0 obj\n";
        if (string.CompareOrdinal(text, offset, header, 0, header.Length) != 0)
        {
            throw new FormatException($"Object {number} is not where the cross-reference table says.");
        }

        var start = offset + header.Length;
        return text[start..text.IndexOf("\nendobj", start, StringComparison.Ordinal)];
    }

    private static string Value(string dictionary, string key)
    {
        var at = dictionary.IndexOf(key + " ", StringComparison.Ordinal);
        if (at < 0)
        {
            throw new FormatException($"No {key} in the PDF.");
        }

        var span = dictionary.AsSpan(at + key.Length + 1);
        var end = span.IndexOfAny(' ', '>', '/');
        return span[..(end < 0 ? span.Length : end)].ToString();
    }

    private static string Between(string text, int start, string end) => text[start..text.IndexOf(end, start, StringComparison.Ordinal)];
}
