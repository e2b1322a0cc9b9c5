using System.Text;

namespace ZemgaleNvo.Web.Forms;

/// <summary>
/// Text fields as they are stored (issue 17, text hygiene). One rule for every free-text field,
/// applied where text enters the portal: model binding (<see cref="FreeTextBinderProvider"/>) and
/// the spending import's cells.
/// <list type="bullet">
/// <item>Control characters are removed, except tab and newline (a carriage return becomes a
/// newline): they have no place in a report and break the exports.</item>
/// <item>Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) are removed: they
/// make a supplier name display reversed, in the HTML and in every export.</item>
/// <item>Unpaired surrogates are removed (no encoding can carry them).</item>
/// <item>Text of nothing but whitespace and zero-width characters is empty, so a required field
/// asks for it.</item>
/// </list>
/// </summary>
public static class FormText
{
    /// <summary>Trimmed and tidied; empty (or invisible) means "none".</summary>
    public static string? Clean(string? text)
    {
        var tidy = Tidy(text);
        return IsBlank(tidy) ? null : tidy!.Trim();
    }

    /// <summary>Only what must not be stored removed; spacing left as typed (for a form shown again).</summary>
    public static string? Tidy(string? text)
    {
        if (text is null || !NeedsTidying(text))
        {
            return text;
        }
        var tidy = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                // \r\n and a lone \r are both one newline.
                tidy.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                tidy.Append(c).Append(text[++i]);
            }
            else if (!Removed(c))
            {
                tidy.Append(c);
            }
        }
        return tidy.ToString();
    }

    /// <summary>Nothing a reader would see: empty, whitespace, or zero-width characters only.</summary>
    public static bool IsBlank(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c) && !IsZeroWidth(c) && !Removed(c))
            {
                return false;
            }
        }
        return true;
    }

    private static bool NeedsTidying(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' || Removed(c) || char.IsLowSurrogate(c))
            {
                return true;
            }
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return true;
                }
                i++;
            }
        }
        return false;
    }

    /// <summary>Characters never stored: controls but tab and newline, bidi controls, lone surrogates.</summary>
    private static bool Removed(char c) =>
        (char.IsControl(c) && c is not '\t' and not '\n')
        || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069'
        || char.IsSurrogate(c);

    /// <summary>Characters that take no space: zero-width space, joiners, word joiner, the byte order mark, marks for direction.</summary>
    private static bool IsZeroWidth(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\u200E' or '\u200F' or '\u2060' or '\uFEFF' or '\u180E' or '\u00AD';
}
