using System.Text;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace ZemgaleNvo.BrowserTests.Infrastructure;

/// <summary>
/// Runs axe-core on the page as it is now. A "serious" or "critical" violation fails the test, naming
/// the rule, its impact and the offending elements; "moderate" and "minor" ones are only written to
/// the test output.
/// </summary>
/// <remarks>
/// axe-core (the copy bundled with Deque.AxeCore) runs in the page itself: <c>axe.run</c> over the whole
/// document with every default rule, as Deque's <c>RunAxe</c> does. <c>RunAxe</c> also injected the
/// half-megabyte script twice per check and opened a new browser context to merge results from frames;
/// the portal's pages have no frames, and on the busy two cores that round trip cost more than the rules.
/// </remarks>
public static class Accessibility
{
    private static readonly string[] FailingImpacts = ["serious", "critical"];

    /// <summary>Defines <c>window.axe</c> in the page (Playwright evaluates it outside the page's content security policy).</summary>
    private static readonly Lazy<string> InjectAxe = new(() => $"() => {{ {new BundledAxeScriptProvider().GetScript()} }}");

    /// <summary>Only violations come back in full; passes and the rest would only slow the round trip.</summary>
    private const string RunAxe = "async () => JSON.stringify(await window.axe.run(document, { resultTypes: ['violations'] }))";

    public static async Task AssertNoSeriousViolationsAsync(IPage page, ITestOutputHelper? output = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object' && typeof window.axe.run === 'function'"))
        {
            await page.EvaluateAsync(InjectAxe.Value);
        }
        var json = JObject.Parse(await page.EvaluateAsync<string>(RunAxe));
        var engine = (string?)json.SelectToken("testEngine.name");
        var result = new AxeResult(json);
        Assert.True(result.Violations is not null && engine == "axe-core", $"axe did not run on {page.Url} (engine \"{engine}\").");
        var violations = result.Violations;

        var failing = violations.Where(v => FailingImpacts.Contains(v.Impact, StringComparer.OrdinalIgnoreCase)).ToList();
        var other = violations.Except(failing).ToList();
        if (other.Count > 0)
        {
            output?.WriteLine($"axe: {other.Count} lesser violation(s) on {page.Url} (not failing the test):{Environment.NewLine}{Describe(other)}");
        }
        if (failing.Count > 0)
        {
            Assert.Fail($"axe found {failing.Count} serious/critical accessibility violation(s) on {page.Url}:{Environment.NewLine}{Describe(failing)}");
        }
        output?.WriteLine($"axe: {page.Url}: no serious or critical violations ({clock.ElapsedMilliseconds} ms).");
    }

    internal static string Describe(IEnumerable<AxeResultItem> violations)
    {
        var text = new StringBuilder();
        foreach (var violation in violations)
        {
            text.Append("- ").Append(violation.Id).Append(" [").Append(violation.Impact).Append("]: ")
                .Append(violation.Help).Append(" (").Append(violation.HelpUrl).AppendLine(")");
            foreach (var node in violation.Nodes ?? [])
            {
                text.Append("    at ").Append(node.Target?.ToString() ?? "?").Append("  ").AppendLine(node.Html);
            }
        }
        return text.ToString();
    }
}
