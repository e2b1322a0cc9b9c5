using System.Globalization;
using System.Text;
using ZemgaleNvo.Pdf.Layout;

namespace ZemgaleNvo.Pdf;

/// <summary>
/// Collects blocks of content and renders them to a PDF. Rendering is two passes: first every
/// block is laid out into pages (so the page count is known), then the pages are drawn with
/// the running header and a "page N of M" footer.
/// </summary>
/// <example>
/// <code>
/// var pdf = new PdfDocumentBuilder(fonts, new PageSetup { HeaderText = "Līgums Nr. 1", FooterFormat = "Lapa {0} no {1}" })
///     .Heading("Kopsavilkums")
///     .Paragraph("Teksts …")
///     .Table(new TableSpec(TableColumn.Relative(3), TableColumn.Fixed(70, TextAlignment.Right)).Header("Pozīcija", "EUR").Row("A", "10,00"));
/// int pages = pdf.Render(stream, new DocumentInfo { Title = "Kopsavilkums" });
/// </code>
/// </example>
public sealed class PdfDocumentBuilder
{
    private readonly FontSet _fonts;
    private readonly List<Block> _blocks = [];

    /// <param name="fonts">The typefaces; not disposed by the builder (share one set across documents).</param>
    public PdfDocumentBuilder(FontSet fonts, PageSetup? page = null, DocumentStyles? styles = null)
    {
        ArgumentNullException.ThrowIfNull(fonts);
        _fonts = fonts;
        Page = page ?? new PageSetup();
        Styles = styles ?? new DocumentStyles();
        if (Page.ContentWidth <= 0 || Page.ContentHeight <= 0)
        {
            throw new ArgumentException("The margins leave no room for content.", nameof(page));
        }

        if (Styles.Headings.Count == 0)
        {
            throw new ArgumentException("The styles need at least one heading style.", nameof(styles));
        }
    }

    public PageSetup Page { get; }

    public DocumentStyles Styles { get; }

    /// <summary>A heading of level 1, 2, 3…; it never stays alone at the bottom of a page.</summary>
    public PdfDocumentBuilder Heading(string text, int level = 1)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 1);
        var style = Styles.Headings[Math.Min(level, Styles.Headings.Count) - 1];
        var tag = StructureTag.Heading1 + (Math.Min(level, 6) - 1);
        return Add(new ParagraphBlock([new TextSpan(text)], style, style.Text ?? Styles.Body, tag));
    }

    /// <summary>A paragraph of plain text; "\n" breaks a line.</summary>
    public PdfDocumentBuilder Paragraph(string text, ParagraphStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Paragraph([new TextSpan(text)], style);
    }

    /// <summary>A paragraph of mixed plain, bold and italic spans.</summary>
    public PdfDocumentBuilder Paragraph(IEnumerable<TextSpan> spans, ParagraphStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(spans);
        style ??= Styles.Paragraph;
        return Add(new ParagraphBlock([.. spans], style, style.Text ?? Styles.Body));
    }

    /// <summary>A numbered list; <paramref name="labelFormat"/> makes the label from the number, e.g. "{0})" gives "1)".</summary>
    public PdfDocumentBuilder NumberedList(IEnumerable<string> items, string labelFormat = "{0})", int startAt = 1)
    {
        ArgumentNullException.ThrowIfNull(items);
        return NumberedList(items.Select(item => (IReadOnlyList<TextSpan>)[new TextSpan(item)]), labelFormat, startAt);
    }

    /// <summary>A numbered list whose items are made of spans.</summary>
    public PdfDocumentBuilder NumberedList(IEnumerable<IReadOnlyList<TextSpan>> items, string labelFormat = "{0})", int startAt = 1)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(labelFormat);
        var format = CompositeFormat.Parse(labelFormat);
        var spans = items.Select(item => item.ToArray()).ToArray();
        var labels = new string[spans.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = string.Format(CultureInfo.InvariantCulture, format, startAt + i);
        }

        return List(spans, labels);
    }

    /// <summary>A bulleted list.</summary>
    public PdfDocumentBuilder BulletList(IEnumerable<string> items, string bullet = "•")
    {
        ArgumentNullException.ThrowIfNull(items);
        return BulletList(items.Select(item => (IReadOnlyList<TextSpan>)[new TextSpan(item)]), bullet);
    }

    /// <summary>A bulleted list whose items are made of spans.</summary>
    public PdfDocumentBuilder BulletList(IEnumerable<IReadOnlyList<TextSpan>> items, string bullet = "•")
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(bullet);
        var spans = items.Select(item => item.ToArray()).ToArray();
        return List(spans, Enumerable.Repeat(bullet, spans.Length).ToArray());
    }

    /// <summary>A table. The spec is read when rendering, so add its rows before calling <see cref="Render"/>.</summary>
    public PdfDocumentBuilder Table(TableSpec table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return Add(new TableBlock(table));
    }

    /// <summary>Continues on a new page (does nothing on a page that is still empty).</summary>
    public PdfDocumentBuilder PageBreak() => Add(new PageBreakBlock());

    /// <summary>Vertical space in points; dropped at the top of a page.</summary>
    public PdfDocumentBuilder Spacer(float height)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        return Add(new SpacerBlock(height));
    }

    /// <summary>
    /// An area of the full content width and the given height that the caller draws, e.g. a bar
    /// chart. It moves whole to the next page when it does not fit.
    /// </summary>
    /// <param name="altText">
    /// What the drawing shows, for screen readers: the drawing becomes a figure with this
    /// alternative text. Null for a pure decoration (a rule), which screen readers skip.
    /// </param>
    public PdfDocumentBuilder Drawing(float height, Action<DrawingContext> draw, string? altText = null)
    {
        ArgumentNullException.ThrowIfNull(draw);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(height, Page.ContentHeight);
        if (altText is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(altText);
        }

        return Add(new DrawingBlock(height, draw, altText));
    }

    /// <summary>Lays out and writes the PDF to <paramref name="output"/> (left open); returns the page count.</summary>
    /// <remarks>
    /// The PDF is tagged (PDF/UA-1): headings, paragraphs, lists, tables and figures form its
    /// structure tree in reading order; header, footer and decorations are artifacts.
    /// The writer is synchronous. In a web request render to a <see cref="MemoryStream"/> (or a
    /// file) and copy that to the response asynchronously: ASP.NET Core forbids synchronous
    /// writes to the response body.
    /// </remarks>
    public int Render(Stream output, DocumentInfo info)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(info);
        using var fonts = new FontCache(_fonts);
        var context = new LayoutContext(Page, Styles, fonts, _blocks);
        context.LayOut();
        PageRenderer.Write(output, info, Page, Styles, fonts, context.Pages);
        return context.Pages.Count;
    }

    private PdfDocumentBuilder List(TextSpan[][] items, string[] labels)
    {
        var style = Styles.Paragraph with { SpaceAfter = 0 };
        return Add(new ListBlock(items, labels, style, style.Text ?? Styles.Body));
    }

    private PdfDocumentBuilder Add(Block block)
    {
        _blocks.Add(block);
        return this;
    }
}
