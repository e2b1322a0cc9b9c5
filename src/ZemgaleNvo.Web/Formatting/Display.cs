using System.Globalization;
using ZemgaleNvo.Domain.Money;

namespace ZemgaleNvo.Web.Formatting;

/// <summary>How figures and dates look on pages: Latvian forms by default, English ones when the UI is English.</summary>
public static class Display
{
    public static string Money(long cents) => Cents.Format(cents, CultureInfo.CurrentCulture);

    public static string Percent(decimal? percent) => percent is null
        ? "–"
        : percent.Value.ToString("0.0", IsLatvian ? Cents.LatvianNumbers : CultureInfo.CurrentCulture) + " %";

    /// <summary><c>15.07.2022.</c> in Latvian, <c>15/07/2022</c> otherwise.</summary>
    public static string Date(DateOnly date) => IsLatvian
        ? date.ToString("dd.MM.yyyy.", CultureInfo.InvariantCulture)
        : date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? date) => date is null ? "–" : Date(date.Value);

    /// <summary><c>15.07.2022.–14.07.2023.</c></summary>
    public static string Period(DateOnly start, DateOnly end) => $"{Date(start)}–{Date(end)}";

    /// <summary>Implementation years are numbered in Roman numerals on Latvian documents: I, II, III, …</summary>
    public static string Roman(int number) => Domain.Checks.RomanNumerals.From(number);

    private static bool IsLatvian => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName is "lv" or "iv";
}
