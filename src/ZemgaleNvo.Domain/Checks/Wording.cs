using System.Globalization;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Money;
using ZemgaleNvo.Domain.Periods;

namespace ZemgaleNvo.Domain.Checks;

/// <summary>
/// The building blocks of finding messages, one method per phrase and language, so every rule
/// words years, amounts, names and dates the same way. Latvian follows the summary's own usage
/// ("II. īstenošanas gadā", "36 785,82 euro", „…”); English uses "EUR 36,785.82" and “…”.
/// </summary>
internal static class Wording
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static string EuroLv(long cents) => Cents.Format(cents) + " euro";

    public static string EuroEn(long cents) => "EUR " + Cents.Format(cents, English);

    /// <summary>"II. īstenošanas gads".</summary>
    public static string YearLv(int number) => RomanNumerals.From(number) + ". īstenošanas gads";

    /// <summary>"II. īstenošanas gada" (genitive: of the year).</summary>
    public static string YearGenitiveLv(int number) => RomanNumerals.From(number) + ". īstenošanas gada";

    /// <summary>"II. īstenošanas gadā" (locative: in the year).</summary>
    public static string YearLocativeLv(int number) => RomanNumerals.From(number) + ". īstenošanas gadā";

    /// <summary>"year II".</summary>
    public static string YearEn(int number) => "year " + RomanNumerals.From(number);

    public static string QuoteLv(string text) => "„" + text + "”";

    public static string QuoteEn(string text) => "“" + text + "”";

    /// <summary>"15.07.2023.", as every output writes a Latvian date (<see cref="DocumentDates"/>).</summary>
    public static string DateLv(DateOnly date) => DocumentDates.Latvian(date);

    /// <summary>"15/07/2023", as every output writes an English date.</summary>
    public static string DateEn(DateOnly date) => DocumentDates.English(date);

    /// <summary>"15.07.2023.–14.07.2024.".</summary>
    public static string RangeLv(DateOnly start, DateOnly end) => DocumentDates.Range(DateLv(start), DateLv(end));

    /// <summary>"15/07/2023–14/07/2024".</summary>
    public static string RangeEn(DateOnly start, DateOnly end) => DocumentDates.Range(DateEn(start), DateEn(end));

    /// <summary>"3." for the third result of a list.</summary>
    public static string OrdinalLv(int ordinal) => ordinal.ToString(CultureInfo.InvariantCulture) + ".";

    public static string NumberEn(int number) => number.ToString(CultureInfo.InvariantCulture);

    /// <summary>"12", "vismaz 4", "vairāk kā 60", as the summary words counts.</summary>
    public static string CountLv(Indicator indicator) => CountLv(indicator.Count, indicator.Qualifier);

    public static string CountEn(Indicator indicator) => CountEn(indicator.Count, indicator.Qualifier);

    /// <summary>"8", "vismaz 8", "vairāk kā 8": a count or a target with its qualifier.</summary>
    public static string CountLv(int count, IndicatorQualifier qualifier) => qualifier switch
    {
        IndicatorQualifier.AtLeast => "vismaz " + NumberEn(count),
        IndicatorQualifier.MoreThan => "vairāk kā " + NumberEn(count),
        _ => NumberEn(count),
    };

    public static string CountEn(int count, IndicatorQualifier qualifier) => qualifier switch
    {
        IndicatorQualifier.AtLeast => "at least " + NumberEn(count),
        IndicatorQualifier.MoreThan => "more than " + NumberEn(count),
        _ => NumberEn(count),
    };

    /// <summary>Closes a sentence with a full stop, unless it ends with a Latvian date, whose own dot serves.</summary>
    public static string EndSentence(string text) => text.EndsWith('.') ? text : text + ".";

    /// <summary>Joins clauses the Latvian way: "a", "a un b", "a, b un c".</summary>
    public static string JoinLv(IReadOnlyList<string> parts) => Join(parts, " un ");

    public static string JoinEn(IReadOnlyList<string> parts) => Join(parts, " and ");

    private static string Join(IReadOnlyList<string> parts, string lastSeparator) => parts.Count switch
    {
        0 => "",
        1 => parts[0],
        _ => string.Join(", ", parts.Take(parts.Count - 1)) + lastSeparator + parts[^1],
    };
}
