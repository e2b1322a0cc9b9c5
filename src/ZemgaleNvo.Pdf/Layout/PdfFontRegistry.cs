using System.Collections.Concurrent;
using System.Globalization;
using PdfSharp.Fonts;

namespace ZemgaleNvo.Pdf.Layout;

/// <summary>
/// PDFsharp's font resolver: it hands PDFsharp the bytes of the faces of every <see cref="FontSet"/>,
/// so fonts come only from the configured files, never from the operating system.
/// </summary>
/// <remarks>
/// PDFsharp takes one resolver for the whole process (<see cref="GlobalFontSettings.FontResolver"/>),
/// while the application may load more than one font set (tests do). So each set registers its
/// faces here under a family name of its own, and this one resolver serves them all.
/// </remarks>
internal sealed class PdfFontRegistry : IFontResolver
{
    private static readonly PdfFontRegistry Instance = new();
    private static readonly Lock InstallLock = new();
    private static int _nextFamily;
    private static bool _installed;

    private readonly ConcurrentDictionary<string, byte[]> _faces = new(StringComparer.Ordinal);

    /// <summary>Registers the four faces (regular, bold, italic, bold italic) and returns their family name.</summary>
    public static string Register(byte[][] faces)
    {
        Install();
        var family = "ZemgaleNvo" + Interlocked.Increment(ref _nextFamily).ToString(CultureInfo.InvariantCulture);
        for (var face = 0; face < faces.Length; face++)
        {
            Instance._faces[FaceName(family, face)] = faces[face];
        }

        return family;
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        var face = (bold ? (int)FontEmphasis.Bold : 0) | (italic ? (int)FontEmphasis.Italic : 0);
        var name = FaceName(familyName, face);
        return _faces.ContainsKey(name) ? new FontResolverInfo(name) : null;
    }

    public byte[]? GetFont(string faceName) => _faces.TryGetValue(faceName, out var bytes) ? bytes : null;

    private static string FaceName(string family, int face) => family + "#" + face.ToString(CultureInfo.InvariantCulture);

    private static void Install()
    {
        lock (InstallLock)
        {
            if (_installed)
            {
                return;
            }

            if (GlobalFontSettings.FontResolver is not null and not PdfFontRegistry)
            {
                throw new InvalidOperationException("Another PDFsharp font resolver is installed; ZemgaleNvo.Pdf needs its own to embed the configured fonts.");
            }

            GlobalFontSettings.FontResolver = Instance;
            _installed = true;
        }
    }
}
