using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace ZemgaleNvo.Pdf.Tests;

public class CatalogLanguageTests
{
    private static byte[] TwoPages() => PdfTestKit.Render(b => b.Paragraph("Kopsavilkums: āčēģīķļņšūž").PageBreak().Paragraph("Otrā lapa"));

    [Fact]
    public void The_language_is_set_in_the_catalogue_and_the_document_still_reads_whole()
    {
        var pdf = PdfCatalogLanguage.Apply(TwoPages(), "lv");

        using var document = PdfDocument.Open(pdf);
        Assert.True(document.Structure.Catalog.CatalogDictionary.TryGet(NameToken.Create("Lang"), out StringToken language));
        Assert.Equal("lv", language.Data);
        Assert.Equal(2, document.NumberOfPages);
        Assert.Contains("āčēģīķļņšūž", PdfTestKit.Text(document.GetPage(1)));
        Assert.Contains("Otrā lapa", PdfTestKit.Text(document.GetPage(2)));
    }

    [Fact]
    public void The_original_bytes_are_kept_and_only_an_update_is_appended()
    {
        var original = TwoPages();

        var updated = PdfCatalogLanguage.Apply(original, "en");

        Assert.Equal(original, updated[..original.Length]);
        var tail = System.Text.Encoding.Latin1.GetString(updated[original.Length..]);
        Assert.Contains("/Lang (en)", tail);
        Assert.Contains("/Prev ", tail);
        Assert.EndsWith("%%EOF\n", tail);
    }

    [Theory]
    [InlineData("lv) /JavaScript (")]
    [InlineData("")]
    public void Refuses_what_is_not_a_language_tag(string language)
    {
        Assert.ThrowsAny<ArgumentException>(() => PdfCatalogLanguage.Apply(TwoPages(), language));
    }
}
