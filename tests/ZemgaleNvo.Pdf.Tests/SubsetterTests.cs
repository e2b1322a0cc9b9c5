using SkiaSharp;
using ZemgaleNvo.Pdf.Layout;

namespace ZemgaleNvo.Pdf.Tests;

public class SubsetterTests
{
    private const string Used = "Āā Čč Ēē Ģģ Īī Ķķ Ļļ Ņņ Šš Ūū Žž „” – 0123";

    [Fact]
    public void Subset_keeps_used_glyphs_with_their_composite_parts_and_empties_the_rest()
    {
        var full = PdfTestKit.Fonts.GetTypeface(FontEmphasis.None);
        using var fullFont = new SKFont(full, 20);
        var glyphs = fullFont.GetGlyphs(Used);

        var bytes = TrueTypeSubsetter.Subset(File.ReadAllBytes(PdfTestKit.Fonts.FilePaths[0]), glyphs);

        Assert.NotNull(bytes);
        Assert.True(bytes.Length < 120_000, $"subset is {bytes.Length} bytes");
        using var data = SKData.CreateCopy(bytes);
        using var subset = SKTypeface.FromData(data);
        Assert.NotNull(subset);
        using var subsetFont = new SKFont(subset, 20);
        Assert.Equal(glyphs, subsetFont.GetGlyphs(Used));
        foreach (var glyph in glyphs)
        {
            using var expected = fullFont.GetGlyphPath(glyph);
            using var actual = subsetFont.GetGlyphPath(glyph);
            Assert.Equal(expected.Bounds, actual.Bounds);
            Assert.Equal(fullFont.GetGlyphWidths([glyph])[0], subsetFont.GetGlyphWidths([glyph])[0]);
        }

        using var unused = subsetFont.GetGlyphPath(subsetFont.GetGlyphs("X")[0]);
        Assert.True(unused.IsEmpty);
    }

    [Fact]
    public void Non_TrueType_data_is_left_to_the_caller()
    {
        Assert.Null(TrueTypeSubsetter.Subset("OTTO and more bytes"u8, [1, 2]));
        Assert.Null(TrueTypeSubsetter.Subset([0, 1, 0, 0], [1]));
    }
}
