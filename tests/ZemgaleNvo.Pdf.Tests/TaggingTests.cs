using SkiaSharp;
using UglyToad.PdfPig;
using static ZemgaleNvo.Pdf.Tests.PdfTestKit;

namespace ZemgaleNvo.Pdf.Tests;

/// <summary>The structure tree (tagged PDF, PDF/UA) as poppler reads it: what a screen reader gets.</summary>
public class TaggingTests
{
    private static byte[] Sample(string language = "lv") => Render(
        b => b.Heading("Kopsavilkums")
              .Paragraph("Ievads ar garumzīmēm: āčēģīķļņšūž ĀČĒĢĪĶĻŅŠŪŽ.")
              .Heading("Rezultāti", 2)
              .NumberedList(["Semināri Jelgavā", "Konsultācijas Bauskā"])
              .Table(new TableSpec(TableColumn.Relative(2), TableColumn.Fixed(80, TextAlignment.Right)).Header("Pozīcija", "EUR").Row("Atlīdzība", "1 234,56").TotalRow("Kopā", "1 234,56"))
              .Drawing(60, c => c.DrawRectangle(SKRect.Create(c.Area.Left, c.Area.Top, 40, 40), SKColors.SteelBlue), "Stabiņš: 1 234,56 EUR")
              .Drawing(8, c => c.DrawLine(c.Area.Left, c.Area.Top, c.Area.Right, c.Area.Top, SKColors.Gray, 0.5f)),
        new PageSetup { HeaderText = "Līgums Nr. 7", FooterFormat = "Lapa {0} no {1}" },
        new DocumentInfo { Title = "Kopsavilkums – Zemgale", Language = language, Created = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero) });

    [Fact]
    public void Pdfinfo_reports_a_tagged_document()
    {
        var info = Poppler.PdfInfo(Sample());

        Assert.Matches(@"Tagged:\s+yes", info);
        Assert.Contains("Kopsavilkums – Zemgale", info, StringComparison.Ordinal);
    }

    [Fact]
    public void Structure_has_headings_paragraphs_list_items_table_cells_and_a_figure_in_reading_order()
    {
        var structure = Poppler.PdfInfo(Sample(), "-struct-text");

        string[] inOrder = ["H1", "\"Kopsavilkums\"", "P", "āčēģīķļņšūž", "H2", "L", "LI", "Lbl", "\"1)\"", "LBody", "Semināri Jelgavā", "Table", "TR", "TH", "\"Pozīcija\"", "TD", "\"Atlīdzība\"", "Figure"];
        var at = 0;
        foreach (var part in inOrder)
        {
            var next = structure.IndexOf(part, at, StringComparison.Ordinal);
            Assert.True(next >= 0, $"'{part}' not found after position {at} in:\n{structure}");
            at = next + part.Length;
        }
    }

    [Fact]
    public void Header_footer_and_decorations_are_artifacts_outside_the_structure()
    {
        var structure = Poppler.PdfInfo(Sample(), "-struct-text");

        Assert.DoesNotContain("Līgums Nr. 7", structure, StringComparison.Ordinal);
        Assert.DoesNotContain("Lapa 1 no 1", structure, StringComparison.Ordinal);
        Assert.Single(structure.Split('\n'), line => line.Trim().StartsWith("Figure", StringComparison.Ordinal));
    }

    [Fact]
    public void Header_cells_have_column_scope_and_the_figure_has_its_alternative_text()
    {
        var pdf = Sample();
        var structure = Poppler.PdfInfo(pdf, "-struct");

        Assert.Contains("/Scope /Column", structure, StringComparison.Ordinal);
        var raw = System.Text.Encoding.Latin1.GetString(pdf);
        Assert.Contains("/Alt", raw, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lv")]
    [InlineData("en")]
    public void Catalogue_has_the_language_and_viewers_show_the_title(string language)
    {
        var pdf = Sample(language);
        var raw = System.Text.Encoding.Latin1.GetString(pdf);

        Assert.Contains($"/Lang({language})", raw.Replace(" (", "(", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("/DisplayDocTitle true", raw, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_Latvian_letter_is_extractable_and_wrapped_lines_keep_their_spaces()
    {
        var words = string.Join(' ', Enumerable.Repeat("pārskats ģimenēm", 40));
        var pdf = Render(b => b.Paragraph("āčēģīķļņšūž ĀČĒĢĪĶĻŅŠŪŽ").Paragraph(words));

        using var document = PdfDocument.Open(pdf);
        Assert.Contains("āčēģīķļņšūž ĀČĒĢĪĶĻŅŠŪŽ", Text(document.GetPage(1)), StringComparison.Ordinal);
        var structure = Poppler.PdfInfo(pdf, "-struct-text");
        Assert.DoesNotContain("ģimenēmpārskats", structure, StringComparison.Ordinal);
        Assert.DoesNotContain("pārskatsģimenēm", structure, StringComparison.Ordinal);
    }

    [Fact]
    public void Same_content_and_creation_time_give_the_same_bytes_and_other_content_another_id()
    {
        var first = Sample();
        var second = Sample();
        var english = Sample("en");

        Assert.Equal(first, second);
        Assert.NotEqual(DocumentId(first), DocumentId(english));
    }

    private static string DocumentId(byte[] pdf)
    {
        var raw = System.Text.Encoding.Latin1.GetString(pdf);
        var at = raw.LastIndexOf("/ID", StringComparison.Ordinal);
        return raw.Substring(at, 80);
    }
}
