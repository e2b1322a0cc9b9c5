using System.Text;

namespace ZemgaleNvo.Domain.Checks.Rules;

/// <summary>
/// Decides whether two indicator units name the same kind of thing, allowing for Latvian
/// inflection. A unit may list alternatives with a slash ("mācību semināri / darbnīcas" counts
/// seminars and workshops together); two units overlap when one alternative of each is the same
/// phrase: the same number of words, word by word the same word in any case form.
/// <para>
/// Deliberately conservative: "tiešsaistes apmācību semināri" and "mācību semināri" do not
/// overlap (different phrases), and neither do "Zemgales reģiona NVO" and "Zemgales NVO forumi",
/// although their first words agree. A false "possible double count" costs a reviewer's time; a
/// missed one is still visible in the text.
/// </para>
/// </summary>
public static class IndicatorUnits
{
    /// <summary>The longest case ending Latvian words differ by ("-iem" in "semināriem").</summary>
    private const int MaxEndingLength = 3;

    /// <summary>Shorter common beginnings say nothing ("ar" and "at" share "a").</summary>
    private const int MinCommonStem = 3;

    public static bool Overlap(string unitA, string unitB)
    {
        ArgumentNullException.ThrowIfNull(unitA);
        ArgumentNullException.ThrowIfNull(unitB);
        var alternativesB = Alternatives(unitB);
        return Alternatives(unitA).Any(a => alternativesB.Any(b => SamePhrase(a, b)));
    }

    private static List<string[]> Alternatives(string unit) =>
        unit.Normalize(NormalizationForm.FormC)
            .ToLowerInvariant()
            .Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(phrase => phrase.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .Where(words => words.Length > 0)
            .ToList();

    private static bool SamePhrase(string[] a, string[] b) =>
        a.Length == b.Length && a.Zip(b).All(pair => SameWord(pair.First, pair.Second));

    /// <summary>
    /// Two forms of one word: equal, or sharing a beginning that leaves at most a case ending on
    /// either ("semināri" / "seminārus", "mācību" / "mācībām").
    /// </summary>
    internal static bool SameWord(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return true;
        }
        var common = 0;
        while (common < a.Length && common < b.Length && a[common] == b[common])
        {
            common++;
        }
        return common >= MinCommonStem && a.Length - common <= MaxEndingLength && b.Length - common <= MaxEndingLength;
    }
}
