using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ZemgaleNvo.IntegrationTests.Infrastructure;
using ZemgaleNvo.Web.Notifications;
using static ZemgaleNvo.IntegrationTests.Notifications.NotificationTestData;

namespace ZemgaleNvo.IntegrationTests.Notifications;

/// <summary>Delivery over SMTP (MailKit) instead of the pickup folder: to a server that works, and to one that is not there.</summary>
public class SmtpDeliveryTests
{
    private static Dictionary<string, string?> Smtp(int port) => new()
    {
        ["Smtp:PickupDirectory"] = "",
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        // The fake server offers no STARTTLS; a real one is required to (the default, true).
        ["Smtp:UseStartTls"] = "false",
        ["Smtp:TimeoutSeconds"] = "10",
    };

    [Fact]
    public async Task Messages_go_to_the_SMTP_server_one_per_recipient_and_a_refused_address_does_not_stop_the_others()
    {
        await using var server = new FakeSmtpServer();
        server.Refused[Browser.Reviewer] = true;
        using var factory = Factory(Smtp(server.Port));
        await AddUsersAsync(factory);
        var agreementId = await AgreementIdAsync(factory);

        await NotificationTestData.NotifyAsync(factory.Services, new WorkflowNotice(agreementId, 3, WorkflowNoticeKind.Submitted, null, "Demo NVO darbinieks", At));

        // The first reviewer's address is refused (550); the second reviewer's message still goes.
        var (recipients, message) = Assert.Single(server.Received);
        Assert.Equal([SecondReviewer], recipients);
        Assert.Equal([SecondReviewer], Recipients([message]));
        Assert.Equal("III. īstenošanas gads iesniegts izskatīšanai – Biedrība „Zemgales NVO centrs”", message.Subject);
        Assert.Contains($"{PortalBaseUrl}/agreements/{agreementId}/years/3/entry", Text(message));
        Assert.False(Directory.Exists(factory.MailFolder), "nothing is written to a pickup folder when SMTP is configured");
    }

    [Fact]
    public async Task A_mail_server_that_is_not_there_does_not_make_the_step_fail_the_email_stays_queued_and_it_is_logged()
    {
        var smtpLog = new LogCapture<SmtpDelivery>();
        var outboxLog = new LogCapture<OutboxSender>();
        using var portal = Factory(Smtp(FakeSmtpServer.ClosedPort()));
        using var app = portal.WithWebHostBuilder(b => b.ConfigureTestServices(s => s
            .AddSingleton<ILogger<OutboxSender>>(outboxLog)
            .AddSingleton<ILogger<SmtpDelivery>>(smtpLog)));
        var services = app.Services;
        var agreementId = await AgreementIdAsync(portal);

        // Returns normally: the caller's transition has been saved and stays a success.
        await NotificationTestData.NotifyAsync(services, new WorkflowNotice(agreementId, 3, WorkflowNoticeKind.Returned, "Iemesls", "Demo recenzents", At));

        // One retry after a short pause inside the attempt, then the message waits in the outbox with the cause.
        Assert.NotEmpty(smtpLog.Events);
        Assert.All(smtpLog.Events, retry =>
        {
            Assert.Equal(LogLevel.Warning, retry.Level);
            Assert.Contains("(attempt 1 of 2), trying again", retry.Message, StringComparison.Ordinal);
        });
        await using var db = portal.OpenDatabase();
        var queued = db.OutboxMessages.ToList();
        Assert.Contains(queued, m => m.Recipient == Browser.ZemgaleStaff);
        Assert.Equal(queued.Count, outboxLog.Events.Count);
        Assert.All(outboxLog.Events, e =>
        {
            Assert.Equal(LogLevel.Warning, e.Level);
            Assert.Contains("(workflow) not delivered on attempt 1; next attempt at", e.Message, StringComparison.Ordinal);
        });
        Assert.All(queued, m =>
        {
            Assert.Equal(ZemgaleNvo.Infrastructure.Notifications.OutboxStatus.Queued, m.Status);
            Assert.Equal(1, m.Attempts);
            Assert.StartsWith("SocketException:", m.LastError, StringComparison.Ordinal);
        });
    }
}
