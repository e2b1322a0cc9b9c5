using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;
using SkiaSharp;

namespace ZemgaleNvo.Pdf.Layout;

/// <summary>
/// The second pass: draws laid-out pages, header and footer with PDFsharp, building the
/// structure tree (tagged PDF/UA-1) from the pages' begin/end ops as it goes.
/// </summary>
internal static class PageRenderer
{
    private const string Ellipsis = "…";

    // XStringFormats.BaseLineLeft builds a new format on every read; one instance serves every call.
    private static readonly XStringFormat BaseLineLeft = XStringFormats.BaseLineLeft;

    public static void Write(Stream output, DocumentInfo info, PageSetup page, DocumentStyles styles, FontCache fonts, IReadOnlyList<LayoutPage> pages)
    {
        var created = info.Created ?? DateTimeOffset.UtcNow;
        using var document = new PdfDocument();

        // Content streams and font subsets are deflated; the fastest level costs a few per cent in size.
        document.Options.FlateEncodeMode = PdfFlateEncodeMode.BestSpeed;
        document.Info.Title = info.Title ?? string.Empty;
        document.Info.Author = info.Author ?? string.Empty;
        document.Info.Subject = info.Subject ?? string.Empty;
        document.Info.Keywords = info.Keywords ?? string.Empty;
        document.Info.Creator = info.Creator ?? string.Empty;
        document.Info.Elements.SetString("/Producer", info.Producer ?? string.Empty);
        document.Info.CreationDate = created.UtcDateTime;
        document.Info.ModificationDate = created.UtcDateTime;

        // The UA manager marks the document tagged, sets DisplayDocTitle and holds the structure tree.
        var accessibility = UAManager.ForDocument(document);
        accessibility.SetDocumentLanguage(info.Language);
        var structure = accessibility.StructureBuilder;

        var headerFont = fonts.Get(styles.HeaderText);
        var footerFont = fonts.Get(styles.FooterText);
        var header = page.HeaderText is { } headerText ? FitToOneLine(headerText, headerFont, page.ContentWidth) : null;
        var footerFormat = page.FooterFormat is { } format ? CompositeFormat.Parse(format) : null;

        // Feeds the document id when the creation time is fixed: same content, same id, same bytes.
        using var contentHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        for (var number = 1; number <= pages.Count; number++)
        {
            var pdfPage = document.AddPage();
            pdfPage.Width = XUnit.FromPoint(page.Width);
            pdfPage.Height = XUnit.FromPoint(page.Height);
            using var graphics = XGraphics.FromPdfPage(pdfPage);

            // Running header and footer first (text extraction reads them in this order), as artifacts.
            if (header is not null)
            {
                structure.BeginArtifact();
                DrawInMargin(graphics, fonts, header, headerFont, styles.HeaderText.Color, page, page.HeaderAlignment, page.Margins.Top / 2f);
                structure.End();
            }

            DrawOps(graphics, structure, fonts, pages[number - 1].Ops, contentHash);

            if (footerFormat is not null)
            {
                structure.BeginArtifact();
                var footer = string.Format(CultureInfo.InvariantCulture, footerFormat, number, pages.Count);
                DrawInMargin(graphics, fonts, footer, footerFont, styles.FooterText.Color, page, page.FooterAlignment, page.Height - (page.Margins.Bottom / 2f));
                structure.End();
            }
        }

        if (info.Created is not null)
        {
            Feed(contentHash, $"{info.Title}\n{info.Author}\n{info.Subject}\n{info.Keywords}\n{info.Creator}\n{info.Language}\n{created:O}\n{header}\n{page.FooterFormat}");
            var digest = contentHash.GetHashAndReset();
            // PDFsharp takes the id as a string of bytes and writes it in hex: 16 bytes, 32 hex digits.
            var id = Encoding.Latin1.GetString(digest, 0, 16);
            document.Internals.FirstDocumentID = id;
            document.Internals.SecondDocumentID = id;
            FixSubsetTags(document, digest);
        }

        // XMP metadata: PDFsharp 6.2.4 writes its own at save (title, author, dates, producer) and
        // replaces any set here, so the PDF/UA identification (pdfuaid:part) is not in it (decision 0001).
        if (info.Created is null)
        {
            document.Save(output, closeStream: false);
            return;
        }

        using var buffer = new MemoryStream();
        document.Save(buffer, closeStream: false);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        FixXmpIds(bytes, Convert.ToHexString(Encoding.Latin1.GetBytes(document.Internals.FirstDocumentID)));
        output.Write(bytes);
    }

