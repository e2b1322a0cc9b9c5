using System.Globalization;
using SkiaSharp;
using UglyToad.PdfPig;
using static ZemgaleNvo.Pdf.Tests.PdfTestKit;

namespace ZemgaleNvo.Pdf.Tests;

public class DocumentTests
{
    private const string Latvian = "āčēģīķļņšūž ĀČĒĢĪĶĻŅŠŪŽ „Zemgales NVO centrs”";

    private static readonly PageSetup Setup = new()
    {
        HeaderText = "Deleģēto uzdevumu līgums Nr. 2025/7",
        FooterFormat = "Lapa {0} no {1}",
    };

    [Fact]
    public void Latvian_letters_and_quotes_are_extractable()
    {
        var pdf = Render(b => b.Heading("Kopsavilkums – " + Latvian).Paragraph(Latvian));

        using var document = PdfDocument.Open(pdf);
        var text = Text(document.GetPage(1));
        Assert.Contains("Kopsavilkums – " + Latvian, text, StringComparison.Ordinal);
        Assert.Equal(2, CountOf(text, Latvian));
    }

    [Fact]
    public void Every_page_has_the_header_and_a_page_of_total_footer()
    {
        var pdf = Render(
            b =>
            {
                for (var i = 0; i < 150; i++)
                {
                    b.Paragraph($"Rindkopa {i}: aktivitātes apraksts ar pietiekami garu tekstu, lai tas aizņemtu vietu lapā.");
                }
            },
            out var pageCount,
            Setup);

        using var document = PdfDocument.Open(pdf);
        Assert.True(pageCount >= 3, $"expected several pages, got {pageCount}");
        Assert.Equal(pageCount, document.NumberOfPages);
        foreach (var page in document.GetPages())
        {
            var text = Text(page);
            Assert.Contains($"Lapa {page.Number.ToString(CultureInfo.InvariantCulture)} no {pageCount.ToString(CultureInfo.InvariantCulture)}", text, StringComparison.Ordinal);
            Assert.StartsWith("Deleģēto uzdevumu līgums Nr. 2025/7", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Too_long_header_is_cut_to_one_line_with_an_ellipsis()
    {
        var setup = Setup with { HeaderText = string.Concat(Enumerable.Repeat("Ļoti garš līguma nosaukums ", 20)) };

        var pdf = Render(b => b.Paragraph("Teksts."), setup);

        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        var headerLetters = page.Letters.Where(l => l.StartBaseLine.Y > page.Height - setup.Margins.Top).ToList();
        Assert.Single(headerLetters.Select(l => Math.Round(l.StartBaseLine.Y, 1)).Distinct());
        Assert.Equal("…", headerLetters[^1].Value);
        Assert.All(headerLetters, l => Assert.True(l.BoundingBox.Right <= page.Width - setup.Margins.Right + 0.5));
    }

    [Fact]
    public void Paragraph_wraps_within_the_margins_and_breaks_overlong_words()
    {
        var setup = new PageSetup { Margins = new Margins(70, 60, 90, 60) };
        var text = string.Join(' ', Enumerable.Range(0, 120).Select(i => "vārds" + i.ToString(CultureInfo.InvariantCulture)))
            + " " + new string('Ž', 200);

        var pdf = Render(b => b.Paragraph(text), setup);

        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        var letters = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
        Assert.True(letters.Select(l => Math.Round(l.StartBaseLine.Y)).Distinct().Count() > 5, "the paragraph should wrap onto several lines");
        Assert.All(letters, l =>
        {
            Assert.True(l.BoundingBox.Left >= setup.Margins.Left - 0.5, $"'{l.Value}' starts at {l.BoundingBox.Left}");
            Assert.True(l.StartBaseLine.X + l.Width <= page.Width - setup.Margins.Right + 0.5, $"'{l.Value}' ends at {l.StartBaseLine.X + l.Width}");
        });
        Assert.Equal(200, letters.Count(l => l.Value == "Ž"));
        Assert.Equal(120, page.GetWords().Count(w => w.Text.StartsWith("vārds", StringComparison.Ordinal)));
    }

    [Fact]
    public void Right_and_centre_alignment_place_lines_against_the_edges()
    {
        var setup = new PageSetup { Margins = Margins.Uniform(50) };
        var pdf = Render(
            b => b.Paragraph("Pa labi", new ParagraphStyle { Alignment = TextAlignment.Right })
                  .Paragraph("Centrā", new ParagraphStyle { Alignment = TextAlignment.Center }),
            setup);

        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        var right = page.GetWords().Single(w => w.Text == "labi");
        var centre = page.GetWords().Single(w => w.Text == "Centrā");
        Assert.Equal(page.Width - 50, right.BoundingBox.Right, 0);
        Assert.Equal(page.Width / 2, (centre.BoundingBox.Left + centre.BoundingBox.Right) / 2, 0);
    }

    [Fact]
    public void Bold_and_italic_spans_use_the_bold_and_oblique_fonts()
    {
        var pdf = Render(b => b.Paragraph([TextSpan.Plain("Parasts "), TextSpan.Bold("treknraksts"), TextSpan.Plain(" un "), TextSpan.Italic("slīpraksts")]));

        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        Assert.Contains("Parasts treknraksts un slīpraksts", Text(page), StringComparison.Ordinal);
        var words = page.GetWords().ToList();
        Assert.All(words.Single(w => w.Text == "treknraksts").Letters, l => Assert.Contains("Bold", l.FontName, StringComparison.Ordinal));
        Assert.All(words.Single(w => w.Text == "Parasts").Letters, l => Assert.DoesNotContain("Bold", l.FontName, StringComparison.Ordinal));
        Assert.All(words.Single(w => w.Text == "slīpraksts").Letters, l => Assert.Contains("Oblique", l.FontName, StringComparison.Ordinal));
    }

    [Fact]
    public void Metadata_is_readable()
    {
        var info = new DocumentInfo
        {
            Title = "Kopsavilkums par 2025. gadu",
            Author = "Zemgales NVO centrs",
            Subject = "Deleģētie uzdevumi",
            Keywords = "pārskats, NVO",
            Creator = "ZemgaleNvo portāls",
            Created = new DateTimeOffset(2025, 3, 4, 10, 0, 0, TimeSpan.FromHours(2)),
        };

        var pdf = Render(b => b.Paragraph("Teksts."), info: info);

        using var document = PdfDocument.Open(pdf);
        Assert.Equal(info.Title, document.Information.Title);
        Assert.Equal(info.Author, document.Information.Author);
        Assert.Equal(info.Subject, document.Information.Subject);
        Assert.Equal(info.Keywords, document.Information.Keywords);
        Assert.Equal(info.Creator, document.Information.Creator);
        Assert.Contains(info.Producer!, document.Information.Producer, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 8, 0, 0, TimeSpan.Zero), document.Information.GetCreatedDateTimeOffset());
        Assert.True(document.TryGetXmpMetadata(out var xmp), "the PDF carries XMP metadata");
        var xml = System.Text.Encoding.UTF8.GetString(xmp.GetXmlBytes().ToArray());
        Assert.Contains("Kopsavilkums par 2025. gadu", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void Heading_is_never_left_alone_at_the_bottom_of_a_page()
    {
        var setup = new PageSetup();
        var pdf = Render(
            b => b.Paragraph("Sākums.")
                  .Spacer(setup.ContentHeight - 60)
                  .Heading("Virsraksts")
                  .Paragraph("Pirmā rindkopa pēc virsraksta."),
            setup);

        using var document = PdfDocument.Open(pdf);
        Assert.Equal(2, document.NumberOfPages);
        Assert.DoesNotContain("Virsraksts", Text(document.GetPage(1)), StringComparison.Ordinal);
        Assert.Contains("Virsraksts Pirmā rindkopa", Text(document.GetPage(2)), StringComparison.Ordinal);
    }

    [Fact]
    public void Page_break_starts_a_new_page_but_never_a_blank_one()
    {
        var pdf = Render(b => b.Paragraph("Pirmā lapa.").PageBreak().PageBreak().Paragraph("Otrā lapa."), out var pageCount);

        using var document = PdfDocument.Open(pdf);
        Assert.Equal(2, pageCount);
        Assert.Contains("Otrā lapa.", Text(document.GetPage(2)), StringComparison.Ordinal);
    }

    [Fact]
    public void Numbered_list_has_labels_and_a_hanging_indent()
    {
        var longItem = string.Join(' ', Enumerable.Repeat("Aktivitāte ar garu aprakstu", 12));
        var pdf = Render(b => b.NumberedList(["Īss punkts", longItem, "Trešais"]).BulletList(["Aizzīme"]));

        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        var text = Text(page);
        Assert.Contains("1) Īss punkts", text, StringComparison.Ordinal);
        Assert.Contains("3) Trešais", text, StringComparison.Ordinal);
        Assert.Contains("• Aizzīme", text, StringComparison.Ordinal);
        var label = page.GetWords().Single(w => w.Text == "1)");
        var lineStarts = page.GetWords().Where(w => w.Text == "Aktivitāte").Select(w => w.BoundingBox.Left).ToList();
        var firstText = page.GetWords().Single(w => w.Text == "Īss").BoundingBox.Left;
        Assert.True(firstText > label.BoundingBox.Right);
        Assert.Equal(firstText, lineStarts.Min(), 1);
        Assert.True(page.GetWords().Select(w => w.BoundingBox.Left).Where(x => x > label.BoundingBox.Right).Min() >= firstText - 0.5);
    }

    [Fact]
    public void Drawing_callback_gets_its_area_and_writes_text_in_the_document_fonts()
    {
        var setup = new PageSetup();
        var areas = new List<SKRect>();
        var pdf = Render(
            b => b.Paragraph("Diagramma:").Drawing(120, context =>
            {
                areas.Add(context.Area);
                context.DrawRectangle(SKRect.Create(context.Area.Left, context.Area.Bottom - 80, 40, 80), SKColors.SteelBlue);
                var label = new TextStyle { Size = 8, Emphasis = FontEmphasis.Bold };
                context.DrawText("2025. gads – ļoti labs", context.Area.MidX, context.Area.Bottom - 2, label, TextAlignment.Center);
            }, "Diagramma: 2025. gads – ļoti labs"),
            setup);

        using var document = PdfDocument.Open(pdf);
        Assert.Single(areas);
        Assert.All(areas, area =>
        {
            Assert.Equal(setup.Margins.Left, area.Left, 2);
            Assert.Equal(setup.ContentWidth, area.Width, 2);
            Assert.Equal(120, area.Height, 2);
        });
        var word = document.GetPage(1).GetWords().Single(w => w.Text == "ļoti");
        Assert.All(word.Letters, l => Assert.Contains("Bold", l.FontName, StringComparison.Ordinal));
        Assert.Contains("2025. gads – ļoti labs", Text(document.GetPage(1)), StringComparison.Ordinal);
    }

    [Fact]
    public void Fonts_are_embedded_as_small_subsets()
    {
        // The four DejaVu files are 2.7 MB; whole-font embedding would make even a one-page PDF over 1 MB.
        var pdf = Render(b => b.Heading("Virsraksts").Paragraph([TextSpan.Plain(Latvian + " "), TextSpan.Bold("trekns "), TextSpan.Italic("slīps "), new TextSpan("abi", FontEmphasis.BoldItalic)]));

        using var document = PdfDocument.Open(pdf);
        var fonts = document.GetPage(1).Letters.Select(l => l.FontName).Distinct().ToList();
        Assert.Equal(4, fonts.Count);
        Assert.True(pdf.Length < 200_000, $"PDF is {pdf.Length} bytes");
    }

    [Fact]
    public void Page_count_and_content_stay_the_same_when_rendered_twice()
    {
        var builder = new PdfDocumentBuilder(Fonts, Setup).Heading("Atkārtoti").Paragraph(Latvian);
        using var first = new MemoryStream();
        using var second = new MemoryStream();

        Assert.Equal(1, builder.Render(first, new DocumentInfo()));
        Assert.Equal(1, builder.Render(second, new DocumentInfo()));

        using var a = PdfDocument.Open(first.ToArray());
        using var b = PdfDocument.Open(second.ToArray());
        Assert.Equal(Text(a.GetPage(1)), Text(b.GetPage(1)));
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
