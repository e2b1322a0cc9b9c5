namespace ZemgaleNvo.Pdf.Tests;

public class FontSetTests
{
    [Fact]
    public void Locate_finds_DejaVu_in_the_Debian_directory()
    {
        using var fonts = FontSet.Locate(configuredDirectory: null);

        Assert.Equal("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", fonts.FilePaths[1]);
        Assert.Equal("DejaVu Sans", fonts.GetTypeface(FontEmphasis.BoldItalic).FamilyName);
    }

    [Fact]
    public void Missing_font_names_the_file_and_the_setting()
    {
        var names = FontFileNames.DejaVuSans with { Bold = "NavTāda-Bold.ttf" };

        var error = Assert.Throws<FileNotFoundException>(() => FontSet.Locate("/tmp/nav-fontu", names, "Reports:FontDirectory"));

        Assert.Contains("NavTāda-Bold.ttf", error.Message, StringComparison.Ordinal);
        Assert.Contains("Reports:FontDirectory", error.Message, StringComparison.Ordinal);
        Assert.Contains("/tmp/nav-fontu/NavTāda-Bold.ttf", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_explicit_file_names_the_path_and_the_setting()
    {
        const string dir = "/usr/share/fonts/truetype/dejavu/";

        var error = Assert.Throws<FileNotFoundException>(() =>
            FontSet.FromFiles(dir + "DejaVuSans.ttf", dir + "DejaVuSans-Bold.ttf", "/nav/Slīpraksts.ttf", dir + "DejaVuSans-BoldOblique.ttf"));

        Assert.Contains("/nav/Slīpraksts.ttf", error.Message, StringComparison.Ordinal);
        Assert.Contains(FontSet.DefaultSettingName, error.Message, StringComparison.Ordinal);
        Assert.Equal("/nav/Slīpraksts.ttf", error.FileName);
    }

    [Fact]
    public void A_file_that_is_not_a_font_is_reported()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "nav fonts");
            const string dir = "/usr/share/fonts/truetype/dejavu/";

            var error = Assert.Throws<InvalidDataException>(() =>
                FontSet.FromFiles(path, dir + "DejaVuSans-Bold.ttf", dir + "DejaVuSans-Oblique.ttf", dir + "DejaVuSans-BoldOblique.ttf"));

            Assert.Contains(path, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
