using System.Globalization;
using System.Net;
using System.Text;
using MimeKit;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Reviews;
using ZemgaleNvo.Web.Features.Reports;
using ZemgaleNvo.Web.Formatting;

namespace ZemgaleNvo.Web.Notifications;

/// <summary>What the email says about the agreement and the year, read from the database by the notifier.</summary>
public sealed record NoticeFacts(
    AgreementType AgreementType,
    string? AgreementNumber,
    string AgreementTitle,
    string PerformerName,
    int YearNumber,
    DateOnly YearStart,
    DateOnly YearEnd);

/// <summary>One composed email, the same for every recipient of a notice.</summary>
public sealed record WorkflowMessage(string Subject, string TextBody, string HtmlBody, Uri Link)
{
    /// <summary>
    /// Composes the email for a notice. Pure: the same notice and facts give the same text, in the
    /// language of <paramref name="format"/>; times are shown in Riga time.
    /// </summary>
    public static WorkflowMessage Compose(WorkflowNotice notice, NoticeFacts facts, Uri portalBaseUrl, ReportFormat format)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(format);
        var text = new NotificationText(format);
        var summary = notice.YearNumber is null;
        var link = summary ? SummaryLink(portalBaseUrl, notice.AgreementId) : YearLink(portalBaseUrl, notice.AgreementId, notice.YearNumber!.Value);
        var yearName = summary ? text.Summary : format.YearName(facts.YearNumber);

        var agreement = $"{format.AgreementType(facts.AgreementType)}"
            + (string.IsNullOrWhiteSpace(facts.AgreementNumber) ? "" : $" {text.NumberPrefix} {facts.AgreementNumber.Trim()}")
            + $" „{facts.AgreementTitle}”";
        List<(string Label, string Value)> rows =
        [
            (text.Agreement, agreement),
            (text.Performer, facts.PerformerName),
            summary
                ? (text.Summary, format.Period(facts.YearStart, facts.YearEnd))
                : (text.Year, $"{yearName} ({format.Period(facts.YearStart, facts.YearEnd)})"),
            (text.Status, format.Status(StatusAfter(notice.Kind))),
        ];
        if (notice.Kind == WorkflowNoticeKind.Returned)
        {
            rows.Add((text.Reason, string.IsNullOrWhiteSpace(notice.Reason) ? text.NoReason : NormaliseLines(notice.Reason.Trim())));
        }
        rows.Add((text.Actor(notice.Kind), notice.ActorName));
        rows.Add((text.When, $"{RigaTimestamp(notice.AtUtc, format)} ({text.RigaTime})"));

