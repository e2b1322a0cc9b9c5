using System.Net;
using System.Text;
using MimeKit;

namespace ZemgaleNvo.Web.Notifications;

/// <summary>Emails about a user's own account (for now: the link to set a password).</summary>
public interface IAccountMail
{
    /// <summary>
    /// Sends the set-password link; true when the delivery accepted it. Never throws: the account
    /// exists either way and the admin also sees the link on the page.
    /// </summary>
    Task<bool> SendSetPasswordLinkAsync(string email, string? fullName, Uri link, TimeSpan validFor, CancellationToken cancellationToken);
}

/// <summary>
/// Latvian, like the workflow emails: the portal's users are Latvian whichever language the admin
/// reads the portal in. Plain text and HTML, marked as automatic (RFC 3834).
/// </summary>
internal sealed partial class AccountMail(MailSettings settings, IMailDelivery delivery, ILogger<AccountMail> logger) : IAccountMail
{
    public const string Subject = "Piekļuve portālam ZemgaleNvo: iestatiet paroli";

    public async Task<bool> SendSetPasswordLinkAsync(string email, string? fullName, Uri link, TimeSpan validFor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (settings.Mode == MailMode.Off || !MailboxAddress.TryParse(email, out var to))
        {
            LogNotSent(logger, email, settings.Mode);
            return false;
        }
        try
        {
            var message = Compose(settings.From!, new MailboxAddress(fullName ?? "", to.Address), email, link, validFor);
            return await delivery.DeliverAsync([message], cancellationToken) == 1;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
#pragma warning disable CA1031 // The account is saved and the admin sees the link: a mail failure is logged, not an error page.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogFailed(logger, e, email, settings.Mode);
            return false;
        }
    }

    internal static MimeMessage Compose(MailboxAddress from, MailboxAddress to, string email, Uri link, TimeSpan validFor)
    {
        var hours = (int)validFor.TotalHours;
        string[] lead =
        [
            "Labdien!",
            $"Jums ir izveidots konts portālā ZemgaleNvo (lietotājvārds: {email}).",
            $"Lai iestatītu paroli, atveriet šo saiti. Tā derīga {hours} stundas un izmantojama vienu reizi; ja tā vairs neder, lūdziet administratoram jaunu.",
        ];
        const string footer = "Šo ziņu automātiski nosūtīja portāls ZemgaleNvo; uz to nav jāatbild. Ja kontu negaidījāt, ziņu varat neņemt vērā.";

        var text = new StringBuilder();
        foreach (var paragraph in lead)
        {
            text.Append(paragraph).Append("\n\n");
        }
        text.Append(link.AbsoluteUri).Append("\n\n-- \n").Append(footer).Append('\n');

        static string E(string value) => WebUtility.HtmlEncode(value);
        var html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"lv\"><head><meta charset=\"utf-8\"></head><body>\n");
        foreach (var paragraph in lead)
        {
            html.Append("<p>").Append(E(paragraph)).Append("</p>\n");
        }
        html.Append("<p><a href=\"").Append(E(link.AbsoluteUri)).Append("\">Iestatīt paroli</a></p>\n");
        html.Append("<p style=\"color:#555\">").Append(E(footer)).Append("</p>\n</body></html>\n");

        return AutomaticMail.Compose(from, to, Subject, text.ToString(), html.ToString());
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Set-password link for {Email} not emailed (mail {Mode}); the admin was shown the link")]
    private static partial void LogNotSent(ILogger logger, string email, MailMode mode);

    [LoggerMessage(Level = LogLevel.Error, Message = "Set-password link for {Email} could not be delivered ({Mode}); the admin was shown the link")]
    private static partial void LogFailed(ILogger logger, Exception exception, string email, MailMode mode);
}
