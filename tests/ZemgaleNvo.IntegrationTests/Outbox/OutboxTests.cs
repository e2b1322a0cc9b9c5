using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZemgaleNvo.Infrastructure.Notifications;
using ZemgaleNvo.IntegrationTests.Infrastructure;
using ZemgaleNvo.IntegrationTests.Notifications;
using ZemgaleNvo.Web.Notifications;
using static ZemgaleNvo.IntegrationTests.Notifications.NotificationTestData;

namespace ZemgaleNvo.IntegrationTests.Outbox;

/// <summary>
/// The outbox (decision 0015) against a small SMTP sink on loopback (<see cref="FakeSmtpServer"/>):
/// a server that is down keeps messages queued, the server back sends each once, a restart loses
/// nothing, two portals over one database send each message once, and admins see and resend failures.
/// </summary>
public sealed class OutboxTests : IDisposable
{
    private readonly string _folder = TemplateDatabase.CopyInto(TempFolder.Create());

    public void Dispose() => TempFolder.Delete(_folder);

    private PortalFactory Portal(int smtpPort, TimeProvider? clock = null, int pollSeconds = 3600, int maxAttempts = 12)
    {
        var factory = new PortalFactory(_folder) { Clock = clock };
        factory.Settings["Notifications:PortalBaseUrl"] = PortalBaseUrl;
        factory.Settings["Smtp:PickupDirectory"] = "";
        factory.Settings["Smtp:Host"] = "127.0.0.1";
        factory.Settings["Smtp:Port"] = smtpPort.ToString(CultureInfo.InvariantCulture);
        factory.Settings["Smtp:UseStartTls"] = "false";
        factory.Settings["Smtp:TimeoutSeconds"] = "10";
        factory.Settings["Outbox:PollSeconds"] = pollSeconds.ToString(CultureInfo.InvariantCulture);
        factory.Settings["Outbox:MaxAttempts"] = maxAttempts.ToString(CultureInfo.InvariantCulture);
        return factory;
    }

    /// <summary>Waits, up to a generous bound, for the background senders to finish; fails the test if they never do.</summary>
    private static async Task UntilAsync(Func<Task<bool>> done, string what)
    {
        for (var i = 0; i < 600; i++)
        {
            if (await done())
            {
                return;
            }
            await Task.Delay(100);
        }
        Assert.Fail($"Not done in time: {what}");
    }

    private static async Task<List<OutboxMessage>> RowsAsync(PortalFactory factory)
    {
        await using var db = factory.OpenDatabase();
        return await db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }

    [Fact]
    public async Task With_the_mail_server_down_emails_stay_queued_and_after_a_restart_with_it_back_each_goes_out_once()
    {
        var port = FakeSmtpServer.ClosedPort();
        var clock = new TestClock(new DateTimeOffset(2026, 11, 24, 12, 5, 0, TimeSpan.Zero));
        int agreementId;
        using (var first = Portal(port, clock))
        {
            await AddUsersAsync(first);
            agreementId = await AgreementIdAsync(first);
            await NotifyAsync(first.Services, new WorkflowNotice(agreementId, 3, WorkflowNoticeKind.Submitted, null, "Demo NVO darbinieks", At));

            var queued = await RowsAsync(first);
            Assert.Equal(Sorted(Reviewers), queued.Select(m => m.Recipient).Order(StringComparer.OrdinalIgnoreCase).ToArray());
            Assert.All(queued, m =>
            {
                Assert.Equal(OutboxStatus.Queued, m.Status);
                Assert.Equal(1, m.Attempts);
                Assert.StartsWith("SocketException:", m.LastError, StringComparison.Ordinal);
                // The first pause after a failure: a minute.
                Assert.Equal(clock.GetUtcNow().UtcDateTime.AddMinutes(1), m.NextAttemptAtUtc);
            });

            // Not due yet: nothing is tried again.
            Assert.Equal(0, await first.Service<OutboxSender>().SendDueAsync(CancellationToken.None));
            Assert.All(await RowsAsync(first), m => Assert.Equal(1, m.Attempts));

            // Due, server still down: the second attempt fails, and the pause doubles.
            clock.Advance(TimeSpan.FromMinutes(1));
            Assert.Equal(0, await first.Service<OutboxSender>().SendDueAsync(CancellationToken.None));
            Assert.All(await RowsAsync(first), m =>
            {
                Assert.Equal(OutboxStatus.Queued, m.Status);
                Assert.Equal(2, m.Attempts);
                Assert.Equal(clock.GetUtcNow().UtcDateTime.AddMinutes(2), m.NextAttemptAtUtc);
            });
        }

        // The portal restarts while the server comes back on the same port.
        await using var sink = new FakeSmtpServer(port);
        clock.Advance(TimeSpan.FromMinutes(2));
        using var second = Portal(port, clock, pollSeconds: 1);
        _ = second.Services;
        await UntilAsync(async () => (await RowsAsync(second)).All(m => m.Status == OutboxStatus.Sent), "the queued emails sent after the restart");
        // Once more on purpose: nothing is due, nothing goes twice.
        Assert.Equal(0, await second.Service<OutboxSender>().SendDueAsync(CancellationToken.None));

        var received = sink.Received.ToList();
        Assert.Equal(Sorted(Reviewers), received.SelectMany(r => r.Recipients).Order(StringComparer.OrdinalIgnoreCase).ToArray());
        Assert.All(received, r =>
        {
            Assert.Equal("III. īstenošanas gads iesniegts izskatīšanai – Biedrība „Zemgales NVO centrs”", r.Message.Subject);
            Assert.Contains($"{PortalBaseUrl}/agreements/{agreementId}/years/3/entry", Text(r.Message));
        });
        Assert.All(await RowsAsync(second), m =>
        {
            Assert.Equal(3, m.Attempts);
            Assert.Equal(clock.GetUtcNow().UtcDateTime, m.SentAtUtc);
            Assert.Null(m.LeaseOwner);
        });
    }

