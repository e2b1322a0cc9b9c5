using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ZemgaleNvo.BrowserTests.Infrastructure;

/// <summary>
/// Runs axe-core on the page as it is now. A "serious" or "critical" violation fails the test, naming
/// the rule, its impact and the offending elements; "moderate" and "minor" ones are only written to
/// the test output.
/// </summary>
public static class Accessibility
{
    private static readonly string[] FailingImpacts = ["serious", "critical"];

    /// <summary>Only violations come back in full; passes and the rest would only slow the round trip.</summary>
    private static readonly AxeRunOptions Options = new() { ResultTypes = [ResultType.Violations] };

    public static async Task AssertNoSeriousViolationsAsync(IPage page, ITestOutputHelper? output = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = await page.RunAxe(Options);
        var violations = result.Violations ?? [];

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
