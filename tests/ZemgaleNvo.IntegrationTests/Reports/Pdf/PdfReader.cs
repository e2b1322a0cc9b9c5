using System.Text;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace ZemgaleNvo.IntegrationTests.Reports.Pdf;

/// <summary>A rendered PDF read back with PdfPig: the text of each page, as a reader would copy it.</summary>
internal sealed partial class PdfReader
{
    /// <summary>The running header and the footer sit in the top and bottom margins (20 mm); body text stays out of this band.</summary>
    private const double MarginBand = 50;

    private PdfReader(IReadOnlyList<string> pages, IReadOnlyList<string> bodies, string title, string author, string creator)
    {
        Pages = pages;
        Bodies = bodies;
        Title = title;
        Author = author;
        Creator = creator;
        Text = string.Join(' ', pages);
        Compact = Squeeze(string.Join(' ', bodies));
    }

    /// <summary>Each page's text: letters in drawing order, a space where a line or a cell changes, whitespace (no-break spaces too) collapsed.</summary>
    public IReadOnlyList<string> Pages { get; }

    /// <summary>Each page's text without the running header and the footer.</summary>
    public IReadOnlyList<string> Bodies { get; }

    /// <summary>All pages' text, header and footer included.</summary>
    public string Text { get; }

    /// <summary>
    /// The body text of all pages without any whitespace and without the running headers and
    /// footers: a sentence that wraps over lines, or over a page break, reads as one.
    /// </summary>
    public string Compact { get; }

    public string Title { get; }

    public string Author { get; }

    public string Creator { get; }

    public static PdfReader Read(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var pages = new List<string>();
        var bodies = new List<string>();
        foreach (var page in document.GetPages())
        {
            pages.Add(PageText(page.Letters));
            bodies.Add(PageText(page.Letters.Where(l => l.StartBaseLine.Y > MarginBand && l.StartBaseLine.Y < page.Height - MarginBand)));
        }

        var info = document.Information;
        return new PdfReader(pages, bodies, info.Title ?? string.Empty, info.Author ?? string.Empty, info.Creator ?? string.Empty);
    }

    /// <summary>Text with every whitespace character (no-break spaces included) removed.</summary>
    public static string Squeeze(string text) => AnyWhitespace().Replace(text, string.Empty);

    public static string Normalise(string text) => AnyWhitespace().Replace(text, " ").Trim();

    /// <summary>How often <paramref name="value"/> occurs in the compact text (whitespace ignored on both sides).</summary>
    public int CountCompact(string value)
    {
        var needle = Squeeze(value);
        var count = 0;
        for (var at = Compact.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = Compact.IndexOf(needle, at + needle.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    public bool ContainsCompact(string value) => Compact.Contains(Squeeze(value), StringComparison.Ordinal);

    public bool PageContainsCompact(int pageIndex, string value) => Squeeze(Bodies[pageIndex]).Contains(Squeeze(value), StringComparison.Ordinal);

    private static string PageText(IEnumerable<Letter> letters)
    {
        var text = new StringBuilder();
        Letter? previous = null;
        foreach (var letter in letters)
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

    // \s covers U+00A0 (the Latvian thousands separator) as well.
    [GeneratedRegex(@"\s+")]
    private static partial Regex AnyWhitespace();
}
