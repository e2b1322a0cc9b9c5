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
/// How amounts are written in forms: the UI language decides what a comma means, so a form
/// accepts back what it shows in either language.
/// </summary>
public enum MoneyLanguage
{
    /// <summary><c>1 234,56</c>: a comma (or a point) before the cents, spaces between thousands.</summary>
    Latvian,

    /// <summary><c>1,234.56</c>: a point before the cents, commas (or spaces) between thousands.</summary>
    English,
}

/// <summary>
/// Reads an amount as people type it, straight into cents (no floating point), and writes the text
/// a form is pre-filled with (<see cref="Format"/>, the exact inverse of <see cref="Parse"/>).
/// <para>
/// Both languages: digits with or without thousands grouped in threes (<c>1234</c>, <c>1 234</c>;
/// spaces may be ordinary, no-break or narrow no-break), at most two decimals, <c>€</c>, <c>EUR</c>
/// or <c>euro</c> before or after (<c>1 234,56 €</c>, <c>EUR 1,234.56</c>). Refused: negatives, more
/// than two decimals, more than <see cref="Cents.MaxSingleAmount"/>, and anything else.
/// </para>
/// <para>
/// Latvian: the last comma or point separates the cents (<c>1 234,56</c>, <c>1234,56</c>,
/// <c>1234.56</c>); a comma is never a thousands separator, so <c>1,234</c> is one euro and too many
/// decimals, never one thousand.
/// English: a point separates the cents; a comma only groups thousands, in correct groups of three
/// (<c>1,234.56</c>, <c>1,234</c> is one thousand); <c>1234,56</c> is refused rather than guessed.
/// </para>
/// </summary>
public static class MoneyInput
{
    private static readonly string[] CurrencyMarks = ["€", "EUR", "euro", "eur"];

    private static readonly char[] Spaces = [' ', '\u00A0', '\u202F'];

    private static readonly char[] EnglishGroupSeparators = [',', .. Spaces];

    /// <summary>
    /// The way of writing amounts for a UI culture: Latvian for Latvian (and the invariant culture,
    /// as the pages and reports treat it), English for any other (the portal's only other language).
    /// </summary>
    public static MoneyLanguage LanguageOf(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return culture.TwoLetterISOLanguageName is "lv" or "iv" ? MoneyLanguage.Latvian : MoneyLanguage.English;
    }

    /// <summary>
    /// The text a money field is pre-filled with: <c>23 987,03</c> (no-break space) in Latvian,
    /// <c>23,987.03</c> in English, the same as pages show amounts. <see cref="Parse"/> reads it back
    /// to the same cents for every amount from 0 to <see cref="Cents.MaxSingleAmount"/>.
    /// </summary>
    public static string Format(long cents, MoneyLanguage language) =>
        // The invariant culture writes 1,234.56, independent of the ICU data on the machine.
        Cents.Format(cents, language == MoneyLanguage.English ? CultureInfo.InvariantCulture : null);

    public static MoneyInputResult Parse(string? text, MoneyLanguage language, long maxCents = Cents.MaxSingleAmount)
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

        var separator = language == MoneyLanguage.English ? value.LastIndexOf('.') : value.LastIndexOfAny([',', '.']);
        var whole = separator < 0 ? value : value[..separator];
        var fraction = separator < 0 ? "" : value[(separator + 1)..];
        var groupSeparators = language == MoneyLanguage.English ? EnglishGroupSeparators : Spaces;
        if (!TryReadWhole(whole, groupSeparators, out var euros) || !fraction.All(char.IsAsciiDigit) || (separator >= 0 && fraction.Length == 0))
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

    /// <summary>
    /// Digits, optionally grouped in threes by the language's separators ("1 234 567", "1,234,567").
    /// More digits than a long holds read as "too large".
    /// </summary>
    private static bool TryReadWhole(string whole, char[] groupSeparators, out long euros)
    {
        euros = 0;
        var groups = whole.Split(groupSeparators, StringSplitOptions.None);
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
