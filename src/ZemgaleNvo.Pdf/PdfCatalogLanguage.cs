using System.Globalization;
using System.Text;

namespace ZemgaleNvo.Pdf;

/// <summary>
/// Sets the document language (<c>/Lang</c> in the catalogue), which screen readers and PDF/A
/// validators read and which SkiaSharp 3.119 has no setting for. Done as a PDF incremental update:
/// the catalogue is written again with <c>/Lang</c> added, followed by a small cross-reference
/// section and a trailer that points back to the original one. Nothing Skia wrote is moved, so no
/// offset changes, and the update is as valid as an edit saved by any PDF editor.
/// </summary>
public static class PdfCatalogLanguage
{
    private static readonly Encoding Latin1 = Encoding.Latin1;

    /// <param name="pdf">A PDF as SkiaSharp writes it: a classic cross-reference table and one trailer.</param>
    /// <param name="language">A BCP 47 tag, e.g. "lv" or "en".</param>
    public static byte[] Apply(byte[] pdf, string language)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentException.ThrowIfNullOrWhiteSpace(language);
        if (!language.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            throw new ArgumentException($"'{language}' is not a language tag.", nameof(language));
        }

        // Latin-1 maps every byte to one char and back, so positions in the text are byte offsets.
        var text = Latin1.GetString(pdf);
        var trailerStart = text.LastIndexOf("trailer", StringComparison.Ordinal);
        var startXref = text.LastIndexOf("startxref", StringComparison.Ordinal);
        if (trailerStart < 0 || startXref < trailerStart)
        {
            throw new InvalidDataException("No classic PDF trailer found.");
        }
        var trailer = text[(trailerStart + "trailer".Length)..startXref].Trim();
        var previousXref = long.Parse(text[(startXref + "startxref".Length)..].Trim().Split('\n')[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture);

        var root = Value(trailer, "/Root").Split(' ')[0];
        var catalogStart = text.IndexOf($"\n{root} 0 obj", StringComparison.Ordinal);
        if (catalogStart < 0)
        {
            throw new InvalidDataException($"Catalogue object {root} not found.");
        }
        var dictionaryStart = text.IndexOf("<<", catalogStart, StringComparison.Ordinal);
        var dictionaryEnd = text.IndexOf("\nendobj", dictionaryStart, StringComparison.Ordinal);
        var catalog = text[dictionaryStart..dictionaryEnd].TrimEnd();
        if (!catalog.EndsWith(">>", StringComparison.Ordinal) || catalog.Contains("/Lang", StringComparison.Ordinal))
        {
            throw new InvalidDataException("Unexpected catalogue dictionary.");
        }
        catalog = catalog[..^2] + $"\n/Lang ({language})>>";

        var update = new StringBuilder();
        var objectOffset = pdf.Length + 1;
        update.Append('\n').Append(root).Append(" 0 obj\n").Append(catalog).Append("\nendobj\n");
        var xrefOffset = pdf.Length + update.Length;
        update.Append("xref\n0 1\n0000000000 65535 f \n")
            .Append(root).Append(" 1\n")
            .Append(objectOffset.ToString("D10", CultureInfo.InvariantCulture)).Append(" 00000 n \n")
            .Append("trailer\n")
            .Append(trailer[..^2]) // the previous trailer dictionary without its closing ">>"
            .Append("\n/Prev ").Append(previousXref.ToString(CultureInfo.InvariantCulture)).Append(">>\n")
            .Append("startxref\n").Append(xrefOffset.ToString(CultureInfo.InvariantCulture)).Append("\n%%EOF\n");

        var result = new byte[pdf.Length + update.Length];
        pdf.CopyTo(result, 0);
        Latin1.GetBytes(update.ToString(), 0, update.Length, result, pdf.Length);
        return result;
    }

    /// <summary>The value after a key in a one-level dictionary text ("/Root 22 0 R" → "22 0 R").</summary>
    private static string Value(string dictionary, string key)
    {
        var at = dictionary.IndexOf(key, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new InvalidDataException($"{key} missing from the trailer.");
        }
        var rest = dictionary[(at + key.Length)..].TrimStart();
        var end = rest.IndexOfAny(['/', '>', '\n']);
        return (end < 0 ? rest : rest[..end]).Trim();
    }
}
