using System.Globalization;

namespace ZemgaleNvo.Web.UnitTests.Formatting;

/// <summary>Runs a piece of code in a UI language, as a request whose user chose it would.</summary>
internal static class UiCulture
{
    public static T Read<T>(string culture, Func<T> read)
    {
        var saved = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }
}