    /// <summary>
    /// PDFsharp 6.2.4 writes random UUIDs as the XMP DocumentID and InstanceID, with no setting
    /// for them. For reproducible files they are replaced, in place and with the same length (no
    /// offset moves; the XMP stream is not compressed), by the content-derived document id.
    /// </summary>
    private static void FixXmpIds(Span<byte> pdf, string documentId)
    {
        var hex = documentId.ToLowerInvariant();
        var uuid = Encoding.ASCII.GetBytes($"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..32]}");
        foreach (var key in (string[])["<xmpMM:DocumentID>uuid:", "<xmpMM:InstanceID>uuid:"])
        {
            var at = pdf.IndexOf(Encoding.ASCII.GetBytes(key));
            if (at >= 0 && at + key.Length + uuid.Length <= pdf.Length && pdf[at + key.Length + uuid.Length] == (byte)'<')
            {
                uuid.CopyTo(pdf[(at + key.Length)..]);
            }
        }
    }

    private static void DrawOps(XGraphics graphics, StructureBuilder structure, FontCache fonts, List<PageOp> ops, IncrementalHash contentHash)
    {
        foreach (var op in ops)
        {
            var rect = op.Rect;
            switch (op.Kind)
            {
                case PageOpKind.Text:
                    // Most operations draw a whole string (a cell, a number): no copy for those.
                    var source = op.Text!;
                    var text = op.Start == 0 && op.Length == source.Length ? source : source.Substring(op.Start, op.Length);
                    DrawText(graphics, text, op.Font!, fonts.Brush(op.Color), rect.Left, rect.Top);
                    Feed(contentHash, text);
                    break;
                case PageOpKind.FillRect:
                    graphics.DrawRectangle(fonts.Brush(op.Color), rect.Left, rect.Top, rect.Width, rect.Height);
                    break;
                case PageOpKind.StrokeRect:
                    graphics.DrawRectangle(fonts.Pen(op.Color, op.StrokeWidth), rect.Left, rect.Top, rect.Width, rect.Height);
                    break;
                case PageOpKind.Line:
                    graphics.DrawLine(fonts.Pen(op.Color, op.StrokeWidth), rect.Left, rect.Top, rect.Right, rect.Bottom);
                    break;
                case PageOpKind.Drawing:
                    // Isolate the caller's drawing: its clip must not leak into the page.
                    var state = graphics.Save();
                    graphics.IntersectClip(new XRect(rect.Left, rect.Top, rect.Width, rect.Height));
                    op.Draw!(new DrawingContext(graphics, rect, fonts));
                    graphics.Restore(state);
                    break;
                case PageOpKind.BeginTag:
                    Begin(structure, op);
                    if (op.AltText is { } alt)
                    {
                        Feed(contentHash, alt);
                    }

                    break;
                case PageOpKind.EndTag:
                    structure.End();
                    break;
            }
        }
    }

