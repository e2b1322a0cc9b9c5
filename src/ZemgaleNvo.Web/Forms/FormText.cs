namespace ZemgaleNvo.Web.Forms;

/// <summary>Text fields as they are stored: trimmed, and empty means "none".</summary>
public static class FormText
{
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
