using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SkiaSharp;
using ZemgaleNvo.Pdf.Writing;

namespace ZemgaleNvo.Pdf.Layout;

/// <summary>
/// The second pass: writes the laid-out pages, header and footer as a tagged PDF (PDF/UA-1),
/// building the structure tree from the pages' begin/end ops as it goes (decision 0001).
/// </summary>
internal static class PageRenderer
{
    private const string Ellipsis = "…";

    public static void Write(Stream output, DocumentInfo info, PageSetup page, DocumentStyles styles, FontCache fonts, IReadOnlyList<LayoutPage> pages)
    {
        var created = info.Created ?? DateTimeOffset.UtcNow;
        using var pdf = new PdfOutput(output);
        using var content = new ContentStream();
        var catalog = pdf.Reserve();
        var pageTree = pdf.Reserve();
        var structureRoot = pdf.Reserve();
        var resources = pdf.Reserve();
        var infoObject = pdf.Reserve();
        var metadata = pdf.Reserve();
        var tree = new StructureTree();
        var canvas = new PageCanvas(pdf, content, tree, fonts);

        var headerFont = fonts.Get(styles.HeaderText);
        var footerFont = fonts.Get(styles.FooterText);
        var header = page.HeaderText is { } headerText ? FitToOneLine(headerText, headerFont, page.ContentWidth) : null;
        var footerFormat = page.FooterFormat is { } format ? CompositeFormat.Parse(format) : null;

        // The document id, and the subset tags, are a hash of every page's content and the metadata:
        // same content and creation time, same bytes (approved PDFs are re-created from frozen data).
        using var contentHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var pageObjects = new List<int>(pages.Count);
        for (var number = 1; number <= pages.Count; number++)
        {
            canvas.StartPage(page.Height);

            // Running header and footer first (text extraction reads them in this order), as artifacts.
            if (header is not null)
            {
                canvas.BeginPagination("Header");
                DrawInMargin(canvas, header, headerFont, styles.HeaderText.Color, page, page.HeaderAlignment, page.Margins.Top / 2f);
                canvas.EndPagination();
            }

            canvas.Draw(pages[number - 1].Ops);

            if (footerFormat is not null)
            {
                canvas.BeginPagination("Footer");
                var footer = string.Format(CultureInfo.InvariantCulture, footerFormat, number, pages.Count);
                DrawInMargin(canvas, footer, footerFont, styles.FooterText.Color, page, page.FooterAlignment, page.Height - (page.Margins.Bottom / 2f));
                canvas.EndPagination();
            }

            canvas.EndPage();
            contentHash.AppendData(content.Bytes);
            var stream = pdf.Reserve();
            pdf.Stream(stream, string.Empty, content.Bytes, compress: true);

            var pageObject = pdf.Reserve();
            pageObjects.Add(pageObject);
            pdf.BeginObject(pageObject);
            pdf.Raw("<</Type /Page /Parent");
            pdf.Ref(pageTree);
            pdf.Raw(" /MediaBox [0 0 ");
            pdf.Number(page.Width);
            pdf.Raw(" ");
            pdf.Number(page.Height);
            pdf.Raw("] /Resources");
            pdf.Ref(resources);
            pdf.Raw(" /Contents");
            pdf.Ref(stream);
            pdf.Raw(" /StructParents ");
            pdf.Int(number - 1);
            pdf.Raw(" /Tabs /S>>");
            pdf.EndObject();
        }

        var metadataText = string.Join('\n', info.Title, info.Author, info.Subject, info.Keywords, info.Creator, info.Producer, info.Language, created.ToString("O", CultureInfo.InvariantCulture));
        contentHash.AppendData(Encoding.UTF8.GetBytes(metadataText));
        var digest = contentHash.GetHashAndReset();
        var documentId = digest.AsSpan(0, 16);

        canvas.WriteFonts(resources, digest);
        tree.Write(pdf, structureRoot, pageObjects, page.Height);

        pdf.BeginObject(pageTree);
        pdf.Raw("<</Type /Pages /Count ");
        pdf.Int(pageObjects.Count);
        pdf.Raw(" /Kids [");
        foreach (var pageObject in pageObjects)
        {
            pdf.Ref(pageObject);
        }

        pdf.Raw("]>>");
        pdf.EndObject();

        pdf.Stream(metadata, "/Type /Metadata /Subtype /XML", Encoding.UTF8.GetBytes(Xmp.Packet(info, created, documentId)), compress: false);
        WriteInfo(pdf, infoObject, info, created);

        pdf.BeginObject(catalog);
        pdf.Raw("<</Type /Catalog /Pages");
        pdf.Ref(pageTree);
        pdf.Raw(" /StructTreeRoot");
        pdf.Ref(structureRoot);
        pdf.Raw(" /MarkInfo <</Marked true>> /Lang ");
        pdf.Text(info.Language);
        pdf.Raw(" /ViewerPreferences <</DisplayDocTitle true>> /Metadata");
        pdf.Ref(metadata);
        pdf.Raw(">>");
        pdf.EndObject();

        pdf.Finish(catalog, infoObject, documentId);
    }

    private static void WriteInfo(PdfOutput pdf, int number, DocumentInfo info, DateTimeOffset created)
    {
        pdf.BeginObject(number);
        pdf.Raw("<<");
        foreach (var (key, value) in (ReadOnlySpan<(string, string?)>)[("Title", info.Title), ("Author", info.Author), ("Subject", info.Subject), ("Keywords", info.Keywords), ("Creator", info.Creator), ("Producer", info.Producer)])
        {
            if (!string.IsNullOrEmpty(value))
            {
                pdf.Raw("/" + key + " ");
                pdf.Text(value);
                pdf.Raw(" ");
            }
        }

        var date = created.UtcDateTime.ToString("'D:'yyyyMMddHHmmss'Z'", CultureInfo.InvariantCulture);
        pdf.Raw("/CreationDate (" + date + ") /ModDate (" + date + ")>>");
        pdf.EndObject();
    }

    /// <summary>Header and footer: one line, vertically centred on <paramref name="centreY"/>.</summary>
    private static void DrawInMargin(PageCanvas canvas, string text, MeasuredFont font, SKColor color, PageSetup page, TextAlignment alignment, float centreY)
    {
        var width = font.Measure(text);
        var x = alignment switch
        {
            TextAlignment.Right => page.Width - page.Margins.Right - width,
            TextAlignment.Center => page.Margins.Left + ((page.ContentWidth - width) / 2f),
            _ => page.Margins.Left,
        };
        var baseline = centreY + ((font.Ascent - font.Descent) / 2f);
        canvas.Text(font, color, text, x, baseline);
    }

    /// <summary>Joins lines and, when too wide, cuts the text and ends it with "…".</summary>
    private static string FitToOneLine(string text, MeasuredFont font, float maxWidth)
    {
        text = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (font.Measure(text) <= maxWidth)
        {
            return text;
        }

        var count = font.Fit(text, maxWidth - font.Measure(Ellipsis), out _);
        return string.Concat(text.AsSpan(0, count).TrimEnd(), Ellipsis);
    }
}
