using ZemgaleNvo.Pdf;

namespace ZemgaleNvo.Web.Features.Reports.Pdf;

/// <summary>
/// The fonts of the PDF reports. Load once at start-up and register the result as a singleton
/// (<see cref="FontSet"/> is immutable and thread-safe); a missing font then stops the start-up
/// with a message that names the setting, instead of failing the first download.
/// </summary>
/// <example>
/// <code>builder.Services.AddSingleton(ReportFonts.Load(builder.Configuration));</code>
/// </example>
public static class ReportFonts
{
    /// <summary>The directory holding DejaVuSans.ttf and its bold, oblique and bold-oblique faces.</summary>
    public const string SettingName = FontSet.DefaultSettingName;

    /// <summary>
    /// Finds the faces in the directory set by <c>Pdf:FontDirectory</c>, then in the usual Debian
    /// font directories (<see cref="FontSet.WellKnownDirectories"/>).
    /// </summary>
    /// <exception cref="FileNotFoundException">A face is missing; the message says where it looked and which setting to change.</exception>
    public static FontSet Load(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Load(configuration.GetSection(PdfFontOptions.Section).Get<PdfFontOptions>() ?? new PdfFontOptions());
    }

    /// <inheritdoc cref="Load(IConfiguration)"/>
    public static FontSet Load(PdfFontOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return FontSet.Locate(options.FontDirectory, settingName: SettingName);
    }
}
