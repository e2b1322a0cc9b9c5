using System.Globalization;
using System.Text;

namespace ZemgaleNvo.Domain.Evidence;

/// <summary>
/// The name a file is kept under: only the last part of whatever path the browser sent, letters
/// (Latvian ones too), digits and a few safe marks, at most <see cref="MaxLength"/> characters, and
/// the extension of the type the content turned out to be.
/// </summary>
public static class EvidenceFileName
{
    public const int MaxLength = 120;

    private const string Fallback = "fails";

    public static string Sanitise(string? declared, EvidenceType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var name = (declared ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..].Normalize(NormalizationForm.FormC);
        var dot = name.LastIndexOf('.');
        var stem = dot > 0 ? name[..dot] : name;
        var kept = new StringBuilder(stem.Length);
        foreach (var c in stem)
        {
            var category = char.GetUnicodeCategory(c);
            if (char.IsLetterOrDigit(c) || category is UnicodeCategory.NonSpacingMark || c is '-' or '_' or '(' or ')' or '.' or ',')
            {
                kept.Append(c);
            }
            else if (char.IsWhiteSpace(c))
            {
                kept.Append(' ');
            }
        }
        var clean = string.Join(' ', kept.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim('.', ' ');
        if (clean.Length == 0)
        {
            clean = Fallback;
        }
        var room = MaxLength - type.Extension.Length;
        if (clean.Length > room)
        {
            clean = clean[..room].TrimEnd('.', ' ');
        }
        return clean + type.Extension;
    }
}
