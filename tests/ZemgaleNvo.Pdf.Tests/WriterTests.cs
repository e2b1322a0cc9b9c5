using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using ZemgaleNvo.Pdf.Writing;
using static ZemgaleNvo.Pdf.Tests.PdfTestKit;

namespace ZemgaleNvo.Pdf.Tests;

/// <summary>Our PDF object writer (decision 0001): the file structure every reader relies on.</summary>
public partial class WriterTests
{
    [Fact]
    public void Every_cross_reference_entry_points_at_its_object_in_documents_of_many_sizes()
    {
        // Sizes from one page to a dozen: the writer's 64 KB buffer is flushed at a different
        // operator in each, so a write that loses its place at a flush shows up in one of them.
        for (var rows = 20; rows <= 520; rows += 25)
        {
            var table = new TableSpec(TableColumn.Fixed(50), TableColumn.Relative(3), TableColumn.Fixed(80, TextAlignment.Right)).Header("Nr.", "Aktivitāte", "EUR");
            for (var i = 1; i <= rows; i++)
            {
                table.Row(i.ToString(CultureInfo.InvariantCulture), $"Aktivitāte {i}: semināri ģimenēm Jelgavā", $"{i * 17},{i % 100:D2}");
            }

            var pdf = Render(b => b.Heading("Pārskats").Table(table), new PageSetup { HeaderText = "Līgums", FooterFormat = "Lapa {0} no {1}" });

            AssertCrossReferenceTableIsExact(pdf);
            using var document = PdfDocument.Open(pdf);
            var last = document.GetPage(document.NumberOfPages);
            Assert.Contains($"Aktivitāte {rows}: semināri ģimenēm Jelgavā", Text(last), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_number_written_when_the_buffer_is_full_lands_after_what_came_before()
    {
        using var stream = new MemoryStream();
        using (var output = new PdfOutput(stream))
        {
            output.Raw(new string('x', (64 * 1024) - 30));
            output.Raw("[");
            output.Number(595.28f);
            output.Raw(" ");
            output.Number(-0.0001f);
            output.Raw(" ");
            output.Number(12f);
            output.Raw("]");
            output.Finish(1, 1, new byte[16]);
        }

        var text = Encoding.Latin1.GetString(stream.ToArray());
        Assert.Contains("xx[595.28 0 12]xref", text.Replace("\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void The_document_carries_pdf_ua_identification_title_and_language_in_its_metadata()
    {
        var pdf = Render(b => b.Paragraph("Teksts"), info: new DocumentInfo { Title = "Kopsavilkums – Zemgale & Co", Language = "lv", Created = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero) });
        var raw = Encoding.UTF8.GetString(pdf);

        Assert.Contains("<pdfuaid:part>1</pdfuaid:part>", raw, StringComparison.Ordinal);
        Assert.Contains("<rdf:li xml:lang=\"x-default\">Kopsavilkums – Zemgale &amp; Co</rdf:li>", raw, StringComparison.Ordinal);
        Assert.Contains("<dc:language><rdf:Bag><rdf:li>lv</rdf:li></rdf:Bag></dc:language>", raw, StringComparison.Ordinal);
        Assert.Contains("/MarkInfo <</Marked true>>", raw, StringComparison.Ordinal);
        Assert.Contains("Metadata Stream: yes", Poppler.PdfInfo(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public void Fonts_are_embedded_subsets_with_unicode_maps()
    {
        var pdf = Render(b => b.Paragraph("Ģimenēm āčēģīķļņšūž").Paragraph([TextSpan.Bold("Kopā")]));
        var raw = Encoding.Latin1.GetString(pdf);

        Assert.Equal(2, SubsetFont().Matches(raw).Select(m => m.Value).Distinct().Count());
        Assert.Contains("/Encoding /Identity-H", raw, StringComparison.Ordinal);
        Assert.Contains("/CIDFontType2", raw, StringComparison.Ordinal);
        Assert.Contains("/ToUnicode", raw, StringComparison.Ordinal);
        Assert.True(pdf.Length < 120_000, $"two font subsets should stay small, the file is {pdf.Length} bytes");
    }

    /// <summary>The classic table: "xref", "0 n", then n entries of 20 bytes; each in-use offset must start "k 0 obj".</summary>
    private static void AssertCrossReferenceTableIsExact(byte[] pdf)
    {
        var raw = Encoding.Latin1.GetString(pdf);
        var startxref = raw.LastIndexOf("startxref", StringComparison.Ordinal);
        var xref = int.Parse(raw.AsSpan(startxref + 10, raw.IndexOf('\n', startxref + 10) - startxref - 10), CultureInfo.InvariantCulture);
        Assert.StartsWith("xref\n0 ", raw[xref..], StringComparison.Ordinal);
        var countEnd = raw.IndexOf('\n', xref + 7);
        var count = int.Parse(raw.AsSpan(xref + 7, countEnd - xref - 7), CultureInfo.InvariantCulture);
        for (var number = 1; number < count; number++)
        {
            var entry = raw.Substring(countEnd + 1 + (number * 20), 20);
            Assert.EndsWith(" 00000 n\r\n", entry, StringComparison.Ordinal);
            var offset = int.Parse(entry.AsSpan(0, 10), CultureInfo.InvariantCulture);
            var expected = number.ToString(CultureInfo.InvariantCulture) + " 0 obj";
            Assert.True(string.CompareOrdinal(raw, offset, expected, 0, expected.Length) == 0, $"object {number}: offset {offset} holds '{raw.Substring(offset, Math.Min(20, raw.Length - offset))}'");
        }
    }

    [GeneratedRegex(@"/[A-Z]{6}\+DejaVuSans[-A-Za-z]*")]
    private static partial Regex SubsetFont();
}
