using ZemgaleNvo.IntegrationTests.Infrastructure;
using ZemgaleNvo.Web.Notifications;
using static ZemgaleNvo.IntegrationTests.Notifications.NotificationTestData;

namespace ZemgaleNvo.IntegrationTests.Notifications;

/// <summary>One portal (Development: mail goes to the pickup folder) with the extra users of <see cref="NotificationTestData"/>.</summary>
public sealed class NotificationPortal : IAsyncLifetime, IDisposable
{
    public PortalFactory Factory { get; } = NotificationTestData.Factory();
    public MailDrop Mail { get; private set; } = null!;
    public int AgreementId { get; private set; }

    public async Task InitializeAsync()
    {
        await AddUsersAsync(Factory);
        AgreementId = await AgreementIdAsync(Factory);
        Mail = new MailDrop(Factory.MailFolder);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => Factory.Dispose();
}

/// <summary>
/// The notifier as the app registers it, writing .eml files (MimeKit) that are read back: who gets
/// them, and what the Latvian subject and body say.
/// </summary>
public class WorkflowNotificationTests(NotificationPortal portal) : IClassFixture<NotificationPortal>
{
    private async Task<IReadOnlyList<MimeKit.MimeMessage>> NotifyAsync(WorkflowNoticeKind kind, string? reason, string actor, int year = 3)
    {
        portal.Mail.Skip();
        await NotificationTestData.NotifyAsync(portal.Factory.Services, new WorkflowNotice(portal.AgreementId, year, kind, reason, actor, At));
        return portal.Mail.New();
    }

    [Fact]
    public async Task Submitting_tells_every_active_reviewer_in_Latvian_with_a_link_to_the_year()
    {
        var messages = await NotifyAsync(WorkflowNoticeKind.Submitted, reason: null, actor: "Demo NVO darbinieks");

        // Not the admin, not the locked-out reviewer, no NGO staff; one message per reviewer.
        Assert.Equal(Sorted(Reviewers), Recipients(messages));
        Assert.All(messages, m => Assert.Single(m.To));
        var message = messages[0];
        Assert.Equal("III. īstenošanas gads iesniegts izskatīšanai – Biedrība „Zemgales NVO centrs”", message.Subject);
        Assert.Equal("noreply@zemgalenvo.test", Assert.Single(message.From.Mailboxes).Address);
        Assert.Equal("auto-generated", message.Headers["Auto-Submitted"]);
        Assert.EndsWith("@zemgalenvo.test", message.MessageId, StringComparison.Ordinal);
        var text = Text(message);
        Assert.StartsWith("Labdien!", text);
        Assert.Contains("Izpildītājs iesniedza īstenošanas gadu izskatīšanai.", text);
        Assert.Contains("Līgums: Deleģēšanas līgums „Par atsevišķu valsts pārvaldes uzdevumu veikšanu", text);
        Assert.Contains("\nIzpildītājs: Biedrība „Zemgales NVO centrs”\n", text);
        Assert.Contains("\nĪstenošanas gads: III. īstenošanas gads (15.07.2024.–14.07.2025.)\n", text);
        Assert.Contains("\nStatuss: Iesniegts\n", text);
        Assert.Contains("\nIesniedza: Demo NVO darbinieks\n", text);
        Assert.Contains("\nLaiks: 24.11.2026. 14:05 (Rīgas laiks)\n", text);
        Assert.DoesNotContain("Pamatojums", text);
        Assert.Contains($"Atvērt gadu portālā: {PortalBaseUrl}/agreements/{portal.AgreementId}/years/3/entry\n", text);
        Assert.Contains($"href=\"{PortalBaseUrl}/agreements/{portal.AgreementId}/years/3/entry\"", message.HtmlBody);
    }

