using Microsoft.Extensions.Options;

namespace ZemgaleNvo.Infrastructure.Evidence;

/// <summary>The <c>Attachments</c> section: evidence file limits, where the bytes go, and the virus scanner.</summary>
public sealed class AttachmentOptions
{
    public const string Section = "Attachments";

    /// <summary>The largest file accepted, in megabytes (1 MB = 1 048 576 bytes).</summary>
    public int MaxFileMegabytes { get; set; } = 20;

    /// <summary>All of one agreement's files together, in megabytes.</summary>
    public int MaxAgreementMegabytes { get; set; } = 500;

    /// <summary>How many files one upload without JavaScript may carry (with JavaScript each file goes on its own).</summary>
    public int MaxFilesPerUpload { get; set; } = 5;

    /// <summary><c>Database</c> (default: one backup, every instance sees the files) or <c>Folder</c>.</summary>
    public string Storage { get; set; } = "Database";

    /// <summary>With <c>Storage=Folder</c>: where the files live; relative paths are taken from the content root.</summary>
    public string Folder { get; set; } = "data/evidence";

    /// <summary><c>clamd</c> (default: every upload is scanned) or <c>none</c> (Development only; files are marked "nav pārbaudīts").</summary>
    public string Scanner { get; set; } = "clamd";

    public string ClamdHost { get; set; } = "127.0.0.1";
    public int ClamdPort { get; set; } = 3310;

    /// <summary>How long one scan may take before the scanner counts as unavailable.</summary>
    public int ScanTimeoutSeconds { get; set; } = 60;

    public long MaxFileBytes => MaxFileMegabytes * 1024L * 1024L;
    public long MaxAgreementBytes => MaxAgreementMegabytes * 1024L * 1024L;

    /// <summary>The largest request an upload may be: its files and the form around them.</summary>
    public long MaxUploadRequestBytes => MaxFileBytes * MaxFilesPerUpload + 1024L * 1024L;

    public bool StoresInFolder => string.Equals(Storage, "Folder", StringComparison.OrdinalIgnoreCase);
    public bool Scans => !string.Equals(Scanner, "none", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// What the <c>Attachments</c> settings must be. Turning the scanner off is allowed only in
/// Development: in any other environment an unscanned upload must never be stored.
/// </summary>
public sealed class AttachmentOptionsValidation(bool isDevelopment) : IValidateOptions<AttachmentOptions>
{
    public ValidateOptionsResult Validate(string? name, AttachmentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string> failures = [];
        if (options.MaxFileMegabytes is < 1 or > 1024)
        {
            failures.Add($"Attachments:MaxFileMegabytes {options.MaxFileMegabytes} must be between 1 and 1024.");
        }
        if (options.MaxAgreementMegabytes < options.MaxFileMegabytes)
        {
            failures.Add($"Attachments:MaxAgreementMegabytes {options.MaxAgreementMegabytes} must be at least Attachments:MaxFileMegabytes.");
        }
        if (options.MaxFilesPerUpload is < 1 or > 50)
        {
            failures.Add($"Attachments:MaxFilesPerUpload {options.MaxFilesPerUpload} must be between 1 and 50.");
        }
        if (!string.Equals(options.Storage, "Database", StringComparison.OrdinalIgnoreCase) && !options.StoresInFolder)
        {
            failures.Add($"Attachments:Storage \"{options.Storage}\" must be Database or Folder.");
        }
        if (options.StoresInFolder && string.IsNullOrWhiteSpace(options.Folder))
        {
            failures.Add("Attachments:Folder is required when Attachments:Storage is Folder.");
        }
        if (!string.Equals(options.Scanner, "clamd", StringComparison.OrdinalIgnoreCase) && options.Scans)
        {
            failures.Add($"Attachments:Scanner \"{options.Scanner}\" must be clamd or none.");
        }
        if (!options.Scans && !isDevelopment)
        {
            failures.Add("Attachments:Scanner none is allowed only in Development: every other environment scans uploads with clamd.");
        }
        if (options.Scans && (string.IsNullOrWhiteSpace(options.ClamdHost) || options.ClamdPort is < 1 or > 65535))
        {
            failures.Add("Attachments:ClamdHost and Attachments:ClamdPort must name clamd's TCP socket.");
        }
        if (options.ScanTimeoutSeconds < 1)
        {
            failures.Add($"Attachments:ScanTimeoutSeconds {options.ScanTimeoutSeconds} must be at least 1.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
