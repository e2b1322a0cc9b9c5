using System.Globalization;
using System.Text;
using SkiaSharp;

namespace ZemgaleNvo.Pdf.Layout;

/// <summary>The second pass: draws laid-out pages, header and footer onto a Skia PDF document.</summary>
internal static class PageRenderer
{
    private const string Ellipsis = "…";

    public static void Write(Stream output, DocumentInfo info, PageSetup page, DocumentStyles styles, FontCache fonts, IReadOnlyList<LayoutPage> pages)
    {
        // UTC keeps the instant right whatever the server's time zone (Skia derives the offset from DateTime.Kind).
        var created = (info.Created ?? DateTimeOffset.UtcNow).UtcDateTime;
        var metadata = SKDocumentPdfMetadata.Default;
        metadata.Title = info.Title;
        metadata.Author = info.Author;
        metadata.Subject = info.Subject;
        metadata.Keywords = info.Keywords;
        metadata.Creator = info.Creator;
        metadata.Producer = info.Producer;
        metadata.Creation = created;
        metadata.Modified = created;
        metadata.PdfA = info.PdfA;

        var headerFont = fonts.Get(styles.HeaderText);
        var footerFont = fonts.Get(styles.FooterText);
        var header = page.HeaderText is { } headerText ? FitToOneLine(headerText, headerFont, page.ContentWidth) : null;
        var footerFormat = page.FooterFormat is { } format ? CompositeFormat.Parse(format) : null;
        if (header is not null)
        {
            headerFont.MarkUsed(header);
        }

        if (page.FooterFormat is not null)
        {
            footerFont.MarkUsed(string.Format(CultureInfo.InvariantCulture, footerFormat!, 0, 0));
            footerFont.MarkUsed("123456789");
        }

        fonts.UseSubsets();

        using var document = SKDocument.CreatePdf(output, metadata)
            ?? throw new InvalidOperationException("Skia could not create a PDF document on the stream.");
        for (var number = 1; number <= pages.Count; number++)
        {
            var canvas = document.BeginPage(page.Width, page.Height);
            if (header is not null)
            {
                DrawInMargin(canvas, fonts, header, headerFont, styles.HeaderText.Color, page, page.HeaderAlignment, page.Margins.Top / 2f);
            }

            DrawOps(canvas, fonts, pages[number - 1].Ops);

            if (footerFormat is not null)
            {
                var footer = string.Format(CultureInfo.InvariantCulture, footerFormat, number, pages.Count);
                DrawInMargin(canvas, fonts, footer, footerFont, styles.FooterText.Color, page, page.FooterAlignment, page.Height - (page.Margins.Bottom / 2f));
            }

            document.EndPage();
        }

        document.Close();
    }

    private static void DrawOps(SKCanvas canvas, FontCache fonts, List<PageOp> ops)
    {
        foreach (var op in ops)
        {
            var rect = op.Rect;
            switch (op.Kind)
            {
                case PageOpKind.Text:
                    DrawText(canvas, op.Text.AsSpan(op.Start, op.Length), op.Font!, fonts.Fill(op.Color), rect.Left, rect.Top);
                    break;
                case PageOpKind.FillRect:
                    canvas.DrawRect(rect, fonts.Fill(op.Color));
                    break;
                case PageOpKind.StrokeRect:
                    canvas.DrawRect(rect, fonts.Stroke(op.Color, op.StrokeWidth));
                    break;
                case PageOpKind.Line:
                    canvas.DrawLine(rect.Left, rect.Top, rect.Right, rect.Bottom, fonts.Stroke(op.Color, op.StrokeWidth));
                    break;
                case PageOpKind.Drawing:
                    // Isolate the caller's drawing: its transforms and clips must not leak into the page.
                    var saved = canvas.Save();
                    canvas.ClipRect(rect);
                    op.Draw!(new DrawingContext(canvas, rect, fonts, dryRun: false));
                    canvas.RestoreToCount(saved);
                    break;
            }
        }
    }

    // A text blob straight from a slice of the caller's string: no substring is allocated.
    // Skia's PDF backend embeds the font subset with a ToUnicode map, so the text stays extractable.
    internal static void DrawText(SKCanvas canvas, ReadOnlySpan<char> text, MeasuredFont font, SKPaint paint, float x, float baseline)
    {
        using var blob = SKTextBlob.Create(text, font.DrawFont);
        if (blob is not null)
        {
            canvas.DrawText(blob, x, baseline, paint);
        }
    }

    /// <summary>Header and footer: one line, vertically centred on <paramref name="centreY"/>.</summary>
    private static void DrawInMargin(SKCanvas canvas, FontCache fonts, string text, MeasuredFont font, SKColor color, PageSetup page, TextAlignment alignment, float centreY)
    {
        var width = font.Measure(text);
        var x = alignment switch
        {
            TextAlignment.Right => page.Width - page.Margins.Right - width,
            TextAlignment.Center => page.Margins.Left + ((page.ContentWidth - width) / 2f),
            _ => page.Margins.Left,
        };
        var baseline = centreY + ((font.Ascent - font.Descent) / 2f);
        DrawText(canvas, text, font, fonts.Fill(color), x, baseline);
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
