using System.IO.Compression;
using System.Text;

namespace ZemgaleNvo.Domain.Evidence;

/// <summary>A file type the portal accepts as evidence: its media type and the extension stored names get.</summary>
public sealed record EvidenceType(string ContentType, string Extension);

/// <summary>
/// Decides what a file is from its bytes, never from its name: a renamed program called
/// "rēķins.pdf" starts with "MZ", not "%PDF-", and is refused. Office and OpenDocument files are
/// ZIP containers; they are told apart by the names in the ZIP's directory, read without unpacking
/// a single entry (a ZIP bomb is never inflated). CSV has no signature: it is accepted only when the
/// name says .csv and the content is text.
/// </summary>
public static class EvidenceContent
{
    public static readonly EvidenceType Pdf = new("application/pdf", ".pdf");
    public static readonly EvidenceType Png = new("image/png", ".png");
    public static readonly EvidenceType Jpeg = new("image/jpeg", ".jpg");
    public static readonly EvidenceType Docx = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");
    public static readonly EvidenceType Xlsx = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx");
    public static readonly EvidenceType Odt = new("application/vnd.oasis.opendocument.text", ".odt");
    public static readonly EvidenceType Ods = new("application/vnd.oasis.opendocument.spreadsheet", ".ods");
    public static readonly EvidenceType Csv = new("text/csv", ".csv");
    public static readonly EvidenceType Zip = new("application/zip", ".zip");

    /// <summary>Every accepted type, in the order the upload page lists them.</summary>
    public static IReadOnlyList<EvidenceType> All { get; } = [Pdf, Png, Jpeg, Docx, Xlsx, Odt, Ods, Csv, Zip];

    /// <summary>How much of a CSV is read to decide that it is text.</summary>
    private const int TextProbeBytes = 64 * 1024;

    /// <summary>A ZIP whose directory lists more names than this is not looked into (and stays a plain ZIP).</summary>
    private const int MaxZipEntriesInspected = 10_000;

    /// <summary>The type of the content, or null when it is none of the accepted ones.</summary>
    /// <param name="content">A seekable stream at any position; it is left at position 0.</param>
    /// <param name="declaredName">The name the browser sent; used only to accept text as CSV.</param>
    public static EvidenceType? Detect(Stream content, string? declaredName)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanSeek)
        {
            throw new ArgumentException("The content must be seekable.", nameof(content));
        }
        content.Position = 0;
        var head = new byte[16];
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        content.Position = 0;
        var start = head.AsSpan(0, read);
        try
        {
            if (start.StartsWith("%PDF-"u8))
            {
                return Pdf;
            }
            if (start.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
            {
                return Png;
            }
            if (start.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
            {
                return Jpeg;
            }
            if (start.StartsWith("PK\u0003\u0004"u8) || start.StartsWith("PK\u0005\u0006"u8))
            {
                return ZipContainer(content);
            }
            return IsCsvName(declaredName) && IsText(content) ? Csv : null;
        }
        finally
        {
            content.Position = 0;
        }
    }

    private static bool IsCsvName(string? name) =>
        name is not null && name.Trim().EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Which ZIP-based format: OpenDocument names its type in a first entry called "mimetype"
    /// (read from the directory and that one stored entry); Office files have "word/" or "xl/"
    /// parts. Anything else, or a directory that cannot be read, is a plain ZIP, stored as it is.
    /// </summary>
    private static EvidenceType ZipContainer(Stream content)
    {
        try
        {
            using var archive = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in archive.Entries.Take(MaxZipEntriesInspected))
            {
                names.Add(entry.FullName);
            }
            if (names.Contains("mimetype"))
            {
                var mimetype = OpenDocumentMimetype(content);
                if (mimetype == Odt.ContentType)
                {
                    return Odt;
                }
                if (mimetype == Ods.ContentType)
                {
                    return Ods;
                }
            }
            if (names.Contains("[Content_Types].xml"))
            {
                if (names.Contains("word/document.xml"))
                {
                    return Docx;
                }
                if (names.Contains("xl/workbook.xml"))
                {
                    return Xlsx;
                }
            }
            return Zip;
        }
        catch (InvalidDataException)
        {
            return Zip;
        }
    }

    /// <summary>
    /// The OpenDocument rule: the first entry is "mimetype", stored uncompressed, so its text sits
    /// right after the local header (30 bytes + the 8-byte name). Read as bytes, not inflated.
    /// </summary>
    private static string? OpenDocumentMimetype(Stream content)
    {
        content.Position = 0;
        var header = new byte[38 + 64];
        var read = content.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        if (read < 38 || header[8] != 0 || header[9] != 0 || Encoding.ASCII.GetString(header, 30, 8) != "mimetype")
        {
            return null;
        }
        var length = BitConverter.ToInt32(header, 18);
        return length is > 0 and <= 64 && 38 + length <= read ? Encoding.ASCII.GetString(header, 38, length) : null;
    }

    /// <summary>Text: valid UTF-8 (with or without BOM) or a single-byte code page, with no NUL and no other control bytes than tab and line ends.</summary>
    private static bool IsText(Stream content)
    {
        content.Position = 0;
        var buffer = new byte[TextProbeBytes];
        var read = content.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        if (read == 0)
        {
            return false;
        }
        foreach (var b in buffer.AsSpan(0, read))
        {
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }
        return true;
    }
}
