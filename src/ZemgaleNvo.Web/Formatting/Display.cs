using System.Globalization;

namespace ZemgaleNvo.Web.Formatting;

/// <summary>
/// How figures and dates look on pages: the report formatting (<see cref="ReportFormat"/>) in the
/// current UI language, so the agreement page and the reports write a figure the same way.
/// </summary>
public static class Display
{
    private static ReportFormat Format => ReportFormat.For(CultureInfo.CurrentUICulture);

    public static string Money(long cents) => Format.Money(cents);

    /// <summary><c>1 234,56 euro</c>: an amount standing alone, with its currency.</summary>
    public static string Euro(long cents) => Format.Euro(cents);

    public static string Percent(decimal? percent) => Format.Percent(percent);

    /// <summary><c>15.07.2022.</c> in Latvian, <c>15/07/2022</c> otherwise.</summary>
    public static string Date(DateOnly date) => Format.Date(date);

    public static string Date(DateOnly? date) => date is null ? "–" : Format.Date(date.Value);

    /// <summary><c>15.07.2022.–14.07.2023.</c></summary>
    public static string Period(DateOnly start, DateOnly end) => Format.Period(start, end);

    public static string Status(Domain.Reviews.ReviewStatus status) => Format.Status(status);

    public static string AgreementType(Domain.Agreements.AgreementType type) => Format.AgreementType(type);

    /// <summary>"vairāk kā 60 konsultācijas".</summary>
    public static string Indicator(int count, string unit, Domain.Agreements.IndicatorQualifier qualifier) => Format.Indicator(count, unit, qualifier);

    /// <summary>"vismaz 8": a target or count without its unit.</summary>
    public static string QualifiedCount(int count, Domain.Agreements.IndicatorQualifier qualifier) => Format.QualifiedCount(count, qualifier);

    /// <summary>"I. īstenošanas gads" / "Implementation year I".</summary>
    public static string YearName(int number) => Format.YearName(number);

    /// <summary>A moment as people in Latvia read it: Riga time, <c>24.11.2026. 14:05</c>.</summary>
    public static string Timestamp(DateTime utc)
    {
        var riga = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), RigaTime);
        return $"{Format.Date(DateOnly.FromDateTime(riga))} {riga.ToString("HH:mm", CultureInfo.InvariantCulture)}";
    }

    private static readonly TimeZoneInfo RigaTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/Riga");

    /// <summary>Implementation years are numbered in Roman numerals on Latvian documents: I, II, III, …</summary>
    public static string Roman(int number) => ReportFormat.Roman(number);
}
