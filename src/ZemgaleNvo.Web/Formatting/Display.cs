using System.Globalization;
using ZemgaleNvo.Web.Features.Reports;

namespace ZemgaleNvo.Web.Formatting;

/// <summary>
/// How figures and dates look on pages: the report formatting (<see cref="ReportFormat"/>) in the
/// current UI language, so the agreement page and the reports write a figure the same way.
/// </summary>
public static class Display
{
    private static ReportFormat Format => ReportFormat.For(CultureInfo.CurrentUICulture);

    public static string Money(long cents) => Format.Money(cents);

    public static string Percent(decimal? percent) => Format.Percent(percent);

    /// <summary><c>15.07.2022.</c> in Latvian, <c>15/07/2022</c> otherwise.</summary>
    public static string Date(DateOnly date) => Format.Date(date);

    public static string Date(DateOnly? date) => date is null ? "–" : Format.Date(date.Value);

    /// <summary><c>15.07.2022.–14.07.2023.</c></summary>
    public static string Period(DateOnly start, DateOnly end) => Format.Period(start, end);

    public static string Status(Domain.Reviews.ReviewStatus status) => Format.Status(status);

    public static string AgreementType(Domain.Agreements.AgreementType type) => Format.AgreementType(type);

    /// <summary>Implementation years are numbered in Roman numerals on Latvian documents: I, II, III, …</summary>
    public static string Roman(int number) => ReportFormat.Roman(number);
}
