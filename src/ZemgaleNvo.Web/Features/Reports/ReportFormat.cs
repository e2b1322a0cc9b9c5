using System.Globalization;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Checks;
using ZemgaleNvo.Domain.Money;
using ZemgaleNvo.Domain.Reviews;

namespace ZemgaleNvo.Web.Features.Reports;

/// <summary>
/// How reports write figures, dates and fixed phrases, in Latvian (the official form) or English.
/// Every output of a report (HTML, PDF, spreadsheet) formats through this one class.
/// </summary>
public sealed class ReportFormat
{
    private static readonly string[] LatvianMonths =
        ["janvāris", "februāris", "marts", "aprīlis", "maijs", "jūnijs", "jūlijs", "augusts", "septembris", "oktobris", "novembris", "decembris"];

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static readonly ReportFormat Latvian = new(isLatvian: true);
    public static readonly ReportFormat EnglishFormat = new(isLatvian: false);

    private ReportFormat(bool isLatvian) => IsLatvian = isLatvian;

    public bool IsLatvian { get; }

    public string LanguageTag => IsLatvian ? "lv" : "en";

    public CultureInfo Culture => IsLatvian ? CultureInfo.GetCultureInfo("lv-LV") : English;

    /// <summary>Latvian for Latvian (or invariant) UI culture, English otherwise.</summary>
    public static ReportFormat For(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName is "lv" or "iv" ? Latvian : EnglishFormat;

    /// <summary><c>49 000,00</c> / <c>49,000.00</c>.</summary>
    public string Money(long cents) => Cents.Format(cents, IsLatvian ? null : English);

    /// <summary><c>49 000,00 euro</c> / <c>EUR 49,000.00</c>.</summary>
    public string Euro(long cents) => IsLatvian ? $"{Money(cents)} euro" : $"EUR {Money(cents)}";

    public string Percent(decimal? percent) => percent is null
        ? "–"
        : percent.Value.ToString("0.0", IsLatvian ? Cents.LatvianNumbers : English) + " %";

    /// <summary><c>15.07.2022.</c> / <c>15/07/2022</c>.</summary>
    public string Date(DateOnly date) => IsLatvian
        ? date.ToString("dd.MM.yyyy.", CultureInfo.InvariantCulture)
        : date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary><c>2022. gada 15. jūlijs</c> / <c>15 July 2022</c>.</summary>
    public string LongDate(DateOnly date) => IsLatvian
        ? $"{date.Year}. gada {date.Day}. {LatvianMonths[date.Month - 1]}"
        : date.ToString("d MMMM yyyy", English);

    /// <summary><c>15.07.2022.–14.07.2023.</c></summary>
    public string Period(DateOnly start, DateOnly end) => $"{Date(start)}–{Date(end)}";

    /// <summary><c>2022. gada 15. jūlijs līdz 2025. gada 14. jūlijs</c>, as the official template words a period.</summary>
    public string LongPeriod(DateOnly start, DateOnly end) =>
        IsLatvian ? $"{LongDate(start)} līdz {LongDate(end)}" : $"{LongDate(start)} to {LongDate(end)}";

    /// <summary><c>I. ĪSTENOŠANAS GADS</c> / <c>IMPLEMENTATION YEAR I</c>.</summary>
    public string YearTitle(int number) => IsLatvian
        ? $"{Roman(number)}. ĪSTENOŠANAS GADS"
        : $"IMPLEMENTATION YEAR {Roman(number)}";

    /// <summary><c>I. īstenošanas gads</c> / <c>Implementation year I</c>.</summary>
    public string YearName(int number) => IsLatvian ? $"{Roman(number)}. īstenošanas gads" : $"Implementation year {Roman(number)}";

    /// <summary><c>vairāk kā 60 konsultācijas</c> / <c>more than 60 konsultācijas</c>: the unit is the performer's own word.</summary>
    public string Indicator(int count, string unit, IndicatorQualifier qualifier)
    {
        var number = count.ToString(CultureInfo.InvariantCulture);
        var qualified = (qualifier, IsLatvian) switch
        {
            (IndicatorQualifier.MoreThan, true) => $"vairāk kā {number}",
            (IndicatorQualifier.AtLeast, true) => $"vismaz {number}",
            (IndicatorQualifier.MoreThan, false) => $"more than {number}",
            (IndicatorQualifier.AtLeast, false) => $"at least {number}",
            _ => number,
        };
        return $"{qualified} {unit}";
    }

    /// <summary>What the template says where nothing is recorded: "Nav".</summary>
    public string None => IsLatvian ? "Nav" : "None";

    public string Status(ReviewStatus status) => (status, IsLatvian) switch
    {
        (ReviewStatus.Draft, true) => "Melnraksts",
        (ReviewStatus.Submitted, true) => "Iesniegts",
        (ReviewStatus.Returned, true) => "Atgriezts labošanai",
        (ReviewStatus.Approved, true) => "Apstiprināts",
        (ReviewStatus.Returned, false) => "Returned for correction",
        _ => status.ToString(),
    };

    public string AgreementType(AgreementType type) => (type, IsLatvian) switch
    {
        (Domain.Agreements.AgreementType.Delegation, true) => "Deleģēšanas līgums",
        (Domain.Agreements.AgreementType.Participation, true) => "Līdzdarbības līgums",
        (Domain.Agreements.AgreementType.Delegation, false) => "Delegation agreement",
        (Domain.Agreements.AgreementType.Participation, false) => "Participation agreement",
        _ => type.ToString(),
    };

    /// <summary>I, II, III, …: how Latvian documents number implementation years.</summary>
    public static string Roman(int number) => RomanNumerals.From(number);
}
