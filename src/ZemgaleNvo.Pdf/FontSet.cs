using SkiaSharp;
using ZemgaleNvo.Pdf.Writing;

namespace ZemgaleNvo.Pdf;

/// <summary>File names of the four faces of one font family.</summary>
public sealed record FontFileNames(string Regular, string Bold, string Italic, string BoldItalic)
{
    /// <summary>DejaVu Sans, which covers Latvian letters and typographic quotes and ships with Debian (fonts-dejavu-core).</summary>
    public static FontFileNames DejaVuSans { get; } =
        new("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf");

    internal string For(FontEmphasis emphasis) => emphasis switch
    {
        FontEmphasis.Bold => Bold,
        FontEmphasis.Italic => Italic,
        FontEmphasis.BoldItalic => BoldItalic,
        _ => Regular,
    };
}

/// <summary>
/// Regular, bold, italic and bold-italic typefaces loaded from TrueType files.
/// </summary>
/// <remarks>
/// Fonts come only from files, never from fontconfig or Skia's default typeface: the server
/// image may have no fontconfig at all (SkiaSharp.NativeAssets.Linux.NoDependencies), and a
/// silently substituted font would lose the Latvian letters. Typefaces are immutable and
/// thread-safe, so one instance can serve the whole application (register it as a singleton).
/// </remarks>
public sealed class FontSet : IDisposable
{
    /// <summary>The configuration key named in error messages unless the caller passes its own.</summary>
    public const string DefaultSettingName = "Pdf:FontDirectory";

    /// <summary>Searched after the configured directory; the first is where Debian's fonts-dejavu-core installs.</summary>
    public static IReadOnlyList<string> WellKnownDirectories { get; } =
    [
        "/usr/share/fonts/truetype/dejavu",
        "/usr/share/fonts/dejavu",
        "/usr/share/fonts/TTF",
        "/usr/local/share/fonts",
    ];

    private readonly SKTypeface[] _faces;

    private readonly FontFace[] _pdfFaces;

    private FontSet(SKTypeface[] faces, FontFace[] pdfFaces, string[] paths)
    {
        _faces = faces;
        _pdfFaces = pdfFaces;
        FilePaths = paths;
    }

    /// <summary>The files the faces were loaded from: regular, bold, italic, bold italic.</summary>
    public IReadOnlyList<string> FilePaths { get; }

    /// <summary>
    /// Finds each face first in <paramref name="configuredDirectory"/> (when given) and then in
    /// <see cref="WellKnownDirectories"/>.
    /// </summary>
    /// <param name="configuredDirectory">The directory from configuration; null or empty to use only the well-known ones.</param>
    /// <param name="fileNames">The family's file names; DejaVu Sans when null.</param>
    /// <param name="settingName">The configuration key to name in the error message.</param>
    /// <exception cref="FileNotFoundException">A face is in none of the directories.</exception>
    public static FontSet Locate(string? configuredDirectory, FontFileNames? fileNames = null, string settingName = DefaultSettingName)
    {
        fileNames ??= FontFileNames.DejaVuSans;
        var directories = new List<string>(WellKnownDirectories.Count + 1);
        if (!string.IsNullOrWhiteSpace(configuredDirectory))
        {
            directories.Add(configuredDirectory);
        }

        directories.AddRange(WellKnownDirectories);

        var paths = new string[4];
        for (var face = 0; face < 4; face++)
        {
            var fileName = fileNames.For((FontEmphasis)face);
            var found = directories.Select(d => Path.Combine(d, fileName)).FirstOrDefault(File.Exists);
            paths[face] = found ?? throw new FileNotFoundException(
                $"PDF font file '{fileName}' ({Describe((FontEmphasis)face)}) was not found. Looked in: "
                + string.Join(", ", directories.Select(d => Path.Combine(d, fileName)))
                + $". Set '{settingName}' to a directory that contains it, or install the Debian package fonts-dejavu-core.",
                fileName);
        }

        return Load(paths, settingName);
    }

    /// <summary>Loads the four faces from explicit file paths.</summary>
    /// <exception cref="FileNotFoundException">A file does not exist.</exception>
    public static FontSet FromFiles(string regular, string bold, string italic, string boldItalic, string settingName = DefaultSettingName)
    {
        string[] paths = [regular, bold, italic, boldItalic];
        for (var face = 0; face < 4; face++)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(paths[face]);
            if (!File.Exists(paths[face]))
            {
                throw new FileNotFoundException(
                    $"PDF font file '{paths[face]}' ({Describe((FontEmphasis)face)}) was not found. "
                    + $"Check the setting '{settingName}'.",
                    paths[face]);
            }
        }

        return Load(paths, settingName);
    }

    /// <summary>The typeface for the given emphasis.</summary>
    public SKTypeface GetTypeface(FontEmphasis emphasis) => _faces[(int)(emphasis & FontEmphasis.BoldItalic)];

    /// <summary>
    /// A new font of this set for measuring text the way the layout does (never use
    /// <c>new SKFont()</c>: its default typeface may lack Latvian letters, or be empty). The caller
    /// disposes it. Text is drawn with <see cref="DrawingContext.DrawText"/>.
    /// </summary>
    public SKFont CreateFont(FontEmphasis emphasis, float size) =>
        new(GetTypeface(emphasis), size) { Subpixel = true, LinearMetrics = true, Hinting = SKFontHinting.None };

    /// <summary>The PDF writer's view of the same file: glyph map, advances, metrics (a subset is embedded).</summary>
    internal FontFace GetFace(FontEmphasis emphasis) => _pdfFaces[(int)(emphasis & FontEmphasis.BoldItalic)];

    public void Dispose()
    {
        foreach (var face in _faces)
        {
            face.Dispose();
        }
    }

    private static FontSet Load(string[] paths, string settingName)
    {
        var faces = new SKTypeface[4];
        var pdfFaces = new FontFace[4];
        try
        {
            for (var face = 0; face < 4; face++)
            {
                faces[face] = SKTypeface.FromFile(paths[face])
                    ?? throw new InvalidDataException(
                        $"PDF font file '{paths[face]}' ({Describe((FontEmphasis)face)}) is not a font Skia can read. "
                        + $"Check the setting '{settingName}'.");
                pdfFaces[face] = new FontFace(faces[face], File.ReadAllBytes(paths[face]), paths[face]);
            }
        }
        catch
        {
            foreach (var loaded in faces)
            {
                loaded?.Dispose();
            }

            throw;
        }

        return new FontSet(faces, pdfFaces, paths);
    }

    private static string Describe(FontEmphasis face) => face switch
    {
        FontEmphasis.Bold => "bold",
        FontEmphasis.Italic => "italic",
        FontEmphasis.BoldItalic => "bold italic",
        _ => "regular",
    };
}
