using System.Globalization;

namespace ZemgaleNvo.Domain.Periods;

/// <summary>
/// The one way every output writes a date: the page, the PDF, the spreadsheet, the emails and the
/// findings. Latvian documents write <c>15.07.2022.</c> (with the closing dot); English ones
/// <c>15/07/2022</c>, day first as in Latvia, so a date reads the same way in both languages.
/// It lives in the Domain because the findings are worded here, without the web layer.
/// </summary>
public static class DocumentDates
{
    /// <summary><c>15.07.2022.</c></summary>
    public static string Latvian(DateOnly date) => date.ToString("dd.MM.yyyy.", CultureInfo.InvariantCulture);

    /// <summary><c>15/07/2022</c></summary>
    public static string English(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary><c>15.07.2022.–14.07.2023.</c> / <c>15/07/2022–14/07/2023</c>: two dates joined by an en dash.</summary>
    public static string Range(string start, string end) => start + "–" + end;
}