    private static void Begin(StructureBuilder structure, PageOp op)
    {
        switch (op.Tag)
        {
            case StructureTag.Artifact:
                structure.BeginArtifact();
                break;
            case StructureTag.Figure:
                var area = op.Rect;
                structure.BeginElement(PdfIllustrationElementTag.Figure, op.AltText ?? string.Empty, new XRect(area.Left, area.Top, area.Width, area.Height));
                break;
            case StructureTag.TableHeaderCell:
                structure.BeginElement(PdfBlockLevelElementTag.TableHeaderCell);

                // The header cells of our tables head their column (PDF/UA: TH needs a scope).
                structure.CurrentStructureElement.TableAttributes.Elements.SetName("/Scope", "/Column");
                break;
            default:
                structure.BeginElement(op.Tag switch
                {
                    StructureTag.Paragraph => PdfBlockLevelElementTag.Paragraph,
                    StructureTag.Heading1 => PdfBlockLevelElementTag.Heading1,
                    StructureTag.Heading2 => PdfBlockLevelElementTag.Heading2,
                    StructureTag.Heading3 => PdfBlockLevelElementTag.Heading3,
                    StructureTag.Heading4 => PdfBlockLevelElementTag.Heading4,
                    StructureTag.Heading5 => PdfBlockLevelElementTag.Heading5,
                    StructureTag.Heading6 => PdfBlockLevelElementTag.Heading6,
                    StructureTag.List => PdfBlockLevelElementTag.List,
                    StructureTag.ListItem => PdfBlockLevelElementTag.ListItem,
                    StructureTag.Label => PdfBlockLevelElementTag.Label,
                    StructureTag.ListBody => PdfBlockLevelElementTag.ListBody,
                    StructureTag.Table => PdfBlockLevelElementTag.Table,
                    StructureTag.TableRow => PdfBlockLevelElementTag.TableRow,
                    StructureTag.TableDataCell => PdfBlockLevelElementTag.TableDataCell,
                    _ => throw new InvalidOperationException($"No PDF structure type for {op.Tag}."),
                });
                break;
        }
    }

    /// <summary>One line of text, its left end at <paramref name="x"/>, on <paramref name="baseline"/>.</summary>
    internal static void DrawText(XGraphics graphics, string text, MeasuredFont font, XBrush brush, float x, float baseline)
    {
        if (text.Length > 0)
        {
            graphics.DrawString(text, font.PdfFont, brush, x, baseline, BaseLineLeft);
        }
    }

    /// <summary>
    /// PDFsharp names each embedded font subset with a random six-letter tag ("EXNRIK+DejaVu Sans").
    /// For reproducible files the tag is derived from the content hash and the font's name instead:
    /// still different for different documents' subsets, as the tag is meant to be.
    /// </summary>
    private static void FixSubsetTags(PdfDocument document, byte[] contentDigest)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in document.Internals.GetAllObjects())
        {
            if (item is not PdfDictionary dictionary)
            {
                continue;
            }

            foreach (var key in (string[])["/FontName", "/BaseFont"])
            {
                if (dictionary.Elements.GetName(key) is { Length: > 8 } name && name[7] == '+')
                {
                    var baseName = name[8..];
                    if (!tags.TryGetValue(baseName, out var tag))
                    {
                        var hash = SHA256.HashData([.. contentDigest, .. Encoding.UTF8.GetBytes(baseName)]);
                        tag = string.Concat(hash.Take(6).Select(b => (char)('A' + (b % 26))));
                        tags.Add(baseName, tag);
                    }

                    dictionary.Elements.SetName(key, "/" + tag + "+" + baseName);
                }
            }
        }
    }

    private static void Feed(IncrementalHash hash, string text)
    {
        // Called for every text operation: encode into a stack or pooled buffer, not a new array.
        var size = Encoding.UTF8.GetMaxByteCount(text.Length) + 1;
        byte[]? rented = null;
        var buffer = size <= 1024 ? stackalloc byte[size] : (rented = ArrayPool<byte>.Shared.Rent(size));
        var written = Encoding.UTF8.GetBytes(text, buffer);
        buffer[written] = 0;
        hash.AppendData(buffer[..(written + 1)]);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Header and footer: one line, vertically centred on <paramref name="centreY"/>.</summary>
    private static void DrawInMargin(XGraphics graphics, FontCache fonts, string text, MeasuredFont font, SKColor color, PageSetup page, TextAlignment alignment, float centreY)
    {
        var width = font.Measure(text);
        var x = alignment switch
        {
            TextAlignment.Right => page.Width - page.Margins.Right - width,
            TextAlignment.Center => page.Margins.Left + ((page.ContentWidth - width) / 2f),
            _ => page.Margins.Left,
        };
        var baseline = centreY + ((font.Ascent - font.Descent) / 2f);
        DrawText(graphics, text, font, fonts.Brush(color), x, baseline);
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
