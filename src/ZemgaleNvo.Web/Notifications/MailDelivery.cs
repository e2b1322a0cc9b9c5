using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace ZemgaleNvo.Web.Notifications;

/// <summary>How composed messages leave the portal: to an SMTP server, or into a pickup folder.</summary>
public interface IMailDelivery
{
    /// <summary>
    /// Delivers the messages and returns how many were accepted. A message the server refuses for
    /// good (an unknown recipient) is logged and skipped; a server that cannot be reached throws.
    /// </summary>
    Task<int> DeliverAsync(IReadOnlyList<MimeMessage> messages, CancellationToken cancellationToken);
}

/// <summary>Writes each message as an .eml file (what <see cref="MimeMessage.WriteTo(Stream, CancellationToken)"/> writes), for Development and tests.</summary>
internal sealed class PickupDirectoryDelivery(MailSettings settings) : IMailDelivery
{
    public async Task<int> DeliverAsync(IReadOnlyList<MimeMessage> messages, CancellationToken cancellationToken)
    {
        var folder = settings.PickupDirectory ?? throw new InvalidOperationException("No pickup directory is configured.");
        Directory.CreateDirectory(folder);
        foreach (var message in messages)
        {
            // The bytes an SMTP server would get: 7-bit transfer encodings, lines within limits.
            message.Prepare(EncodingConstraint.SevenBit);
            var name = $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml";
            // Written under another name first and then renamed: whoever reads the folder never sees half a message.
            var partial = Path.Combine(folder, $"~{Guid.NewGuid():N}.tmp");
            await using (var stream = File.Create(partial))
            {
                await message.WriteToAsync(stream, cancellationToken);
            }
            File.Move(partial, Path.Combine(folder, name));
        }
        return messages.Count;
    }
}

/// <summary>
/// Sends over SMTP with MailKit: one connection for all the messages of a notice, a bounded timeout,
/// and one more attempt after a short pause when the server could not be reached or answered
/// "try again later" (4xx). Messages already accepted are not sent twice.
/// </summary>
internal sealed partial class SmtpDelivery(MailSettings settings, ILogger<SmtpDelivery> logger) : IMailDelivery
{
    /// <summary>The first try and one retry: enough for a server restart or a greylisting pause, short enough for a user waiting on the page.</summary>
    public const int Attempts = 2;

    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    public async Task<int> DeliverAsync(IReadOnlyList<MimeMessage> messages, CancellationToken cancellationToken)
    {
        var smtp = settings.Smtp;
        var pending = new Queue<MimeMessage>(messages);
        var accepted = 0;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(smtp.TimeoutSeconds).TotalMilliseconds };
                var security = smtp.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.Auto;
                await client.ConnectAsync(smtp.Host ?? "", smtp.Port, security, cancellationToken);
                if (!string.IsNullOrWhiteSpace(smtp.UserName))
                {
                    await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
                }
                while (pending.TryPeek(out var message))
                {
                    try
                    {
                        await client.SendAsync(message, cancellationToken);
                        accepted++;
                    }
                    catch (SmtpCommandException e) when (IsPermanentRefusalOfThisMessage(e))
                    {
                        LogRefused(logger, string.Join(", ", message.To.Mailboxes.Select(m => m.Address)), (int)e.StatusCode, e.Message);
                    }
                    pending.Dequeue();
                }
                await client.DisconnectAsync(quit: true, cancellationToken);
                return accepted;
            }
            catch (Exception e) when (attempt < Attempts && IsTransient(e) && !cancellationToken.IsCancellationRequested)
            {
                LogRetrying(logger, smtp.Host, smtp.Port, attempt, Attempts, e.Message);
                await Task.Delay(RetryDelay, cancellationToken);
            }
        }
    }

    /// <summary>A 5xx refusal of a recipient or of the message: retrying cannot help, the other messages may still go.</summary>
    private static bool IsPermanentRefusalOfThisMessage(SmtpCommandException e) =>
        e.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted && (int)e.StatusCode >= 500;

    private static bool IsTransient(Exception e) => e switch
    {
        SmtpCommandException command => (int)command.StatusCode is >= 400 and < 500,
        SocketException or IOException or TimeoutException or SmtpProtocolException or ServiceNotConnectedException => true,
        _ => false,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMTP server {Host}:{Port} failed (attempt {Attempt} of {Attempts}), trying again: {Error}")]
    private static partial void LogRetrying(ILogger logger, string? host, int port, int attempt, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMTP server refused the message to {Recipients} ({StatusCode}): {Error}")]
    private static partial void LogRefused(ILogger logger, string recipients, int statusCode, string error);
}

/// <summary>No mail configured (outside Development, neither <c>Smtp:Host</c> nor <c>Smtp:PickupDirectory</c>): nothing leaves.</summary>
internal sealed class NoMailDelivery : IMailDelivery
{
    public Task<int> DeliverAsync(IReadOnlyList<MimeMessage> messages, CancellationToken cancellationToken) => Task.FromResult(0);
}
