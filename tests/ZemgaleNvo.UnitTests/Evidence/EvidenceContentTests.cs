using System.IO.Compression;
using System.Text;
using ZemgaleNvo.Domain.Evidence;
using ZemgaleNvo.Infrastructure.Evidence;

namespace ZemgaleNvo.UnitTests.Evidence;

public sealed class EvidenceContentTests
{
    private static EvidenceType? Detect(byte[] bytes, string name) => EvidenceContent.Detect(new MemoryStream(bytes), name);

    private static byte[] Zip(params (string Name, string Text, CompressionLevel Level)[] entries)
    {
        var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text, level) in entries)
            {
                using var writer = new StreamWriter(archive.CreateEntry(name, level).Open());
                writer.Write(text);
            }
        }
        return stream.ToArray();
    }

    [Theory]
    [InlineData("%PDF-1.7\nabc", "x.pdf", "application/pdf")]
    [InlineData("%PDF-1.4", "bilde.png", "application/pdf")]
    public void Text_signatures_decide_the_type_whatever_the_name(string start, string name, string expected) =>
        Assert.Equal(expected, Detect(Encoding.ASCII.GetBytes(start), name)?.ContentType);

    [Fact]
    public void Images_are_known_by_their_first_bytes()
    {
        Assert.Equal(EvidenceContent.Png, Detect([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], "a.pdf"));
        Assert.Equal(EvidenceContent.Jpeg, Detect([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10], "foto.jpeg"));
    }

    [Fact]
    public void A_program_named_pdf_is_none_of_the_accepted_types()
    {
        Assert.Null(Detect([(byte)'M', (byte)'Z', 0x90, 0, 3, 0], "rēķins.pdf"));
        Assert.Null(Detect([0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1], "saraksts.csv"));
    }

    [Fact]
    public void Office_and_OpenDocument_files_are_told_apart_by_the_names_in_the_zip()
    {
        Assert.Equal(EvidenceContent.Docx, Detect(Zip(("[Content_Types].xml", "<Types/>", CompressionLevel.Optimal), ("word/document.xml", "<w/>", CompressionLevel.Optimal)), "a.zip"));
        Assert.Equal(EvidenceContent.Xlsx, Detect(Zip(("[Content_Types].xml", "<Types/>", CompressionLevel.Optimal), ("xl/workbook.xml", "<x/>", CompressionLevel.Optimal)), "a.docx"));
        Assert.Equal(EvidenceContent.Odt, Detect(Zip(("mimetype", "application/vnd.oasis.opendocument.text", CompressionLevel.NoCompression), ("content.xml", "<o/>", CompressionLevel.Optimal)), "a"));
        Assert.Equal(EvidenceContent.Ods, Detect(Zip(("mimetype", "application/vnd.oasis.opendocument.spreadsheet", CompressionLevel.NoCompression)), "a.odt"));
        Assert.Equal(EvidenceContent.Zip, Detect(Zip(("foto/1.jpg", "x", CompressionLevel.Optimal)), "foto.zip"));
    }

    [Fact]
    public void A_zip_bomb_is_typed_from_its_directory_without_being_inflated()
    {
        // 200 MB of zeros squeezed into a few hundred kilobytes: reading the directory is instant, inflating it would not be.
        var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = archive.CreateEntry("zeros.bin", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 200; i++)
            {
                entry.Write(zeros);
            }
        }
        Assert.True(stream.Length < 1024 * 1024);

        Assert.Equal(EvidenceContent.Zip, EvidenceContent.Detect(stream, "bumba.zip"));
        Assert.Equal(0, stream.Position);
    }

    [Fact]
    public void Text_is_a_CSV_only_when_the_name_says_so()
    {
        var csv = Encoding.UTF8.GetBytes("\uFEFFDatums;Apraksts;Summa\r\n01.10.2024;Telpu īre;120,50\r\n");
        Assert.Equal(EvidenceContent.Csv, Detect(csv, "izdevumi.CSV"));
        Assert.Null(Detect(csv, "izdevumi.txt"));
        Assert.Null(Detect([1, 2, 3, 0, 5], "dati.csv"));
        Assert.Null(Detect([], "tukšs.csv"));
    }

    [Theory]
    [InlineData("C:\\Users\\Anna\\Dalībnieku saraksts.pdf", "Dalībnieku saraksts.pdf")]
    [InlineData("../../etc/passwd", "passwd.pdf")]
    [InlineData("rēķins <b>\"1\"|*?:.PDF", "rēķins b1.pdf")]
    [InlineData("foto.png", "foto.pdf")]
    [InlineData("   ", "fails.pdf")]
    [InlineData("\u0000\u0007.pdf", "fails.pdf")]
    [InlineData("Līgums Nr. 1.2.pdf", "Līgums Nr. 1.2.pdf")]
    public void Names_keep_letters_and_get_the_extension_of_the_content(string declared, string expected) =>
        Assert.Equal(expected, EvidenceFileName.Sanitise(declared, EvidenceContent.Pdf));

    [Fact]
    public void Long_names_are_cut_to_the_limit_with_their_extension()
    {
        var name = EvidenceFileName.Sanitise(new string('ā', 500) + ".docx", EvidenceContent.Docx);
        Assert.Equal(EvidenceFileName.MaxLength, name.Length);
        Assert.EndsWith(".docx", name, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("stream: OK\0", ScanVerdict.Clean, null)]
    [InlineData("stream: Eicar-Test-Signature FOUND\0", ScanVerdict.Infected, "Eicar-Test-Signature")]
    [InlineData("INSTREAM size limit exceeded. ERROR\0", ScanVerdict.Unavailable, "INSTREAM size limit exceeded. ERROR")]
    [InlineData("", ScanVerdict.Unavailable, "")]
    [InlineData("stream: something odd", ScanVerdict.Unavailable, "stream: something odd")]
    public void Clamd_replies_are_read_strictly(string reply, ScanVerdict verdict, string? detail)
    {
        var result = ClamdScanner.Interpret(reply);
        Assert.Equal(verdict, result.Verdict);
        Assert.Equal(detail, result.Detail);
    }

    [Fact]
    public void Turning_the_scanner_off_is_refused_outside_Development()
    {
        var off = new AttachmentOptions { Scanner = "none" };
        Assert.True(new AttachmentOptionsValidation(isDevelopment: true).Validate(null, off).Succeeded);
        var production = new AttachmentOptionsValidation(isDevelopment: false).Validate(null, off);
        Assert.True(production.Failed);
        Assert.Contains("Attachments:Scanner", production.FailureMessage, StringComparison.Ordinal);
        Assert.True(new AttachmentOptionsValidation(isDevelopment: false).Validate(null, new AttachmentOptions { Storage = "Cloud" }).Failed);
    }
}
