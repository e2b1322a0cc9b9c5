using System.Security.Cryptography;
using System.Text;

namespace ZemgaleNvo.Web.Features.Reports.Pdf;

/// <summary>
/// Makes a PDF/A file reproducible byte for byte. Skia (3.119) derives the document's UUID (the
/// trailer's <c>/ID</c> and the XMP <c>DocumentID</c>/<c>InstanceID</c>) from the wall clock, so two
/// renderings of the same report with the same creation time still differ in those 32 hex digits.
/// This replaces that UUID, in place and with the same length (the cross-reference offsets stay
/// valid), by one derived from the rest of the file: the same content gives the same id, different
/// content a different one.
/// </summary>
/// <remarks>Belongs in ZemgaleNvo.Pdf's writer; kept here until that library does it itself.</remarks>
internal static class PdfDocumentId
{
    private static readonly byte[] IdKey = "/ID [<"u8.ToArray();

    public static byte[] MakeDeterministic(byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);

        // The last "/ID [<32 hex>" is the trailer's.
        var at = pdf.AsSpan().LastIndexOf(IdKey);
        if (at < 0 || at + IdKey.Length + 32 > pdf.Length)
        {
            return pdf;
        }

        var hex = pdf.AsSpan(at + IdKey.Length, 32).ToArray();
        if (!hex.All(b => Uri.IsHexDigit((char)b)))
        {
            return pdf;
        }

        var upper = Encoding.ASCII.GetString(hex).ToUpperInvariant();
        var dashed = Dashed(upper.ToLowerInvariant());
        byte[][] forms = [Encoding.ASCII.GetBytes(upper), Encoding.ASCII.GetBytes(dashed)];

        // Hash the file with the random id blanked out, then write the new id where the old one was.
        var result = (byte[])pdf.Clone();
        var places = forms.Select(form => (Form: form, At: Occurrences(result, form))).ToList();
        foreach (var (form, positions) in places)
        {
            foreach (var position in positions)
            {
                result.AsSpan(position, form.Length).Fill((byte)'0');
            }
        }

        var digest = SHA256.HashData(result).AsSpan(0, 16).ToArray();
        digest[6] = (byte)((digest[6] & 0x0F) | 0x50); // name-based (version 5 layout)
        digest[8] = (byte)((digest[8] & 0x3F) | 0x80); // RFC 4122 variant
        var newUpper = Convert.ToHexString(digest);
        byte[][] replacements = [Encoding.ASCII.GetBytes(newUpper), Encoding.ASCII.GetBytes(Dashed(newUpper.ToLowerInvariant()))];
        for (var i = 0; i < places.Count; i++)
        {
            foreach (var position in places[i].At)
            {
                replacements[i].CopyTo(result, position);
            }
        }

        return result;
    }

    private static string Dashed(string hex) => $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";

    private static List<int> Occurrences(byte[] data, byte[] value)
    {
        var found = new List<int>();
        var offset = 0;
        while (offset < data.Length)
        {
            var index = data.AsSpan(offset).IndexOf(value);
            if (index < 0)
            {
                break;
            }

            found.Add(offset + index);
            offset += index + value.Length;
        }

        return found;
    }
}
