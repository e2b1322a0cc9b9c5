using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ZemgaleNvo.BrowserTests.Infrastructure;

/// <summary>
/// The page structures axe has passed in this test run. A page is keyed by its address (the path with
/// record ids folded, so year III of one agreement and of another are one page), whether JavaScript ran,
/// the viewport width, and its document as markup only: elements, their attributes and classes, with
/// the text between tags, field values, numbers and the wording of labels left out, each kind of
/// element counted once (<see cref="Structure"/>). What axe judges lives in that markup: roles, names
/// present or missing, landmarks, headings, labels, colours through classes, language attributes.
/// Many journeys reach the entry page with one more result or another sum in a cell; axe looks at the first of them, and the others rely on that check instead of waiting for axe
/// again (an axe run costs one to three seconds of Chromium on the two cores, more than the rest of a
/// step). Anything that changes the markup (a flash message, an error beside a field, an empty table,
/// another language, menu or width) is another structure, checked anew, so every page kind and every
/// state of it a journey reaches is still checked at least once per run.
/// </summary>
internal static partial class CheckedPages
{
    /// <summary>Structure key → the test whose axe run passed it.</summary>
    private static readonly ConcurrentDictionary<string, string> Passed = new();

    /// <summary>The key of the page's structure now: equal keys mean axe would judge the same markup.</summary>
    public static async Task<string> StateKeyAsync(IPage page, bool javaScriptEnabled)
    {
        ArgumentNullException.ThrowIfNull(page);
        var width = page.ViewportSize?.Width ?? 0;
        var address = new Uri(page.Url);
        var state = $"{(javaScriptEnabled ? "js" : "no-js")}\n{width}\n{Digits().Replace(address.AbsolutePath, "0")}\n{Structure(await page.ContentAsync())}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(state)));
    }

    /// <summary>
    /// The kinds of element the document holds: each start tag with its attributes, the words and figures
    /// taken out, listed once and in order. Another row like the others, another sum or another result
    /// text is the same page for axe; a new kind of element (an alert, a field marked invalid, a label
    /// left empty, another menu) is not.
    /// </summary>
    internal static string Structure(string html)
    {
        var markup = TextBetweenTags().Replace(html, "><");
        // Labels and field values are words (a name present or missing is what axe asks): kept as "x" or "".
        markup = WordedAttribute().Replace(markup, m => $"{m.Groups[1].Value}=\"{(m.Groups[2].Length > 0 ? "x" : "")}\"");
        markup = Digits().Replace(markup, "0");
        var kinds = StartTag().Matches(markup).Select(m => m.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return string.Join("\n", kinds);
    }

    [GeneratedRegex(@"(?s)>[^<]*<")]
    private static partial Regex TextBetweenTags();

    [GeneratedRegex(@"\b(value|aria-label|title|alt|placeholder|content|href|action|src|datetime|data-[a-z-]+)=""([^""]*)""")]
    private static partial Regex WordedAttribute();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"<[A-Za-z][^>]*>")]
    private static partial Regex StartTag();

    /// <summary>The test that already passed this state with axe, if any.</summary>
    public static string? CheckedBy(string key) => Passed.TryGetValue(key, out var test) ? test : null;

    /// <summary>Called only after axe passed the state.</summary>
    public static void Remember(string key, string test) => Passed.TryAdd(key, test);
}
