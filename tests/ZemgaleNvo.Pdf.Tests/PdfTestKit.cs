using System.Text;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace ZemgaleNvo.Pdf.Tests;

/// <summary>Renders documents with the Debian DejaVu fonts and reads them back with PdfPig.</summary>
internal static partial class PdfTestKit
{
    /// <summary>One font set for all tests, as the application keeps one for its lifetime.</summary>
    public static FontSet Fonts { get; } = FontSet.Locate(null);

    public static byte[] Render(Action<PdfDocumentBuilder> build, PageSetup? page = null, DocumentInfo? info = null) =>
        Render(build, out _, page, info);

    public static byte[] Render(Action<PdfDocumentBuilder> build, out int pageCount, PageSetup? page = null, DocumentInfo? info = null)
    {
        var builder = new PdfDocumentBuilder(Fonts, page);
        build(builder);
        using var stream = new MemoryStream();
        pageCount = builder.Render(stream, info ?? new DocumentInfo { Title = "Tests", Created = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero) });
        return stream.ToArray();
    }

    /// <summary>
    /// All letters of a page in drawing order, with a space wherever a new line starts or the
    /// next letter is not right after the previous one (a table cell), whitespace collapsed.
    /// </summary>
    public static string Text(Page page)
    {
        var text = new StringBuilder();
        Letter? previous = null;
        foreach (var letter in page.Letters)
        {
            if (previous is not null)
            {
                var sameLine = Math.Abs(letter.StartBaseLine.Y - previous.StartBaseLine.Y) < 0.5;
                var adjacent = Math.Abs(letter.StartBaseLine.X - previous.EndBaseLine.X) < 1;
                if (!sameLine || !adjacent)
                {
                    text.Append(' ');
                }
            }

            text.Append(letter.Value);
            previous = letter;
        }

        return Normalise(text.ToString());
    }

    public static string Normalise(string text) => Whitespace().Replace(text, " ").Trim();

    /// <summary>Words of every page, in order.</summary>
    public static List<string> Words(PdfDocument document) =>
        document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text).ToList();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