        var subject = OneLine(text.Subject(notice.Kind, yearName, facts.PerformerName));
        var lead = summary ? text.SummaryLead(notice.Kind) : text.Lead(notice.Kind);
        var open = summary ? text.OpenSummary : text.OpenYear;
        return new WorkflowMessage(subject, PlainText(text, lead, open, rows, link), Html(text, format.LanguageTag, lead, open, rows, link), link);
    }

    /// <summary>The year page, <c>{base}/agreements/{id}/years/{n}/entry</c>, under the configured base (which may have a path).</summary>
    public static Uri YearLink(Uri portalBaseUrl, int agreementId, int yearNumber)
    {
        ArgumentNullException.ThrowIfNull(portalBaseUrl);
        var root = portalBaseUrl.AbsolutePath.EndsWith('/') ? portalBaseUrl : new Uri(portalBaseUrl.GetLeftPart(UriPartial.Path) + "/");
        return new Uri(root, FormattableString.Invariant($"agreements/{agreementId}/years/{yearNumber}/entry"));
    }

    /// <summary>The summary's review page, <c>{base}/agreements/{id}/summary/review</c>.</summary>
    public static Uri SummaryLink(Uri portalBaseUrl, int agreementId)
    {
        ArgumentNullException.ThrowIfNull(portalBaseUrl);
        var root = portalBaseUrl.AbsolutePath.EndsWith('/') ? portalBaseUrl : new Uri(portalBaseUrl.GetLeftPart(UriPartial.Path) + "/");
        return new Uri(root, FormattableString.Invariant($"agreements/{agreementId}/summary/review"));
    }

    /// <summary>The status the year has after the step.</summary>
    public static ReviewStatus StatusAfter(WorkflowNoticeKind kind) => kind switch
    {
        WorkflowNoticeKind.Submitted => ReviewStatus.Submitted,
        WorkflowNoticeKind.Returned => ReviewStatus.Returned,
        WorkflowNoticeKind.Approved => ReviewStatus.Approved,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary><c>24.11.2026. 14:05</c>: the moment in Europe/Riga, summer time included.</summary>
    public static string RigaTimestamp(DateTime utc, ReportFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        var riga = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Riga);
        return $"{format.Date(DateOnly.FromDateTime(riga))} {riga.ToString("HH:mm", CultureInfo.InvariantCulture)}";
    }

    /// <summary>The message for one recipient (see <see cref="AutomaticMail.Compose"/>).</summary>
    public MimeMessage ToMime(MailboxAddress from, MailboxAddress to) => AutomaticMail.Compose(from, to, Subject, TextBody, HtmlBody);

    private static readonly TimeZoneInfo Riga = TimeZoneInfo.FindSystemTimeZoneById("Europe/Riga");

    private static string PlainText(NotificationText text, string lead, string open, List<(string Label, string Value)> rows, Uri link)
    {
        var body = new StringBuilder();
        body.Append(text.Greeting).Append('\n').Append('\n');
        body.Append(lead).Append('\n').Append('\n');
        foreach (var (label, value) in rows)
        {
            body.Append(label).Append(": ").Append(value).Append('\n');
        }
        body.Append('\n').Append(open).Append(": ").Append(link.AbsoluteUri).Append('\n').Append('\n');
        body.Append("-- \n").Append(text.Footer).Append('\n');
        return body.ToString();
    }

    private static string Html(NotificationText text, string lang, string lead, string open, List<(string Label, string Value)> rows, Uri link)
    {
        static string E(string value) => WebUtility.HtmlEncode(value).Replace("\n", "<br>", StringComparison.Ordinal);
        var body = new StringBuilder();
        body.Append("<!DOCTYPE html>\n<html lang=\"").Append(lang).Append("\"><head><meta charset=\"utf-8\"></head><body>\n");
        body.Append("<p>").Append(E(text.Greeting)).Append("</p>\n");
        body.Append("<p>").Append(E(lead)).Append("</p>\n<table>\n");
        foreach (var (label, value) in rows)
        {
            body.Append("<tr><th style=\"text-align:left;vertical-align:top;padding-right:1em\">").Append(E(label))
                .Append("</th><td>").Append(E(value)).Append("</td></tr>\n");
        }
        body.Append("</table>\n<p><a href=\"").Append(E(link.AbsoluteUri)).Append("\">").Append(E(open)).Append("</a></p>\n");
        body.Append("<p style=\"color:#555\">").Append(E(text.Footer)).Append("</p>\n</body></html>\n");
        return body.ToString();
    }

    private static string NormaliseLines(string value) => value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    /// <summary>A subject is one line whatever the names in it contain.</summary>
    private static string OneLine(string value) =>
        string.Join(' ', value.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}

/// <summary>How every email the portal sends is put together.</summary>
internal static class AutomaticMail
{
    /// <summary>
    /// One recipient; UTF-8 text and HTML alternatives; marked as automatic (RFC 3834) so that
    /// out-of-office replies stay away.
    /// </summary>
    public static MimeMessage Compose(MailboxAddress from, MailboxAddress to, string subject, string text, string html)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var message = new MimeMessage();
        message.From.Add(from);
        message.To.Add(to);
        message.Subject = subject;
        // Message-Id under the sender's domain rather than this machine's name: mail filters look at it.
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(from.Domain);
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
        return message;
    }
}
