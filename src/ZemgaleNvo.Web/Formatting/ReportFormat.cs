using System.Globalization;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Checks;
using ZemgaleNvo.Domain.Money;
using ZemgaleNvo.Domain.Periods;
using ZemgaleNvo.Domain.Reviews;

namespace ZemgaleNvo.Web.Formatting;

/// <summary>
/// How the portal writes figures, dates and fixed phrases, in Latvian (the official form) or English:
/// the pages (through <see cref="Display"/>), the reports, the exports and the emails all format
/// through this one class, and take their words from its <see cref="Words"/> catalogue.
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

    /// <summary>The wording catalogue in this language.</summary>
    public TextCatalogue Words => IsLatvian ? TextCatalogue.Latvian : TextCatalogue.English;

    private TextCatalogue L => Words;

    /// <summary>Latvian for Latvian (or invariant) UI culture, English otherwise.</summary>
    public static ReportFormat For(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName is "lv" or "iv" ? Latvian : EnglishFormat;

    /// <summary><c>49 000,00</c> / <c>49,000.00</c>.</summary>
    public string Money(long cents) => Cents.Format(cents, IsLatvian ? null : English);

    /// <summary><c>49 000,00 euro</c> / <c>EUR 49,000.00</c>.</summary>
    public string Euro(long cents) => L["{0} euro", Money(cents)];

    public string Percent(decimal? percent) => percent is null
        ? "–"
        : percent.Value.ToString("0.0", IsLatvian ? Cents.LatvianNumbers : English) + " %";

    /// <summary><c>15.07.2022.</c> / <c>15/07/2022</c>, the one date form of every output (<see cref="DocumentDates"/>).</summary>
    public string Date(DateOnly date) => IsLatvian ? DocumentDates.Latvian(date) : DocumentDates.English(date);

    /// <summary><c>2022. gada 15. jūlijs</c> / <c>15 July 2022</c>.</summary>
    public string LongDate(DateOnly date) => IsLatvian
        ? $"{date.Year}. gada {date.Day}. {LatvianMonths[date.Month - 1]}"
        : date.ToString("d MMMM yyyy", English);

    /// <summary><c>15.07.2022.–14.07.2023.</c></summary>
    public string Period(DateOnly start, DateOnly end) => DocumentDates.Range(Date(start), Date(end));

    /// <summary><c>2022. gada 15. jūlijs līdz 2025. gada 14. jūlijs</c>, as the official template words a period.</summary>
    public string LongPeriod(DateOnly start, DateOnly end) => L["{0} līdz {1}", LongDate(start), LongDate(end)];

    /// <summary><c>I. ĪSTENOŠANAS GADS</c> / <c>IMPLEMENTATION YEAR I</c>.</summary>
    public string YearTitle(int number) => YearName(number).ToUpper(Culture);

    /// <summary><c>I. īstenošanas gads</c> / <c>Implementation year I</c>.</summary>
    public string YearName(int number) => L["{0}. īstenošanas gads", Roman(number)];

    /// <summary><c>vairāk kā 60 konsultācijas</c> / <c>more than 60 konsultācijas</c>: the unit is the performer's own word.</summary>
    public string Indicator(int count, string unit, IndicatorQualifier qualifier) => $"{QualifiedCount(count, qualifier)} {unit}";

    /// <summary><c>vairāk kā 60</c> / <c>more than 60</c>: a count or a target without its unit.</summary>
    public string QualifiedCount(int count, IndicatorQualifier qualifier)
    {
        var number = count.ToString(CultureInfo.InvariantCulture);
        return qualifier switch
        {
            IndicatorQualifier.MoreThan => L["vairāk kā {0}", number],
            IndicatorQualifier.AtLeast => L["vismaz {0}", number],
            _ => number,
        };
    }

    /// <summary>What the template says where nothing is recorded: "Nav".</summary>
    public string None => L["Nav"];

    public string Status(ReviewStatus status) => status switch
    {
        ReviewStatus.Draft => L["Melnraksts"],
        ReviewStatus.Submitted => L["Iesniegts"],
        ReviewStatus.Returned => L["Atgriezts labošanai"],
        ReviewStatus.Approved => L["Apstiprināts"],
        _ => status.ToString(),
    };

    public string AgreementType(AgreementType type) => type switch
    {
        Domain.Agreements.AgreementType.Delegation => L["Deleģēšanas līgums"],
        Domain.Agreements.AgreementType.Participation => L["Līdzdarbības līgums"],
        _ => type.ToString(),
    };

    /// <summary>I, II, III, …: how Latvian documents number implementation years.</summary>
    public static string Roman(int number) => RomanNumerals.From(number);
}
