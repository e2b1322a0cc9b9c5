using SkiaSharp;

namespace ZemgaleNvo.Pdf;

/// <summary>Which faces of a <see cref="FontSet"/> a piece of text uses. The values combine.</summary>
[Flags]
public enum FontEmphasis
{
    None = 0,
    Bold = 1,
    Italic = 2,
    BoldItalic = Bold | Italic,
}

/// <summary>Horizontal placement of each line of a paragraph or table cell.</summary>
public enum TextAlignment
{
    Left,
    Center,
    Right,
}

/// <summary>Font size, face, colour and line spacing of a run of text.</summary>
public sealed record TextStyle
{
    /// <summary>Font size in points.</summary>
    public float Size { get; init; } = 10f;

    public FontEmphasis Emphasis { get; init; }

    public SKColor Color { get; init; } = SKColors.Black;

    /// <summary>Line height as a multiple of <see cref="Size"/>.</summary>
    public float LineSpacing { get; init; } = 1.25f;

    /// <summary>The distance between two baselines, in points.</summary>
    public float LineHeight => Size * LineSpacing;

    public TextStyle WithEmphasis(FontEmphasis emphasis) => this with { Emphasis = emphasis };
}

/// <summary>
/// One piece of a paragraph. Its emphasis is added to the paragraph's own, so a bold span
/// in a normal paragraph is bold and an italic span in a bold heading is bold italic.
/// </summary>
public readonly record struct TextSpan(string Text, FontEmphasis Emphasis = FontEmphasis.None)
{
    public static TextSpan Plain(string text) => new(text);

    public static TextSpan Bold(string text) => new(text, FontEmphasis.Bold);

    public static TextSpan Italic(string text) => new(text, FontEmphasis.Italic);
}

/// <summary>How a paragraph (or a heading, or a list item) sits on the page.</summary>
public sealed record ParagraphStyle
{
    /// <summary>The text style; null means the document's body style.</summary>
    public TextStyle? Text { get; init; }

    public TextAlignment Alignment { get; init; } = TextAlignment.Left;

    /// <summary>Space above the paragraph, in points. Dropped at the top of a page.</summary>
    public float SpaceBefore { get; init; }

    /// <summary>Space below the paragraph, in points.</summary>
    public float SpaceAfter { get; init; }

    /// <summary>Indent of every line from the left content edge, in points.</summary>
    public float LeftIndent { get; init; }

    /// <summary>
    /// When true the paragraph goes to the next page rather than end a page without the first
    /// line (or table header and first row) of the block after it. Headings use this.
    /// </summary>
    public bool KeepWithNext { get; init; }
}

/// <summary>Page margins in points (1 pt = 1/72 inch).</summary>
public readonly record struct Margins(float Left, float Top, float Right, float Bottom)
{
    public static Margins Uniform(float points) => new(points, points, points, points);

    /// <summary>Converts millimetres to PDF points.</summary>
    public static float FromMillimetres(float millimetres) => millimetres * 72f / 25.4f;
}

/// <summary>Page size, margins and the running header and footer.</summary>
public sealed record PageSetup
{
    public const float A4Width = 595.28f;
    public const float A4Height = 841.89f;

    public float Width { get; init; } = A4Width;

    public float Height { get; init; } = A4Height;

    /// <summary>Defaults to 2 cm on every side. The header and footer are centred in the top and bottom margins.</summary>
    public Margins Margins { get; init; } = Margins.Uniform(Margins.FromMillimetres(20));

    /// <summary>Text repeated at the top of every page; shortened to one line with "…" when too long. Null for none.</summary>
    public string? HeaderText { get; init; }

    public TextAlignment HeaderAlignment { get; init; } = TextAlignment.Left;

    /// <summary>
    /// Composite format of the footer: {0} is the page number, {1} the page count,
    /// e.g. "Lapa {0} no {1}". Null for no footer.
    /// </summary>
    public string? FooterFormat { get; init; } = "{0} / {1}";

    public TextAlignment FooterAlignment { get; init; } = TextAlignment.Center;

    public float ContentWidth => Width - Margins.Left - Margins.Right;

    public float ContentHeight => Height - Margins.Top - Margins.Bottom;
}

/// <summary>The text styles of a document. Every property has a plain, official-looking default.</summary>
public sealed record DocumentStyles
{
    public TextStyle Body { get; init; } = new();

    /// <summary>The style of <see cref="PdfDocumentBuilder.Paragraph(string, ParagraphStyle?)"/> without an explicit style.</summary>
    public ParagraphStyle Paragraph { get; init; } = new() { SpaceAfter = 6 };

    /// <summary>Heading styles by level: level 1 is item 0. Deeper levels reuse the last one.</summary>
    public IReadOnlyList<ParagraphStyle> Headings { get; init; } =
    [
        new() { Text = new TextStyle { Size = 15, Emphasis = FontEmphasis.Bold }, SpaceBefore = 14, SpaceAfter = 8, KeepWithNext = true },
        new() { Text = new TextStyle { Size = 12.5f, Emphasis = FontEmphasis.Bold }, SpaceBefore = 12, SpaceAfter = 6, KeepWithNext = true },
        new() { Text = new TextStyle { Size = 10.5f, Emphasis = FontEmphasis.Bold }, SpaceBefore = 10, SpaceAfter = 4, KeepWithNext = true },
    ];

    /// <summary>Default text of table cells (a table may set its own).</summary>
    public TextStyle TableText { get; init; } = new() { Size = 9, LineSpacing = 1.2f };

    public TextStyle HeaderText { get; init; } = new() { Size = 8, Color = new SKColor(0x40, 0x40, 0x40) };

    public TextStyle FooterText { get; init; } = new() { Size = 8, Color = new SKColor(0x40, 0x40, 0x40) };

    /// <summary>Left indent of list labels, in points.</summary>
    public float ListIndent { get; init; }

    /// <summary>Least width kept for a list label such as "12)"; the text hangs after it.</summary>
    public float ListLabelWidth { get; init; } = 18;

    /// <summary>Space between two list items, in points.</summary>
    public float ListItemSpacing { get; init; } = 2;

    /// <summary>Space after the whole list, in points.</summary>
    public float ListSpaceAfter { get; init; } = 6;
}
