using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using ZemgaleNvo.Domain.Periods;
using ZemgaleNvo.Infrastructure.Notifications;
using ZemgaleNvo.IntegrationTests.Infrastructure;
using ZemgaleNvo.IntegrationTests.Notifications;
using ZemgaleNvo.Web.Notifications.Reminders;
using static ZemgaleNvo.IntegrationTests.Notifications.NotificationTestData;

namespace ZemgaleNvo.IntegrationTests.Reminders;

/// <summary>
/// The reminder pass on the demo agreement, with the portal's <see cref="TimeProvider"/> moved day
/// by day: year III ends 14.07.2025 and is due Wednesday 13.08.2025, the summary is due Friday
/// 12.09.2025, and neither was ever submitted. Emails land as .eml files in the portal's pickup folder.
/// </summary>
public sealed class ReminderTests : IDisposable
{
    private const string YearThree = "III. īstenošanas gads";
    private const string Summary = "Līguma kopsavilkums";
    private readonly string _folder = TemplateDatabase.CopyInto(TempFolder.Create());

    public void Dispose() => TempFolder.Delete(_folder);

    /// <summary>09:00 in Riga (summer time, UTC+3) on the given day.</summary>
    private static DateTimeOffset RigaMorning(int year, int month, int day) => new(year, month, day, 6, 0, 0, TimeSpan.Zero);

    private PortalFactory Portal(TimeProvider clock)
    {
        var factory = new PortalFactory(_folder) { Clock = clock };
        factory.Settings["Notifications:PortalBaseUrl"] = PortalBaseUrl;
        factory.Settings["Reminders:Enabled"] = "true";
        // The background loop runs once at start-up; the test runs the pass itself after moving the clock.
        factory.Settings["Reminders:PollSeconds"] = "3600";
        factory.Settings["Reminders:LeaseSeconds"] = "7200";
        return factory;
    }

    private static Task<ReminderPassResult?> RunAsync(PortalFactory portal) =>
        portal.Service<ScheduledPassRunner>().RunIfLeaseHolderAsync(CancellationToken.None);

    private static async Task<List<OutboxMessage>> RowsAsync(PortalFactory factory, string kind)
    {
        await using var db = factory.OpenDatabase();
        return await db.OutboxMessages.AsNoTracking().Where(m => m.Kind == kind).OrderBy(m => m.Id).ToListAsync();
    }

    /// <summary>Waits, up to a generous bound, for the start-up pass to finish; fails the test if it never does.</summary>
    private static async Task UntilStartUpPassRanAsync(PortalFactory factory)
    {
        for (var i = 0; i < 600; i++)
        {
            await using (var db = factory.OpenDatabase())
            {
                if (await db.ScheduledPassLeases.AnyAsync(l => l.LastRunAtUtc != null))
                {
                    return;
                }
            }
            await Task.Delay(100);
        }
        Assert.Fail("The start-up reminder pass never finished.");
    }

    private static string Subject(MimeMessage message) => message.Subject ?? "";

    private static string[] To(IEnumerable<MimeMessage> messages, string subjectStart) =>
        Sorted([.. messages.Where(m => Subject(m).StartsWith(subjectStart, StringComparison.Ordinal)).SelectMany(m => m.To.Mailboxes).Select(m => m.Address)]);

