using System.Security.Claims;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Web.Features.Reports;
using ZemgaleNvo.Web.Formatting;
using ZemgaleNvo.Web.Notifications;

namespace ZemgaleNvo.IntegrationTests.Notifications;

/// <summary>Composing the email (no database, no host): wording, Riga time, the link, encoding.</summary>
public class WorkflowMessageTests
{
    private static readonly NoticeFacts Facts = new(
        AgreementType.Participation, "DL-2024/17", "Sabiedrības līdzdalība", "Biedrība „Piemērs”", 1,
        new DateOnly(2024, 7, 15), new DateOnly(2025, 7, 14));

    private static readonly Uri Base = new("https://nvo.ministrija.test/");

    private static WorkflowMessage Compose(WorkflowNoticeKind kind, string? reason = null, DateTime? at = null, ReportFormat? format = null) =>
        WorkflowMessage.Compose(
            new WorkflowNotice(7, 1, kind, reason, "Jana Bērziņa", at ?? new DateTime(2026, 1, 5, 22, 30, 0, DateTimeKind.Utc)),
            Facts, Base, format ?? ReportFormat.Latvian);

    private static string[] Lines(WorkflowMessage message) => message.TextBody.Split('\n');

    [Fact]
    public void A_returned_year_states_agreement_performer_year_status_reason_actor_time_and_link()
    {
        var message = Compose(WorkflowNoticeKind.Returned, "Trūkst 3. rezultāta.");

        Assert.Equal("I. īstenošanas gads atgriezts labošanai – Biedrība „Piemērs”", message.Subject);
        Assert.Equal(
        [
            "Labdien!",
            "",
            "Ministrija atgrieza īstenošanas gadu labošanai. Lūdzam novērst norādīto un iesniegt gadu atkārtoti.",
            "",
            "Līgums: Līdzdarbības līgums Nr. DL-2024/17 „Sabiedrības līdzdalība”",
            "Izpildītājs: Biedrība „Piemērs”",
            "Īstenošanas gads: I. īstenošanas gads (15.07.2024.–14.07.2025.)",
            "Statuss: Atgriezts labošanai",
            "Pamatojums: Trūkst 3. rezultāta.",
            "Atgrieza: Jana Bērziņa",
            // 22:30 UTC on 5 January is past midnight in Riga (UTC+2 in winter): the date moves too.
            "Laiks: 06.01.2026. 00:30 (Rīgas laiks)",
            "",
            "Atvērt gadu portālā: https://nvo.ministrija.test/agreements/7/years/1/entry",
            "",
            "-- ",
            "Šo ziņu automātiski nosūtīja portāls ZemgaleNvo; uz to nav jāatbild.",
            "",
        ], Lines(message));
    }

    [Fact]
    public void Summer_time_in_Riga_is_three_hours_ahead_of_UTC()
    {
        Assert.Equal("01.07.2025. 12:30", WorkflowMessage.RigaTimestamp(new DateTime(2025, 7, 1, 9, 30, 0, DateTimeKind.Utc), ReportFormat.Latvian));
        Assert.Equal("24.11.2026. 14:05", WorkflowMessage.RigaTimestamp(new DateTime(2026, 11, 24, 12, 5, 0, DateTimeKind.Utc), ReportFormat.Latvian));
    }

    [Fact]
    public void A_return_without_a_reason_says_so_and_other_steps_carry_no_reason_line()
    {
        Assert.Contains("Pamatojums: nav norādīts", Lines(Compose(WorkflowNoticeKind.Returned, "  ")));
        Assert.DoesNotContain(Lines(Compose(WorkflowNoticeKind.Approved, "ignored")), l => l.StartsWith("Pamatojums", StringComparison.Ordinal));
        Assert.Contains("Iesniedza: Jana Bērziņa", Lines(Compose(WorkflowNoticeKind.Submitted)));
        Assert.Contains("Statuss: Apstiprināts", Lines(Compose(WorkflowNoticeKind.Approved)));
    }

    [Theory]
    [InlineData("https://nvo.ministrija.test", "https://nvo.ministrija.test/agreements/7/years/3/entry")]
    [InlineData("https://nvo.ministrija.test/", "https://nvo.ministrija.test/agreements/7/years/3/entry")]
    [InlineData("https://ministrija.test/nvo", "https://ministrija.test/nvo/agreements/7/years/3/entry")]
    [InlineData("https://ministrija.test/nvo/", "https://ministrija.test/nvo/agreements/7/years/3/entry")]
    [InlineData("http://localhost:5080", "http://localhost:5080/agreements/7/years/3/entry")]
    public void The_link_is_built_under_the_configured_address_path_included(string baseUrl, string expected)
    {
        Assert.Equal(expected, WorkflowMessage.YearLink(new Uri(baseUrl), 7, 3).AbsoluteUri);
    }

    [Fact]
    public void What_users_typed_cannot_break_out_of_the_html_or_the_subject()
    {
        var message = WorkflowMessage.Compose(
            new WorkflowNotice(7, 1, WorkflowNoticeKind.Returned, "<script>alert(1)</script> & \"citi\"", "<b>X</b>", DateTime.UtcNow),
            Facts with { PerformerName = "Biedrība\r\nBcc: visi@example.test" }, Base, ReportFormat.Latvian);

        Assert.DoesNotContain("<script>", message.HtmlBody);
        Assert.DoesNotContain("<b>X</b>", message.HtmlBody);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;citi&quot;", message.HtmlBody);
        Assert.Equal("I. īstenošanas gads atgriezts labošanai – Biedrība Bcc: visi@example.test", message.Subject);
        var mime = message.ToMime(new MimeKit.MailboxAddress("Portāls", "noreply@ministrija.test"), new MimeKit.MailboxAddress("", "a@b.test"));
        Assert.Empty(mime.Bcc);
        Assert.Single(mime.To);
    }

    [Fact]
    public void The_wording_has_an_English_form_for_when_users_may_choose_their_language()
    {
        var message = Compose(WorkflowNoticeKind.Approved, format: ReportFormat.EnglishFormat);

        Assert.Equal("Implementation year I approved – Biedrība „Piemērs”", message.Subject);
        Assert.Contains("Approved by: Jana Bērziņa", Lines(message));
        Assert.Contains("Time: 06/01/2026 00:30 (Riga time)", Lines(message));
        Assert.Contains("<html lang=\"en\">", message.HtmlBody);
    }

    [Fact]
    public void The_actor_is_named_by_full_name_else_by_user_name()
    {
        static ClaimsPrincipal User(params Claim[] claims) => new(new ClaimsIdentity(claims, "test"));
        var name = new Claim(ClaimTypes.Name, "jana@ministrija.test");

        Assert.Equal("Jana Bērziņa", WorkflowNotice.ActorNameOf(User(name, new Claim("zemgalenvo:name", "Jana Bērziņa"))));
        Assert.Equal("jana@ministrija.test", WorkflowNotice.ActorNameOf(User(name)));
    }
}