    [Fact]
    public async Task Returning_tells_the_performers_active_staff_the_reason_who_and_when()
    {
        const string reason = "Lūdzu papildiniet 2. rezultāta aprakstu\nun pievienojiet dalībnieku skaitu.";

        var messages = await NotifyAsync(WorkflowNoticeKind.Returned, reason, actor: "Demo recenzents");

        // Not the other organisation's staff, not the locked-out staff member, no reviewers.
        Assert.Equal(Sorted(PerformerStaff), Recipients(messages));
        var message = messages[0];
        Assert.Equal("III. īstenošanas gads atgriezts labošanai – Biedrība „Zemgales NVO centrs”", message.Subject);
        var text = Text(message);
        Assert.Contains("Ministrija atgrieza īstenošanas gadu labošanai.", text);
        Assert.Contains("\nStatuss: Atgriezts labošanai\n", text);
        Assert.Contains($"\nPamatojums: {reason}\n", text);
        Assert.Contains("\nAtgrieza: Demo recenzents\n", text);
        Assert.Contains("\nLaiks: 24.11.2026. 14:05 (Rīgas laiks)\n", text);
        Assert.Contains($"{PortalBaseUrl}/agreements/{portal.AgreementId}/years/3/entry", text);
        Assert.Contains("Lūdzu papildiniet 2. rezultāta aprakstu<br>un pievienojiet dalībnieku skaitu.", message.HtmlBody);
    }

    [Fact]
    public async Task Approving_tells_the_performers_active_staff()
    {
        var messages = await NotifyAsync(WorkflowNoticeKind.Approved, reason: null, actor: "Demo recenzents", year: 2);

        Assert.Equal(Sorted(PerformerStaff), Recipients(messages));
        var message = messages[0];
        Assert.Equal("II. īstenošanas gads apstiprināts – Biedrība „Zemgales NVO centrs”", message.Subject);
        var text = Text(message);
        Assert.Contains("Ministrija apstiprināja īstenošanas gadu.", text);
        Assert.Contains("\nĪstenošanas gads: II. īstenošanas gads (15.07.2023.–14.07.2024.)\n", text);
        Assert.Contains("\nStatuss: Apstiprināts\n", text);
        Assert.Contains("\nApstiprināja: Demo recenzents\n", text);
        Assert.Contains($"{PortalBaseUrl}/agreements/{portal.AgreementId}/years/2/entry", text);
    }

    [Fact]
    public async Task Locked_out_users_and_other_organisations_get_nothing_whatever_the_step()
    {
        List<MimeKit.MimeMessage> all = [];
        foreach (var kind in Enum.GetValues<WorkflowNoticeKind>())
        {
            all.AddRange(await NotifyAsync(kind, "Iemesls", "Demo recenzents"));
        }

        var recipients = Recipients(all);
        Assert.Equal(6, all.Count);
        Assert.DoesNotContain(LockedReviewer, recipients);
        Assert.DoesNotContain(LockedStaff, recipients);
        Assert.DoesNotContain(Browser.OtherStaff, recipients);
        Assert.DoesNotContain(Browser.Admin, recipients);
        Assert.Empty(portal.Mail.Others());
    }

    [Fact]
    public async Task The_summarys_steps_send_email_too_with_a_link_to_the_summary()
    {
        portal.Mail.Skip();
        await NotificationTestData.NotifyAsync(portal.Factory.Services, new WorkflowNotice(portal.AgreementId, null, WorkflowNoticeKind.Submitted, null, "Demo NVO darbinieks", At));
        var submitted = portal.Mail.New();
        Assert.Equal(Sorted(Reviewers), Recipients(submitted));
        Assert.Equal("Kopsavilkums iesniegts izskatīšanai – Biedrība „Zemgales NVO centrs”", submitted[0].Subject);
        var text = Text(submitted[0]);
        Assert.Contains("Izpildītājs iesniedza līguma kopsavilkumu izskatīšanai.", text);
        Assert.Contains($"Atvērt kopsavilkumu: {PortalBaseUrl}/agreements/{portal.AgreementId}/summary/review\n", text);

        await NotificationTestData.NotifyAsync(portal.Factory.Services, new WorkflowNotice(portal.AgreementId, null, WorkflowNoticeKind.Returned, "Papildiniet secinājumus.", "Demo recenzents", At));
        var returned = portal.Mail.New();
        Assert.Equal(Sorted(PerformerStaff), Recipients(returned));
        Assert.Equal("Kopsavilkums atgriezts labošanai – Biedrība „Zemgales NVO centrs”", returned[0].Subject);
        Assert.Contains("\nPamatojums: Papildiniet secinājumus.\n", Text(returned[0]));
    }

    [Fact]
    public async Task A_year_that_does_not_exist_sends_nothing_and_does_not_throw()
    {
        Assert.Empty(await NotifyAsync(WorkflowNoticeKind.Submitted, null, "Demo NVO darbinieks", year: 99));
    }
}
