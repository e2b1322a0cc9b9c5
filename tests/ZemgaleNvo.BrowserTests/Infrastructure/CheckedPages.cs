using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ZemgaleNvo.BrowserTests.Infrastructure;

/// <summary>
/// The pages axe has passed in this test run, each as the page was when it passed: its address, whether
/// JavaScript ran, the document as the browser holds it then, the values in its fields and which element
/// had the focus. Many journeys open the same page in the same state (the login form, the agreements list
/// of a reviewer, a "not found" page); axe looks at it the first time, and a journey that reaches the very
/// same state later relies on that check instead of waiting for axe again. Anything that differs (a flash
/// message, an error beside a field, another row, another language or user) is another state, checked
/// anew. Only the antiforgery token is left out of the comparison: it differs on every response and is a
/// hidden field axe does not look at.
/// </summary>
internal static partial class CheckedPages
{
    /// <summary>State key → the test whose axe run passed it.</summary>
    private static readonly ConcurrentDictionary<string, string> Passed = new();

    private const string LiveStateScript = """
        () => JSON.stringify({
            fields: [...document.querySelectorAll('input, select, textarea')]
                .filter(e => e.name !== '__RequestVerificationToken')
                .map(e => [e.name || e.id, e.type === 'checkbox' || e.type === 'radio' ? String(e.checked) : e.value]),
            focus: document.activeElement ? document.activeElement.outerHTML.slice(0, 200) : '',
            // The same page at 320 px is another state for axe (a folded menu, scrolling tables).
            width: window.innerWidth
        })
        """;

    /// <summary>The key of the page's state now: equal keys mean axe would look at the same thing.</summary>
    public static async Task<string> StateKeyAsync(IPage page, bool javaScriptEnabled)
    {
        ArgumentNullException.ThrowIfNull(page);
        var html = AntiforgeryValue().Replace(await page.ContentAsync(), "$1\"");
        // A page without JavaScript cannot run the script: its fields keep the values the HTML gives them.
        var live = javaScriptEnabled ? await page.EvaluateAsync<string>(LiveStateScript) : "";
        var address = new Uri(page.Url);
        var state = $"{(javaScriptEnabled ? "js" : "no-js")}\n{address.PathAndQuery}\n{live}\n{html}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(state)));
    }

    /// <summary>The test that already passed this state with axe, if any.</summary>
    public static string? CheckedBy(string key) => Passed.TryGetValue(key, out var test) ? test : null;

    /// <summary>Called only after axe passed the state.</summary>
    public static void Remember(string key, string test) => Passed.TryAdd(key, test);

    /// <summary>The value of the antiforgery field, whatever the order of its attributes.</summary>
    [GeneratedRegex("(<input(?=[^>]*name=\"__RequestVerificationToken\")[^>]*value=\")[^\"]*\"")]
    private static partial Regex AntiforgeryValue();
}
