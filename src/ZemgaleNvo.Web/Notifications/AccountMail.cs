using System.Net;
using System.Text;
using MimeKit;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Infrastructure.Notifications;

namespace ZemgaleNvo.Web.Notifications;

/// <summary>What became of an account email.</summary>
public enum AccountMailOutcome
{
    /// <summary>Mail is off or the address unusable: nothing was queued.</summary>
    NotSent,

    /// <summary>Saved in the outbox; the mail server did not take it yet, the outbox sender retries.</summary>
    Queued,

    /// <summary>The mail server accepted it.</summary>
    Sent,
}

/// <summary>Emails about a user's own account (for now: the link to set a password).</summary>
public interface IAccountMail
{
    /// <summary>
    /// Queues the set-password link in the outbox, saves it and tries to send it at once. Never
    /// throws for mail reasons: the account exists either way and the admin also sees the link on the page.
    /// </summary>
    Task<AccountMailOutcome> SendSetPasswordLinkAsync(string email, string? fullName, Uri link, TimeSpan validFor, CancellationToken cancellationToken);
}

/// <summary>
/// Latvian, like the workflow emails: the portal's users are Latvian whichever language the admin
/// reads the portal in. Plain text and HTML, marked as automatic (RFC 3834).
/// </summary>
/// <remarks>
/// The account itself is saved by Identity's <c>UserManager</c> before the link can be made (the
/// token carries the saved security stamp), so this row is its own save, right after: if that save
/// failed, the admin still has the link on the page and the outcome says it was not sent.
/// </remarks>
internal sealed partial class AccountMail(MailSettings settings, AppDbContext db, OutboxWriter outbox, ILogger<AccountMail> logger) : IAccountMail
{
    public const string Subject = "Piekļuve portālam ZemgaleNvo: iestatiet paroli";

    public async Task<AccountMailOutcome> SendSetPasswordLinkAsync(string email, string? fullName, Uri link, TimeSpan validFor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (settings.Mode == MailMode.Off || !MailboxAddress.TryParse(email, out var to))
        {
            LogNotSent(logger, email, settings.Mode);
            return AccountMailOutcome.NotSent;
        }
        try
        {
            var message = Compose(settings.From!, new MailboxAddress(fullName ?? "", to.Address), email, link, validFor);
            outbox.Add(message.To.Mailboxes.Single(), Subject, message.TextBody ?? "", message.HtmlBody ?? "", OutboxKinds.SetPassword,
                $"set-password:{Guid.NewGuid():N}");
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return AccountMailOutcome.NotSent;
        }
#pragma warning disable CA1031 // The account is saved and the admin sees the link: a mail failure is logged, not an error page.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogFailed(logger, e, email, settings.Mode);
            return AccountMailOutcome.NotSent;
        }
        return await outbox.SendSavedAsync() > 0 ? AccountMailOutcome.Sent : AccountMailOutcome.Queued;
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Set-password link for {Email} could not be queued ({Mode}); the admin was shown the link")]
    private static partial void LogFailed(ILogger logger, Exception exception, string email, MailMode mode);
}
