using System.Globalization;

namespace ZemgaleNvo.BrowserTests.DataEntry;

/// <summary>
/// Amounts as the pages show them (<c>26 247,53</c>, a no-break space between thousands) and as a
/// person types them (<c>1 269,24</c>), so the tests can compute an expected figure from figures read
/// off the page instead of hard-coding it.
/// </summary>
internal static class LatvianMoney
{
    private static readonly NumberFormatInfo Typing = new() { NumberGroupSeparator = " ", NumberDecimalSeparator = ",", NegativeSign = "-" };

    public static long Cents(string? shown)
    {
        var text = (shown ?? "").Replace('\u00A0', ' ').Replace('\u202F', ' ').Replace('\u2212', '-').Replace(" ", "", StringComparison.Ordinal).Trim();
        var negative = text.StartsWith('-');
        var digits = text.TrimStart('-');
        var comma = digits.IndexOf(',', StringComparison.Ordinal);
        Assert.True(comma > 0 && digits.Length - comma == 3 && digits.Remove(comma, 1).All(char.IsAsciiDigit),
            $"\"{shown}\" is not an amount as the portal shows one (1 234,56).");
        var cents = long.Parse(digits.Remove(comma, 1), CultureInfo.InvariantCulture);
        return negative ? -cents : cents;
    }

    /// <summary><c>1 269,24</c>, with ordinary spaces, as typed into a money field.</summary>
    public static string Typed(long cents) => (cents / 100m).ToString("#,0.00", Typing);
}