    [Fact]
    public async Task Two_portals_over_one_database_send_each_message_exactly_once()
    {
        await using var sink = new FakeSmtpServer();
        const int count = 30;
        using var one = Portal(sink.Port, pollSeconds: 1);
        using var two = Portal(sink.Port, pollSeconds: 1);
        _ = one.Services;
        _ = two.Services;
        await using (var db = one.OpenDatabase())
        {
            var now = DateTime.UtcNow;
            for (var i = 0; i < count; i++)
            {
                db.OutboxMessages.Add(new OutboxMessage
                {
                    Recipient = $"adresats{i}@zemgalenvo.test", Subject = $"Ziņa {i}", TextBody = $"Ziņa {i}", HtmlBody = $"<p>Ziņa {i}</p>",
                    Kind = OutboxKinds.Workflow, DedupeKey = $"test:{i}", CreatedAtUtc = now, NextAttemptAtUtc = now, Status = OutboxStatus.Queued,
                });
            }
            await db.SaveChangesAsync();
        }

        // Both background loops, and both senders called at the same moment on top: they all compete for the same rows.
        await Task.WhenAll(
            one.Service<OutboxSender>().SendDueAsync(CancellationToken.None),
            two.Service<OutboxSender>().SendDueAsync(CancellationToken.None));
        await UntilAsync(async () => (await RowsAsync(one)).All(m => m.Status == OutboxStatus.Sent), "every message sent");

        var recipients = sink.Received.SelectMany(r => r.Recipients).ToList();
        Assert.Equal(count, recipients.Count);
        Assert.Equal(count, recipients.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(await RowsAsync(one), m => Assert.Equal(1, m.Attempts));
    }

    [Fact]
    public async Task A_message_out_of_attempts_is_failed_with_the_reason_and_an_admin_sends_it_again()
    {
        var port = FakeSmtpServer.ClosedPort();
        using var portal = Portal(port, maxAttempts: 1);
        var agreementId = await AgreementIdAsync(portal);
        await NotifyAsync(portal.Services, new WorkflowNotice(agreementId, 3, WorkflowNoticeKind.Approved, null, "Demo recenzents", At));
        var failed = Assert.Single(await RowsAsync(portal), m => m.Recipient == Browser.ZemgaleStaff);
        Assert.Equal(OutboxStatus.Failed, failed.Status);
        Assert.StartsWith("SocketException:", failed.LastError, StringComparison.Ordinal);

        var admin = await Browser.SignedInClientAsync(portal, Browser.Admin);
        var page = await admin.GetStringAsync("/admin/outbox?status=failed");
        Assert.Contains(Browser.ZemgaleStaff, page, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode("III. īstenošanas gads apstiprināts – Biedrība „Zemgales NVO centrs”"), page, StringComparison.Ordinal);
        Assert.Contains("SocketException:", page, StringComparison.Ordinal);
        // What caused the message, in words.
        Assert.Contains("data-kind=\"workflow\">Gada statusa maiņa</td>", page, StringComparison.Ordinal);
        Assert.Contains($"action=\"/admin/outbox/{failed.Id}/resend\"", page, StringComparison.Ordinal);
        // The body is never shown (a set-password link can be in it).
        Assert.DoesNotContain("Ministrija apstiprināja", page, StringComparison.Ordinal);
        var sentPage = await admin.GetStringAsync("/admin/outbox?status=sent");
        Assert.Contains("data-testid=\"outbox-empty\"", sentPage, StringComparison.Ordinal);

        await using var sink = new FakeSmtpServer(port);
        var token = await Browser.AntiforgeryTokenAsync(admin, "/admin/outbox?status=failed");
        using var resent = await admin.PostAsync($"/admin/outbox/{failed.Id}/resend",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);
        Assert.Equal(OutboxStatus.Queued, (await RowsAsync(portal)).Single(m => m.Id == failed.Id).Status);

        await portal.Service<OutboxSender>().SendDueAsync(CancellationToken.None);
        await UntilAsync(async () => (await RowsAsync(portal)).Single(m => m.Id == failed.Id).Status == OutboxStatus.Sent, "the resent message sent");
        Assert.Single(sink.Received, r => r.Recipients.Contains(Browser.ZemgaleStaff));

        // A sent message is not sent again by a second "send again".
        using var again = await admin.PostAsync($"/admin/outbox/{failed.Id}/resend",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(OutboxStatus.Sent, (await RowsAsync(portal)).Single(m => m.Id == failed.Id).Status);
    }
}
