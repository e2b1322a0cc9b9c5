using System.Text.RegularExpressions;
using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.Years;

/// <summary>
/// What a screen reader hears on the year page that axe cannot judge (issue 19, point 7): control
/// names that say which strand, a checklist hint that does not rest on a hidden symbol, and each
/// finding announced by its own kind.
/// </summary>
public sealed partial class YearPageAccessibilityTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Result_controls_have_names_unique_across_strands()
    {
        var demo = await DemoAgreement.LoadAsync(portal.Factory);
        var client = await Browser.SignedInClientAsync(portal.Factory, Browser.ZemgaleStaff);
        var html = await client.GetStringAsync(demo.Workspace(3));

        var names = ResultControl().Matches(html).Select(m => Browser.Text(m.Groups["name"].Value).Trim()).ToList();
        var edits = names.Where(n => n.StartsWith("Labot rezultātu ", StringComparison.Ordinal)).ToList();
        Assert.True(edits.Count(n => n.StartsWith("Labot rezultātu 1 ", StringComparison.Ordinal)) >= 2,
            $"The demo year should have results in at least two strands: {string.Join(" | ", edits)}");
        foreach (var verb in new[] { "Labot rezultātu", "Dzēst rezultātu", "Pierādījumu faili rezultātam" })
        {
            var ofVerb = names.Where(n => n.StartsWith(verb + " ", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(ofVerb);
            Assert.Equal(ofVerb.Count, ofVerb.Distinct(StringComparer.Ordinal).Count());
            Assert.All(ofVerb, n => Assert.Matches(@" \d+ virzienā „[^”]+”$", n));
        }
        var moves = MoveLabel().Matches(html).Select(m => m.Groups["name"].Value).ToList();
        Assert.NotEmpty(moves);
        Assert.Equal(moves.Count, moves.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task The_submit_hint_and_findings_are_read_without_the_hidden_symbols()
    {
        var demo = await DemoAgreement.LoadAsync(portal.Factory);
        var client = await Browser.SignedInClientAsync(portal.Factory, Browser.ZemgaleStaff);
        var html = await client.GetStringAsync(demo.Workspace(3));

        // The demo year III cannot be submitted yet: the hint says why in words; the ✗ is only a picture of it.
        var hint = Hint().Match(html);
        Assert.True(hint.Success, "The submit button should be described by its hint.");
        var heard = Browser.Text(AriaHidden().Replace(hint.Groups["hint"].Value, ""));
        Assert.Contains("Iesniegt varēs, kad kontrolsarakstā nekas vairs netrūks", heard);
        Assert.DoesNotContain("✗", heard);

        // Each finding is announced by its own kind, once: "Novirze: …", never "Trūkst: Novirze" or "Brīdinājums: Kļūda".
        var findings = FindingItem().Matches(html).Select(m => (Code: m.Groups["code"].Value, Heard: Browser.Text(AriaHidden().Replace(m.Groups["body"].Value, "")).Replace(" :", ":", StringComparison.Ordinal).Trim())).ToList();
        Assert.Contains(findings, f => f.Code.StartsWith("finding:line-overspent", StringComparison.Ordinal));
        Assert.All(findings, f =>
        {
            Assert.Matches("^(Kļūda|Novirze|Brīdinājums): ", f.Heard);
            Assert.DoesNotMatch("^(Kļūda|Novirze|Brīdinājums): (Kļūda|Novirze|Brīdinājums)", f.Heard);
        });
        // The overspent line is a deviation (it needs an explanation), and it says so first, not "Trūkst:".
        Assert.StartsWith("Novirze: ", findings.First(f => f.Code.StartsWith("finding:line-overspent", StringComparison.Ordinal)).Heard, StringComparison.Ordinal);
    }

    [GeneratedRegex("<(?:a|button)\\b[^>]*>(?<name>(?:Labot|Dzēst|Pierādījumu faili)<span class=\"visually-hidden\">[^<]*</span>)</(?:a|button)>")]
    private static partial Regex ResultControl();

    [GeneratedRegex("aria-label=\"(?<name>Pārvietot rezultātu [^\"]+)\"")]
    private static partial Regex MoveLabel();

    [GeneratedRegex("<span id=\"submit_hint\"[^>]*>(?<hint>.*?)</span>\\s*(?:<input[^>]*>\\s*)*</form>", RegexOptions.Singleline)]
    private static partial Regex Hint();

    [GeneratedRegex("<span [^>]*aria-hidden=\"true\"[^>]*>[^<]*</span>")]
    private static partial Regex AriaHidden();

    [GeneratedRegex("<li class=\"checklist-item[^\"]*\" data-code=\"(?<code>finding:[^\"]+)\">(?<body>.*?)</li>", RegexOptions.Singleline)]
    private static partial Regex FindingItem();
}
