using System.Globalization;

namespace ZemgaleNvo.Domain.Money;

/// <summary>Why typed money was refused; the web layer turns each into a Latvian (or English) message.</summary>
public enum MoneyInputError
{
    None,
    Empty,
    NotANumber,
    Negative,
    TooManyDecimals,
    TooLarge,
}

/// <summary>The outcome of reading an amount a person typed.</summary>
public readonly record struct MoneyInputResult(long Cents, MoneyInputError Error)
{
    public bool IsValid => Error == MoneyInputError.None;
}

/// <summary>
/// Reads an amount as people in Latvia type it, straight into cents (no floating point):
/// <c>1 234,56</c>, <c>1234,56</c>, <c>1234</c>, also <c>1234.56</c> (a point as the decimal
/// separator, as English keyboards give it) and <c>1 234,56 €</c> / <c>EUR 1 234,56</c> / <c>1234,56 euro</c>.
/// Spaces (also no-break and narrow no-break) may group thousands, in groups of three. Refused:
/// negatives, more than two decimals, more than <see cref="Cents.MaxSingleAmount"/>, and anything else.
/// </summary>
public static class MoneyInput
{
    private static readonly string[] CurrencyMarks = ["€", "EUR", "euro", "eur"];

    public static MoneyInputResult Parse(string? text, long maxCents = Cents.MaxSingleAmount)
    {
        var value = (text ?? "").Trim();
        foreach (var mark in CurrencyMarks)
        {
            if (value.EndsWith(mark, StringComparison.OrdinalIgnoreCase))
            {
                value = value[..^mark.Length].TrimEnd();
            }
            if (value.StartsWith(mark, StringComparison.OrdinalIgnoreCase))
            {
                value = value[mark.Length..].TrimStart();
            }
        }
        if (value.Length == 0)
        {
            return new(0, MoneyInputError.Empty);
        }
        if (value[0] is '-' or '−')
        {
            return new(0, value.Length > 1 && char.IsAsciiDigit(value[1]) ? MoneyInputError.Negative : MoneyInputError.NotANumber);
        }
        if (value[0] == '+')
        {
            value = value[1..];
        }

        var separator = value.LastIndexOfAny([',', '.']);
        var whole = separator < 0 ? value : value[..separator];
        var fraction = separator < 0 ? "" : value[(separator + 1)..];
        if (!TryReadWhole(whole, out var euros) || !fraction.All(char.IsAsciiDigit) || (separator >= 0 && fraction.Length == 0))
        {
            return new(0, MoneyInputError.NotANumber);
        }
        if (fraction.Length > 2)
        {
            return new(0, MoneyInputError.TooManyDecimals);
        }
        if (euros > maxCents / 100)
        {
            return new(0, MoneyInputError.TooLarge);
        }
        var cents = euros * 100 + (fraction.Length == 0 ? 0 : int.Parse(fraction.PadRight(2, '0'), NumberStyles.None, CultureInfo.InvariantCulture));
        return cents > maxCents ? new(0, MoneyInputError.TooLarge) : new(cents, MoneyInputError.None);
    }

    /// <summary>Digits, optionally grouped by spaces in threes ("1 234 567"). More digits than a long holds read as "too large".</summary>
    private static bool TryReadWhole(string whole, out long euros)
    {
        euros = 0;
        var groups = whole.Split([' ', '\u00A0', '\u202F'], StringSplitOptions.None);
        if (groups.Any(g => g.Length == 0 || !g.All(char.IsAsciiDigit)))
        {
            return false;
        }
        if (groups.Length > 1 && (groups[0].Length > 3 || groups.Skip(1).Any(g => g.Length != 3)))
        {
            return false;
        }
        var digits = string.Concat(groups).TrimStart('0');
        euros = digits.Length > 15 ? long.MaxValue : digits.Length == 0 ? 0 : long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        return true;
    }
}
