using System.Globalization;

namespace ZemgaleNvo.Domain.Money;

/// <summary>
/// Money is kept as a whole number of euro cents (<see cref="long"/>) everywhere in the domain and
/// the database: SQLite cannot sum or compare <c>decimal</c> on the server and floating point has
/// no place near money. These helpers convert and format only at the edges.
/// </summary>
public static class Cents
{
    /// <summary>
    /// Upper bound for a single amount a user may enter: 10 000 000,00 euro. The one place the limit is
    /// stated: messages and hints format it, forms.js reads it from the money hint's <c>data-money-max</c>.
    /// </summary>
    public const long MaxSingleAmount = 10_000_000_00;

    /// <summary>
    /// lv-LV number format with a no-break space as the group separator. Built here rather than read
    /// from ICU, whose separator differs between ICU versions (space, no-break space, narrow no-break space).
    /// </summary>
    public static readonly NumberFormatInfo LatvianNumbers = NumberFormatInfo.ReadOnly(new NumberFormatInfo
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = "\u00A0",
        NumberGroupSizes = [3],
        NegativeSign = "-",
    });

    public static long FromEuros(decimal euros)
    {
        var cents = euros * 100m;
        if (cents != decimal.Truncate(cents))
        {
            throw new ArgumentException("An amount has at most two decimal places.", nameof(euros));
        }
        return (long)cents;
    }

    /// <summary>
    /// The one cents→euros conversion. Always two decimals (<c>12080</c> → <c>120.80</c>, <c>3000000</c> →
    /// <c>30000.00</c>): multiplying by 0.01 keeps the scale at two, where dividing by 100 would drop
    /// trailing zeros, and the open-data JSON and the spreadsheets write the decimal as it is.
    /// </summary>
    public static decimal ToEuros(long cents) => cents * 0.01m;

    /// <summary>
    /// Latvian form (<c>49 000,00</c>) for Latvian or no culture, the culture's own form otherwise
    /// (<c>49,000.00</c> in English).
    /// </summary>
    public static string Format(long cents, CultureInfo? culture = null) =>
        ToEuros(cents).ToString("#,##0.00", culture is null || culture.TwoLetterISOLanguageName == "lv" ? LatvianNumbers : culture);
}
