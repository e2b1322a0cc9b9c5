using Microsoft.Extensions.Options;

namespace ZemgaleNvo.Web.Features.Reports.Pdf;

/// <summary>The <c>Pdf</c> section: where the TrueType fonts embedded in the PDF reports are.</summary>
public sealed class PdfFontOptions
{
    public const string Section = "Pdf";

    /// <summary>The folder with DejaVuSans.ttf and its three other faces; the Debian folders are searched after it.</summary>
    public string? FontDirectory { get; set; }
}

/// <summary>
/// Every face must be found and readable: a machine without the fonts stops at start-up with the
/// setting to change, rather than failing the first reviewer who downloads a report.
/// </summary>
internal sealed class PdfFontOptionsValidation : IValidateOptions<PdfFontOptions>
{
    public ValidateOptionsResult Validate(string? name, PdfFontOptions options)
    {
        try
        {
            using var fonts = ReportFonts.Load(options);
            return ValidateOptionsResult.Success;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or InvalidDataException)
        {
            return ValidateOptionsResult.Fail($"{ReportFonts.SettingName}: {e.Message}");
        }
    }
}