    [Fact]
    public async Task Moving_the_clock_across_the_due_dates_sends_each_reminder_once_on_its_day_and_the_weekly_digest_once_a_week()
    {
        var clock = new TestClock(RigaMorning(2025, 7, 25));
        using var portal = Portal(clock);
        await AddUsersAsync(portal);
        var agreementId = await AgreementIdAsync(portal);
        await UntilStartUpPassRanAsync(portal);
        var mail = new MailDrop(portal.MailFolder);

        var received = new List<MimeMessage>();
        for (var day = new DateOnly(2025, 7, 25); day <= new DateOnly(2025, 9, 16); day = day.AddDays(1))
        {
            clock.Advance(RigaMorning(day.Year, day.Month, day.Day) - clock.GetUtcNow());
            // Twice a day, as a pass every few minutes would: the second finds nothing new.
            Assert.NotNull(await RunAsync(portal));
            Assert.NotNull(await RunAsync(portal));
            received.AddRange(mail.New());
        }

        var reminders = received.Where(m => Subject(m).StartsWith("Atgādinājums:", StringComparison.Ordinal) || Subject(m).StartsWith("Nokavēts termiņš:", StringComparison.Ordinal)).ToList();
        string[] staff = Sorted(PerformerStaff);
        Assert.Equal(staff, To(reminders, $"Atgādinājums: {YearThree} jāiesniedz līdz 13.08.2025. – {Performer}").Distinct().ToArray());
        Assert.Equal(6 * staff.Length, reminders.Count);
        foreach (var subject in new[]
        {
            $"Atgādinājums: {YearThree} jāiesniedz līdz 13.08.2025. – {Performer}",
            $"Nokavēts termiņš: {YearThree} bija jāiesniedz līdz 13.08.2025. – {Performer}",
            $"Atgādinājums: {Summary} jāiesniedz līdz 12.09.2025. – {Performer}",
            $"Nokavēts termiņš: {Summary} bija jāiesniedz līdz 12.09.2025. – {Performer}",
        })
        {
            var expected = subject.StartsWith("Atgādinājums", StringComparison.Ordinal) ? 2 : 1;
            Assert.All(staff, address => Assert.Equal(expected, reminders.Count(m => Subject(m) == subject && m.To.Mailboxes.Single().Address == address)));
        }
        // Nobody else: not the locked-out staff member, not another organisation's staff, not reviewers.
        Assert.DoesNotContain(reminders.SelectMany(m => m.To.Mailboxes), m => m.Address is LockedStaff or Browser.OtherStaff or Browser.Reviewer);

        // Each on its day: 14 and 3 days before, and the day after.
        var rows = await RowsAsync(portal, OutboxKinds.Reminder);
        Assert.All(rows, r => Assert.Equal(OutboxStatus.Sent, r.Status));
        DateOnly SentOn(string keyStart) => rows.Where(r => r.DedupeKey.StartsWith(keyStart, StringComparison.Ordinal))
            .Select(r => RigaCalendar.DateOf(r.CreatedAtUtc)).Distinct().Single();
        Assert.Equal(new DateOnly(2025, 7, 30), SentOn($"reminder:year:{agreementId}-3:before-14:2025-08-13:"));
        Assert.Equal(new DateOnly(2025, 8, 10), SentOn($"reminder:year:{agreementId}-3:before-3:2025-08-13:"));
        Assert.Equal(new DateOnly(2025, 8, 14), SentOn($"reminder:year:{agreementId}-3:overdue:2025-08-13:"));
        Assert.Equal(new DateOnly(2025, 8, 29), SentOn($"reminder:summary:{agreementId}:before-14:2025-09-12:"));
        Assert.Equal(new DateOnly(2025, 9, 9), SentOn($"reminder:summary:{agreementId}:before-3:2025-09-12:"));
        Assert.Equal(new DateOnly(2025, 9, 13), SentOn($"reminder:summary:{agreementId}:overdue:2025-09-12:"));

        // What a reminder says, with the link to the year.
        var first = received.First(m => Subject(m).StartsWith($"Atgādinājums: {YearThree}", StringComparison.Ordinal));
        var text = Text(first);
        Assert.Contains("Iesniegšanas termiņš: 13.08.2025.", text, StringComparison.Ordinal);
        Assert.Contains("Stāvoklis: jāiesniedz 14 dienās", text, StringComparison.Ordinal);
        Assert.Contains($"{PortalBaseUrl}/agreements/{agreementId}/years/3/entry", text, StringComparison.Ordinal);
        var overdue = Text(received.First(m => Subject(m).StartsWith($"Nokavēts termiņš: {Summary}", StringComparison.Ordinal)));
        Assert.Contains("Stāvoklis: nokavēts 1 dienu", overdue, StringComparison.Ordinal);
        Assert.Contains($"{PortalBaseUrl}/agreements/{agreementId}/summary/review", overdue, StringComparison.Ordinal);

        // The digest: from the first Monday after year III was missed, once a week, to active reviewers.
        var digests = received.Where(m => Subject(m).StartsWith("Nedēļas apkopojums:", StringComparison.Ordinal)).ToList();
        Assert.Equal(5 * Reviewers.Length, digests.Count);
        Assert.All(Reviewers, address => Assert.Equal(5, digests.Count(m => m.To.Mailboxes.Single().Address == address)));
        var digestRows = await RowsAsync(portal, OutboxKinds.Digest);
        Assert.Equal(
            [new DateOnly(2025, 8, 18), new DateOnly(2025, 8, 25), new DateOnly(2025, 9, 1), new DateOnly(2025, 9, 8), new DateOnly(2025, 9, 15)],
            digestRows.Select(r => RigaCalendar.DateOf(r.CreatedAtUtc)).Distinct().Order().ToArray());
        var digest = Text(digests[0]);
        Assert.Equal("Nedēļas apkopojums: nokavēti 1, ilgi gaida izskatīšanu 0", digests[0].Subject);
        Assert.Contains($"{Performer}, ", digest, StringComparison.Ordinal);
        Assert.Contains($"– {YearThree}: nokavēts 5 dienas, termiņš 13.08.2025.", digest, StringComparison.Ordinal);
        Assert.Contains($"{PortalBaseUrl}/agreements/{agreementId}/years/3/entry", digest, StringComparison.Ordinal);
        Assert.Contains($"{PortalBaseUrl}/dashboard?due=overdue", digest, StringComparison.Ordinal);
        Assert.Contains($"{PortalBaseUrl}/account/security", digest, StringComparison.Ordinal);
        // The last one, after the summary was missed too: the longest overdue first.
        var last = digests[^1];
        Assert.Equal("Nedēļas apkopojums: nokavēti 2, ilgi gaida izskatīšanu 0", Subject(last));
        var lastText = Text(last);
        Assert.True(lastText.IndexOf($"{YearThree}: nokavēts 33 dienas", StringComparison.Ordinal) < lastText.IndexOf($"{Summary}: nokavēts 3 dienas", StringComparison.Ordinal));
        Assert.Contains($"{Summary}: nokavēts 3 dienas", lastText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_submitted_year_gets_no_reminder_and_appears_in_the_digest_once_it_has_waited_two_weeks()
    {
        await using (var db = new PortalFactory(_folder).OpenDatabase())
        {
            var year = await db.ImplementationYears.SingleAsync(y => y.Number == 3);
            year.Status = Domain.Reviews.ReviewStatus.Submitted;
            db.ReviewNotes.Add(new Domain.Reviews.ReviewNote
            {
                AgreementId = year.AgreementId, YearNumber = 3, Kind = Domain.Reviews.ReviewNoteKind.Submitted, AuthorName = "Darbinieks",
                AtUtc = new DateTime(2025, 8, 11, 9, 0, 0, DateTimeKind.Utc),
            });
            await db.SaveChangesAsync();
        }
        // Monday 01.09.2025: year III has waited 21 days; the summary is due in 11.
        using var portal = Portal(new TestClock(RigaMorning(2025, 9, 1)));
        _ = portal.Services;
        await UntilStartUpPassRanAsync(portal);

        var received = new MailDrop(portal.MailFolder).New();
        Assert.DoesNotContain(received, m => Subject(m).Contains(YearThree, StringComparison.Ordinal));
        Assert.Equal([Browser.ZemgaleStaff], To(received, $"Atgādinājums: {Summary} jāiesniedz līdz 12.09.2025."));
        var digest = Assert.Single(received, m => Subject(m).StartsWith("Nedēļas apkopojums:", StringComparison.Ordinal));
        Assert.Equal("Nedēļas apkopojums: nokavēti 0, ilgi gaida izskatīšanu 1", Subject(digest));
        var text = Text(digest);
        Assert.Contains($"– {YearThree}: gaida izskatīšanu 21 dienu (iesniegts 11.08.2025.)", text, StringComparison.Ordinal);
        Assert.Contains("Nokavēti pārskati\nNav.\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_portals_over_one_database_send_each_reminder_and_digest_once()
    {
        // The day after year III was missed, a Thursday: its overdue reminder and this week's digest are due.
        var clock = new TestClock(RigaMorning(2025, 8, 14));
        using var one = Portal(clock);
        using var two = Portal(clock);
        _ = one.Services;
        _ = two.Services;
        await AddUsersAsync(one);

        // Both schedules, and the pass itself on both bypassing the lease on top: only the outbox's keys stand between them.
        await Task.WhenAll(
            (Task)RunAsync(one), RunAsync(two),
            one.Service<ReminderPass>().RunAsync(null, CancellationToken.None),
            two.Service<ReminderPass>().RunAsync(null, CancellationToken.None));
        // A last pass fills in what a refused insert left out (a lock that timed out under the race).
        await one.Service<ReminderPass>().RunAsync(null, CancellationToken.None);
        await two.Service<ReminderPass>().RunAsync(null, CancellationToken.None);

        var received = new MailDrop(one.MailFolder).New();
        Assert.Equal(Sorted(PerformerStaff), To(received, $"Nokavēts termiņš: {YearThree} bija jāiesniedz līdz 13.08.2025."));
        Assert.Equal(Sorted(Reviewers), To(received, "Nedēļas apkopojums:"));
        Assert.Equal(PerformerStaff.Length + Reviewers.Length, received.Count);

        // The lease: one row, held by one of the two.
        await using var db = one.OpenDatabase();
        var lease = Assert.Single(await db.ScheduledPassLeases.AsNoTracking().ToListAsync());
        Assert.Equal(ScheduledPassNames.Reminders, lease.Name);
        Assert.NotNull(lease.Owner);
    }

    [Fact]
    public async Task With_the_mail_server_down_reminders_stay_queued_and_go_out_once_when_it_is_back()
    {
        var port = FakeSmtpServer.ClosedPort();
        var clock = new TestClock(RigaMorning(2025, 8, 14));
        using var portal = Portal(clock);
        portal.Settings["Smtp:PickupDirectory"] = "";
        portal.Settings["Smtp:Host"] = "127.0.0.1";
        portal.Settings["Smtp:Port"] = port.ToString(CultureInfo.InvariantCulture);
        portal.Settings["Smtp:UseStartTls"] = "false";
        portal.Settings["Smtp:TimeoutSeconds"] = "10";
        portal.Settings["Outbox:PollSeconds"] = "3600";
        _ = portal.Services;
        await UntilStartUpPassRanAsync(portal);

        var queued = await RowsAsync(portal, OutboxKinds.Reminder);
        Assert.Equal([Browser.ZemgaleStaff], queued.Select(r => r.Recipient).ToArray());
        Assert.All(queued, r =>
        {
            Assert.Equal(OutboxStatus.Queued, r.Status);
            Assert.StartsWith("SocketException:", r.LastError, StringComparison.Ordinal);
        });
        // Another pass while it waits queues nothing new.
        clock.Advance(TimeSpan.FromHours(1));
        await RunAsync(portal);
        Assert.Single(await RowsAsync(portal, OutboxKinds.Reminder));

        await using var sink = new FakeSmtpServer(port);
        await portal.Service<Web.Notifications.OutboxSender>().SendDueAsync(CancellationToken.None);
        await portal.Service<Web.Notifications.OutboxSender>().SendDueAsync(CancellationToken.None);
        var reminder = Assert.Single(sink.Received, r => Subject(r.Message).StartsWith("Nokavēts termiņš:", StringComparison.Ordinal));
        Assert.Equal([Browser.ZemgaleStaff], reminder.Recipients);
        Assert.Equal(OutboxStatus.Sent, Assert.Single(await RowsAsync(portal, OutboxKinds.Reminder)).Status);
    }

    [Fact]
    public async Task Only_the_lease_holder_runs_the_pass_until_its_lease_runs_out()
    {
        var clock = new TestClock(RigaMorning(2025, 8, 14));
        using var one = Portal(clock);
        using var two = Portal(clock);
        _ = one.Services;
        await UntilStartUpPassRanAsync(one);

        Assert.NotNull(await RunAsync(one));
        Assert.Null(await RunAsync(two));
        // The holder stops renewing (its process died): after the lease the other takes over.
        clock.Advance(TimeSpan.FromSeconds(7201));
        Assert.NotNull(await RunAsync(two));
        Assert.Null(await RunAsync(one));
    }

    [Fact]
    public async Task A_reviewer_who_switches_the_digest_off_on_the_account_page_gets_none()
    {
        // Signing in with two factors needs the real clock: the setting is changed on a portal without a test clock.
        using (var real = new PortalFactory(_folder))
        {
            await AddUsersAsync(real);
            var reviewer = await Browser.SignedInClientAsync(real, Browser.Reviewer);
            var page = await reviewer.GetStringAsync("/account/security");
            Assert.Contains("Nedēļas apkopojums ieslēgts", page, StringComparison.Ordinal);

            var token = await Browser.AntiforgeryTokenAsync(reviewer, "/account/security");
            using var off = await reviewer.PostAsync("/account/weekly-digest", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["receive"] = "false", ["__RequestVerificationToken"] = token,
            }));
            Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
            page = await reviewer.GetStringAsync("/account/security");
            Assert.Contains("Nedēļas apkopojums izslēgts.", page, StringComparison.Ordinal);
            Assert.Contains("name=\"receive\" value=\"true\"", page, StringComparison.Ordinal);
            Assert.Contains(">Ieslēgt nedēļas apkopojumu</button>", page, StringComparison.Ordinal);

            // Staff have no digest and no such section.
            var staff = await Browser.SignedInClientAsync(real, Browser.ZemgaleStaff);
            Assert.DoesNotContain("nedēļas apkopojum", await staff.GetStringAsync("/account/security"), StringComparison.OrdinalIgnoreCase);

            await using var db = real.OpenDatabase();
            Assert.NotNull((await db.Users.SingleAsync(u => u.Email == Browser.Reviewer)).WeeklyDigestOffAtUtc);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "User" && a.Field == "WeeklyDigest" && a.OldValue == "on" && a.NewValue == "off"));
        }

        // A Monday with year III overdue: the other reviewer gets the digest, the one who switched it off does not.
        using var portal = Portal(new TestClock(RigaMorning(2025, 8, 18)));
        _ = portal.Services;
        await UntilStartUpPassRanAsync(portal);
        var received = new MailDrop(portal.MailFolder).New();
        Assert.Equal([SecondReviewer], To(received, "Nedēļas apkopojums:"));
    }
}
