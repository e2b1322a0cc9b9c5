namespace ZemgaleNvo.Pdf;

/// <summary>
/// The PDF's document information (shown by viewers under "Properties").
/// </summary>
/// <remarks>
/// There is no language here on purpose: SkiaSharp 3.119's <c>SKDocumentPdfMetadata</c> has no
/// language field. Skia writes the catalog's /Lang only from the root of a structure-element
/// tree (tagged PDF), which SkiaSharp does not expose. Setting it would mean patching the
/// catalog after Skia has written the file (an incremental update), which this library does not do.
/// </remarks>
public sealed record DocumentInfo
{
    public string? Title { get; init; }

    public string? Author { get; init; }

    public string? Subject { get; init; }

    public string? Keywords { get; init; }

    /// <summary>The application that made the content, e.g. the portal's name.</summary>
    public string? Creator { get; init; }

    /// <summary>The program that wrote the PDF.</summary>
    public string? Producer { get; init; } = "ZemgaleNvo.Pdf (SkiaSharp)";

    /// <summary>Creation (and modification) time; null means now. Set it for reproducible files.</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>
    /// Asks Skia for PDF/A-2b: it then adds XMP metadata, a document id and an sRGB output intent.
    /// Fonts are always embedded because every font comes from a file.
    /// </summary>
    public bool PdfA { get; init; } = true;
}
