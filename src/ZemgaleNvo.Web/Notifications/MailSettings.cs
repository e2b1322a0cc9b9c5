using Microsoft.Extensions.Options;
using MimeKit;
using ZemgaleNvo.Infrastructure;

namespace ZemgaleNvo.Web.Notifications;

/// <summary>The <c>Smtp</c> section of the configuration, as written; checked with <see cref="NotificationOptions"/> by <see cref="MailOptionsValidation"/>.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;

    /// <summary>True (default): STARTTLS is required. False: TLS on connect for port 465, STARTTLS when offered, else plain.</summary>
    public bool UseStartTls { get; set; } = true;

    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>The sender, e.g. <c>ZemgaleNvo portāls &lt;noreply@ministrija.lv&gt;</c>.</summary>
    public string? From { get; set; }

    /// <summary>When set, messages are written into this folder as .eml files instead of being sent.</summary>
    public string? PickupDirectory { get; set; }

    /// <summary>How long one connect or one command may take before the server counts as down.</summary>
    public int TimeoutSeconds { get; set; } = 15;
}

/// <summary>The <c>Notifications</c> section: where the links in emails point.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>The portal's address as users open it; required once mail is configured (see <see cref="MailSettings.Resolve"/>).</summary>
    public string? PortalBaseUrl { get; set; }
}

/// <summary>
/// The mail settings checked together, as they only make sense together: which delivery the <c>Smtp</c>
/// section chooses, and what that delivery then needs (a sender, the portal's address, a writable
/// pickup folder or a usable server). The rules are <see cref="MailSettings.Resolve"/>'s own.
/// </summary>
internal sealed class MailOptionsValidation(IOptions<NotificationOptions> notifications, IHostEnvironment environment) : IValidateOptions<SmtpOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        try
        {
            MailSettings.Resolve(options, notifications.Value, environment.ContentRootPath, environment.IsDevelopment());
            return ValidateOptionsResult.Success;
        }
        catch (StartupConfigurationException e)
        {
            return ValidateOptionsResult.Fail(e.Message);
        }
    }
}

/// <summary>How messages leave the portal.</summary>
public enum MailMode
{
    /// <summary>Nothing configured outside Development: notices are logged as not sent.</summary>
    Off,

    /// <summary>Written as .eml files into a folder (Development, tests, or a mail relay that picks files up).</summary>
    Pickup,

    /// <summary>Sent to the configured SMTP server.</summary>
    Smtp,
}

/// <summary>The mail settings after checking: what start-up accepted, in the form the senders use.</summary>
/// <remarks>A class, not a record: a record's ToString would print the SMTP password into a log.</remarks>
public sealed class MailSettings(MailMode mode, MailboxAddress? from, Uri? portalBaseUrl, string? pickupDirectory, SmtpOptions smtp)
{
    public MailMode Mode { get; } = mode;

    /// <summary>The sender; null only when mail is off.</summary>
    public MailboxAddress? From { get; } = from;

    /// <summary>The portal's address as users open it, ending in a slash; null only when mail is off.</summary>
    public Uri? PortalBaseUrl { get; } = portalBaseUrl;

    /// <summary>The full path of the pickup folder in <see cref="MailMode.Pickup"/>.</summary>
    public string? PickupDirectory { get; } = pickupDirectory;

    public SmtpOptions Smtp { get; } = smtp;

    public const string PortalBaseUrlSetting = "Notifications:PortalBaseUrl";

    /// <summary>The pickup folder in Development when <c>Smtp:PickupDirectory</c> is not set, under the content root.</summary>
    public const string DevelopmentPickupDirectory = "data/mail";

    /// <summary>
    /// Checks the <c>Smtp</c> section and <c>Notifications:PortalBaseUrl</c> and says how mail leaves.
    /// Pickup folder if one is set, else SMTP if a host is set, else the Development folder in
    /// Development, else off.
    /// </summary>
    /// <exception cref="StartupConfigurationException">A setting that cannot work; the message names it.</exception>
    public static MailSettings Resolve(SmtpOptions smtp, NotificationOptions notifications, string contentRoot, bool isDevelopment)
    {
        ArgumentNullException.ThrowIfNull(smtp);
        ArgumentNullException.ThrowIfNull(notifications);

        string? pickup = null;
        MailMode mode;
        if (!string.IsNullOrWhiteSpace(smtp.PickupDirectory))
        {
            (mode, pickup) = (MailMode.Pickup, smtp.PickupDirectory);
        }
        else if (!string.IsNullOrWhiteSpace(smtp.Host))
        {
            mode = MailMode.Smtp;
        }
        else if (isDevelopment)
        {
            (mode, pickup) = (MailMode.Pickup, DevelopmentPickupDirectory);
        }
        else
        {
            return new MailSettings(MailMode.Off, null, null, null, smtp);
        }

        var from = ParseFrom(smtp.From);
        var baseUrl = ParseBaseUrl(notifications.PortalBaseUrl);
        if (mode == MailMode.Pickup)
        {
            pickup = EnsureWritableFolder(Path.GetFullPath(Path.Combine(contentRoot, pickup!)));
        }
        else
        {
            CheckSmtp(smtp);
        }
        return new MailSettings(mode, from, baseUrl, pickup, smtp);
    }

    private static MailboxAddress ParseFrom(string? from)
    {
        if (string.IsNullOrWhiteSpace(from) || !MailboxAddress.TryParse(from, out var address) || !address.Address.Contains('@', StringComparison.Ordinal))
        {
            throw new StartupConfigurationException(
                $"Smtp:From \"{from}\" is not a sender address; set it, e.g. \"ZemgaleNvo portāls <noreply@ministrija.lv>\", when mail is configured.");
        }
        return address;
    }

    /// <summary>Links in emails are built from this setting only, never from a request's Host header (which a client can forge).</summary>
    private static Uri ParseBaseUrl(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)
            || !Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            throw new StartupConfigurationException(
                $"{PortalBaseUrlSetting} \"{value}\" is not the portal's address; set it to the address users open, e.g. \"https://nvo.ministrija.lv\", when mail is configured.");
        }
        // A trailing slash, so that relative links keep a path prefix (https://ministrija.lv/nvo/).
        return uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri.GetLeftPart(UriPartial.Path) + "/");
    }

    private static void CheckSmtp(SmtpOptions smtp)
    {
        if (smtp.Port is < 1 or > 65535)
        {
            throw new StartupConfigurationException($"Smtp:Port {smtp.Port} is not a port number (587 for STARTTLS, 465 for TLS).");
        }
        if (smtp.TimeoutSeconds < 1)
        {
            throw new StartupConfigurationException($"Smtp:TimeoutSeconds {smtp.TimeoutSeconds} must be at least 1.");
        }
        if (!string.IsNullOrWhiteSpace(smtp.UserName) && string.IsNullOrEmpty(smtp.Password))
        {
            throw new StartupConfigurationException("Smtp:Password is required when Smtp:UserName is set.");
        }
    }

    private static string EnsureWritableFolder(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".write-test-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return folder;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StartupConfigurationException($"Smtp:PickupDirectory \"{folder}\" cannot be created or written to: {e.Message}", e);
        }
    }
}
