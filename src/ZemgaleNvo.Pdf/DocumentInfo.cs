namespace ZemgaleNvo.Pdf;

/// <summary>
/// The PDF's document information (shown by viewers under "Properties").
/// </summary>
/// <remarks>
/// The title is shown by viewers instead of the file name (PDF/UA asks for it), so give one.
/// </remarks>
public sealed record DocumentInfo
{
    public string? Title { get; init; }

    /// <summary>
    /// The document's language as a BCP 47 tag ("lv", "en"): screen readers choose their voice
    /// by it. Written to the catalogue's /Lang and the XMP metadata.
    /// </summary>
    public string Language { get; init; } = "lv";

    public string? Author { get; init; }

    public string? Subject { get; init; }

    public string? Keywords { get; init; }

    /// <summary>The application that made the content, e.g. the portal's name.</summary>
    public string? Creator { get; init; }

    /// <summary>The program that wrote the PDF.</summary>
    public string? Producer { get; init; } = "ZemgaleNvo.Pdf";

    /// <summary>
    /// Creation (and modification) time; null means now. Set it for reproducible files: the
    /// document id is then derived from the content too, so the same content gives the same bytes.
    /// </summary>
    public DateTimeOffset? Created { get; init; }
}
