using System.Globalization;
using UglyToad.PdfPig;
using static ZemgaleNvo.Pdf.Tests.PdfTestKit;

namespace ZemgaleNvo.Pdf.Tests;

public class TableTests
{
    private static TableSpec NewTable() =>
        new TableSpec(TableColumn.Fixed(50), TableColumn.Relative(3), TableColumn.Fixed(80, TextAlignment.Right))
            .Header("Nr.", "Aktivitātes nosaukums", "Summa EUR");

    [Fact]
    public void Long_table_repeats_its_header_on_every_page_and_loses_no_row()
    {
        var table = NewTable();
        for (var i = 1; i <= 300; i++)
        {
            var n = i.ToString("D3", CultureInfo.InvariantCulture);
            table.Row($"R{n}", $"Aktivitāte A{n} ar aprakstu, kas dažreiz ir garāks{(i % 7 == 0 ? " un aizņem vairākas rindas šaurā kolonnā, jo tajā ir daudz vārdu par ģimenēm, ķirbjiem un ļaudīm" : string.Empty)}", $"{i},00");
        }

        table.TotalRow("", "Kopā", "45 150 EUR");

        var pdf = Render(b => b.Heading("Aktivitātes").Table(table), new PageSetup { FooterFormat = "Lapa {0} no {1}" });

        using var document = PdfDocument.Open(pdf);
        Assert.True(document.NumberOfPages >= 4, $"300 rows should take several pages, got {document.NumberOfPages}");
        foreach (var page in document.GetPages())
        {
            Assert.Contains("Nr. Aktivitātes nosaukums Summa EUR", Text(page), StringComparison.Ordinal);
        }

        var words = Words(document);
        for (var i = 1; i <= 300; i++)
        {
            var n = i.ToString("D3", CultureInfo.InvariantCulture);
            Assert.Equal(1, words.Count(w => w == $"R{n}"));
            Assert.Equal(1, words.Count(w => w == $"A{n}"));
            Assert.Equal(1, words.Count(w => w == $"{i},00"));
        }

        Assert.Equal(1, words.Count(w => w == "Kopā"));
        var total = document.GetPage(document.NumberOfPages).GetWords().Single(w => w.Text == "Kopā");
        Assert.All(total.Letters, l => Assert.Contains("Bold", l.FontName, StringComparison.Ordinal));
    }

    [Fact]
    public void Numeric_column_is_right_aligned()
    {
        var table = NewTable().Row("1", "Viens", "5,00").Row("2", "Divi", "12 345,67");
        var setup = new PageSetup { Margins = Margins.Uniform(40) };

        var pdf = Render(b => b.Table(table), setup);

        using var document = PdfDocument.Open(pdf);
        var words = document.GetPage(1).GetWords().ToList();
        var cellRight = setup.Width - setup.Margins.Right - table.CellPadding;
        Assert.Equal(cellRight, words.Single(w => w.Text == "5,00").BoundingBox.Right, 0);
        Assert.Equal(cellRight, words.Single(w => w.Text == "345,67").BoundingBox.Right, 0);
    }

    [Fact]
    public void Row_taller_than_a_page_is_split_line_by_line_without_losing_words()
    {
        var cellWords = Enumerable.Range(1, 1500).Select(i => "vārds" + i.ToString(CultureInfo.InvariantCulture)).ToList();
        var table = NewTable().Row("1", string.Join(' ', cellWords), "9,99").Row("2", "Nākamā rinda", "1,00");

        var pdf = Render(b => b.Paragraph("Ievads.").Table(table), out var pageCount);

        using var document = PdfDocument.Open(pdf);
        Assert.True(pageCount >= 3, $"the row should need several pages, got {pageCount}");
        var found = Words(document).Where(w => w.StartsWith("vārds", StringComparison.Ordinal)).ToList();
        Assert.Equal(cellWords, found);
        Assert.Contains("Nākamā rinda", Text(document.GetPage(pageCount)), StringComparison.Ordinal);
        foreach (var page in document.GetPages())
        {
            Assert.Contains("Nr. Aktivitātes nosaukums Summa EUR", Text(page), StringComparison.Ordinal);
            var bottomMargin = new PageSetup().Margins.Bottom;
            Assert.All(page.Letters.Where(l => l.Value.StartsWith('v')), l => Assert.True(l.BoundingBox.Bottom >= bottomMargin - 0.5));
        }
    }

    [Fact]
    public void Row_that_fits_an_empty_page_moves_whole_to_the_next_page()
    {
        var setup = new PageSetup();
        var tallCell = string.Join('\n', Enumerable.Range(1, 20).Select(i => "rinda" + i.ToString(CultureInfo.InvariantCulture)));
        var pdf = Render(b => b.Paragraph("Ievads.").Spacer(setup.ContentHeight - 150).Table(NewTable().Row("1", tallCell, "1,00")), setup);

        using var document = PdfDocument.Open(pdf);
        Assert.Equal(2, document.NumberOfPages);
        Assert.DoesNotContain("rinda", Text(document.GetPage(1)), StringComparison.Ordinal);
        Assert.Equal(20, document.GetPage(2).GetWords().Count(w => w.Text.StartsWith("rinda", StringComparison.Ordinal)));
    }

    [Fact]
    public void Table_header_is_not_left_alone_at_the_bottom_of_a_page()
    {
        var setup = new PageSetup();
        var pdf = Render(b => b.Paragraph("Ievads.").Spacer(setup.ContentHeight - 40).Table(NewTable().Row("1", "Pirmā rinda", "1,00")), setup);

        using var document = PdfDocument.Open(pdf);
        Assert.Equal(2, document.NumberOfPages);
        Assert.DoesNotContain("Aktivitātes nosaukums", Text(document.GetPage(1)), StringComparison.Ordinal);
        Assert.Contains("Nr. Aktivitātes nosaukums Summa EUR 1 Pirmā rinda 1,00", Text(document.GetPage(2)), StringComparison.Ordinal);
    }

    [Fact]
    public void Report_of_hundreds_of_pages_allocates_little()
    {
        var table = NewTable();
        for (var i = 1; i <= 4000; i++)
        {
            table.Row(i.ToString(CultureInfo.InvariantCulture), $"Aktivitāte {i}: semināri, konsultācijas un informatīvie pasākumi iedzīvotājiem un ģimenēm", "1 234,56");
        }

        var builder = new PdfDocumentBuilder(Fonts, new PageSetup { HeaderText = "Līgums", FooterFormat = "Lapa {0} no {1}" }).Table(table);
        using var stream = new MemoryStream();
        var before = GC.GetAllocatedBytesForCurrentThread();

        var pages = builder.Render(stream, new DocumentInfo { Title = "Slodze" });

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(pages >= 150, $"expected hundreds of pages, got {pages}");
        Assert.True(allocated < 100_000_000, $"allocated {allocated / 1_000_000} MB for {pages} pages");
    }
}
