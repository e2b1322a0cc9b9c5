using System.Collections;
using System.Globalization;
using System.Resources;
using ZemgaleNvo.Web.Resources;

namespace ZemgaleNvo.Web.Formatting;

/// <summary>
/// The one catalogue of the portal's wording, read in a language chosen by the caller: the keys
/// are the Latvian texts, <c>Resources/SharedResource.en.resx</c> holds their English (the same file
/// the pages read through <c>IStringLocalizer</c>). Reports, exports, PDFs and emails are written
/// for a chosen language, not the request's, so they read the catalogue here instead of through the
/// request culture. Write a lookup as <c>L[</c> and the Latvian text in quotes, so the translation-completeness test finds it.
/// </summary>
/// <remarks>
/// Where one Latvian word needs two English ones ("Neatbilstības": a spreadsheet of non-compliant
/// expenditure, the portal's inconsistencies elsewhere), the key carries a context before a
/// <c>|</c>: <c>"izklājlapa|Neatbilstības"</c>. Latvian shows the text after the bar.
/// </remarks>
public sealed class TextCatalogue
{
    private const char ContextSeparator = '|';

    private static readonly ResourceManager Resources = new(typeof(SharedResource));

    public static readonly TextCatalogue Latvian = new(CultureInfo.GetCultureInfo("lv-LV"), english: null);

    public static readonly TextCatalogue English = new(CultureInfo.GetCultureInfo("en"), LoadEnglish());

    private readonly Dictionary<string, string>? english;

    private TextCatalogue(CultureInfo culture, Dictionary<string, string>? english)
    {
        Culture = culture;
        this.english = english;
    }

    /// <summary>The culture the catalogue's arguments are formatted in.</summary>
    public CultureInfo Culture { get; }

    /// <summary>The text in this catalogue's language; Latvian when the English is missing, as the pages do.</summary>
    public string this[string key]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(key);
            if (english is not null && english.TryGetValue(key, out var translated))
            {
                return translated;
            }

            var bar = key.IndexOf(ContextSeparator, StringComparison.Ordinal);
            return bar < 0 ? key : key[(bar + 1)..];
        }
    }

    /// <summary>A text with placeholders (<c>{0}</c>), filled in after the translation.</summary>
    public string this[string key, params object?[] arguments] => string.Format(Culture, this[key], arguments);

    private static Dictionary<string, string> LoadEnglish()
    {
        // Only the English set: Latvian has no resource file (the keys are Latvian), so asking the
        // resource manager to fall back to a neutral set would throw.
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Resources.GetResourceSet(CultureInfo.GetCultureInfo("en"), createIfNotExists: true, tryParents: false) is { } set)
        {
            foreach (DictionaryEntry entry in set)
            {
                if (entry is { Key: string key, Value: string value })
                {
                    texts[key] = value;
                }
            }
        }

        return texts;
    }
}
