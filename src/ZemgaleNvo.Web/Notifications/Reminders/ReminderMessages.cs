using System.Net;
using System.Text;
using ZemgaleNvo.Domain.Periods;
using ZemgaleNvo.Web.Formatting;

namespace ZemgaleNvo.Web.Notifications.Reminders;

/// <summary>One report (a year's or the summary's) as a reminder or the digest names it.</summary>
/// <param name="YearNumber">The year's number; null for the agreement's final summary.</param>
/// <param name="Start">The year's (or the agreement's) first day.</param>
/// <param name="End">The year's (or the agreement's) last day.</param>
public sealed record ReportFacts(NoticeFacts Agreement, int AgreementId, int? YearNumber, DateOnly Start, DateOnly End)
{
    public bool IsSummary => YearNumber is null;

    public Uri Link(Uri portalBaseUrl) => YearNumber is { } number
        ? WorkflowMessage.YearLink(portalBaseUrl, AgreementId, number)
        : WorkflowMessage.SummaryLink(portalBaseUrl, AgreementId);
}

/// <summary>A line of the digest: the report and where it stands.</summary>
public sealed record DigestLine(ReportFacts Report, Deadline Deadline, ReviewWait? Wait);

/// <summary>Composes the reminders and the digest: pure, the same facts give the same text, laid out as the review-step emails.</summary>
public static class ReminderMessages
{
    public static WorkflowMessage Reminder(ReminderKind kind, ReportFacts report, Deadline deadline, Uri portalBaseUrl, ReportFormat format)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(deadline);
        ArgumentNullException.ThrowIfNull(format);
        var text = new NotificationText(format);
        var words = new ReminderText(format);
        var name = ReportName(report, format, words);
        var facts = report.Agreement;
        List<(string Label, string Value)> rows =
        [
            (text.Agreement, WorkflowMessage.AgreementName(facts, text, format)),
            (text.Performer, facts.PerformerName),
            report.IsSummary
                ? (text.Summary, format.Period(report.Start, report.End))
                : (text.Year, $"{name} ({format.Period(report.Start, report.End)})"),
            (words.DueOn, format.Date(deadline.DueOn)),
            (words.State, deadline.Text(format.IsLatvian)),
        ];
        var link = report.Link(portalBaseUrl);
        var subject = WorkflowMessage.OneLine(words.Subject(kind, name, format.Date(deadline.DueOn), facts.PerformerName));
        var lead = words.Lead(kind, report.IsSummary);
        var open = report.IsSummary ? text.OpenSummary : text.OpenYear;
        return new WorkflowMessage(subject,
            WorkflowMessage.PlainText(text, lead, open, rows, link),
            WorkflowMessage.Html(text, format.LanguageTag, lead, open, rows, link),
            link);
    }

    /// <summary>The weekly digest for reviewers: overdue reports, then long-waiting submitted ones, each with its link.</summary>
    public static WorkflowMessage Digest(IReadOnlyList<DigestLine> overdue, IReadOnlyList<DigestLine> waiting, int waitingDays, Uri portalBaseUrl, ReportFormat format)
    {
        ArgumentNullException.ThrowIfNull(overdue);
        ArgumentNullException.ThrowIfNull(waiting);
        ArgumentNullException.ThrowIfNull(portalBaseUrl);
        ArgumentNullException.ThrowIfNull(format);
        var text = new NotificationText(format);
        var words = new ReminderText(format);
        var dashboard = Under(portalBaseUrl, "dashboard?due=overdue");
        var settings = Under(portalBaseUrl, "account/security");
        (string Title, List<(string Line, Uri Link)> Lines)[] sections =
        [
            (words.Overdue, [.. overdue.Select(l => (Line(l, format, words, text) + ": " + l.Deadline.Text(format.IsLatvian) + ", " + words.DueOnDate(format.Date(l.Deadline.DueOn)), l.Report.Link(portalBaseUrl)))]),
            (words.Waiting, [.. waiting.Select(l => (Line(l, format, words, text) + ": " + l.Wait!.Text(format.IsLatvian) + " (" + words.SubmittedOn(format.Date(l.Wait.SubmittedOn)) + ")", l.Report.Link(portalBaseUrl)))]),
        ];
        var lead = words.DigestLead(waitingDays);
        var subject = words.DigestSubject(overdue.Count, waiting.Count);

        var plain = new StringBuilder();
        plain.Append(text.Greeting).Append("\n\n").Append(lead).Append('\n');
        foreach (var (title, lines) in sections)
        {
            plain.Append('\n').Append(title).Append('\n');
            if (lines.Count == 0)
            {
                plain.Append(words.Nothing).Append('\n');
            }
            foreach (var (line, link) in lines)
            {
                plain.Append("- ").Append(line).Append("\n  ").Append(link.AbsoluteUri).Append('\n');
            }
        }
        plain.Append('\n').Append(words.OpenOverdue).Append(": ").Append(dashboard.AbsoluteUri).Append('\n');
        plain.Append(words.SwitchOff).Append(": ").Append(settings.AbsoluteUri).Append("\n\n");
        plain.Append("-- \n").Append(text.Footer).Append('\n');

        static string E(string value) => WebUtility.HtmlEncode(value);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(format.LanguageTag).Append("\"><head><meta charset=\"utf-8\"></head><body>\n");
        html.Append("<p>").Append(E(text.Greeting)).Append("</p>\n<p>").Append(E(lead)).Append("</p>\n");
        foreach (var (title, lines) in sections)
        {
            html.Append("<h2 style=\"font-size:1.1em\">").Append(E(title)).Append("</h2>\n");
            if (lines.Count == 0)
            {
                html.Append("<p>").Append(E(words.Nothing)).Append("</p>\n");
                continue;
            }
            html.Append("<ul>\n");
            foreach (var (line, link) in lines)
            {
                html.Append("<li><a href=\"").Append(E(link.AbsoluteUri)).Append("\">").Append(E(line)).Append("</a></li>\n");
            }
            html.Append("</ul>\n");
        }
        html.Append("<p><a href=\"").Append(E(dashboard.AbsoluteUri)).Append("\">").Append(E(words.OpenOverdue)).Append("</a></p>\n");
        html.Append("<p><a href=\"").Append(E(settings.AbsoluteUri)).Append("\">").Append(E(words.SwitchOff)).Append("</a></p>\n");
        html.Append("<p style=\"color:#555\">").Append(E(text.Footer)).Append("</p>\n</body></html>\n");
        return new WorkflowMessage(WorkflowMessage.OneLine(subject), plain.ToString(), html.ToString(), dashboard);
    }

    /// <summary>"III. īstenošanas gads" or "Līguma kopsavilkums".</summary>
    private static string ReportName(ReportFacts report, ReportFormat format, ReminderText words) =>
        report.YearNumber is { } number ? format.YearName(number) : words.SummaryName;

    private static string Line(DigestLine line, ReportFormat format, ReminderText words, NotificationText text) =>
        $"{line.Report.Agreement.PerformerName}, {WorkflowMessage.AgreementName(line.Report.Agreement, text, format)} – {ReportName(line.Report, format, words)}";

    private static Uri Under(Uri portalBaseUrl, string relative)
    {
        var root = portalBaseUrl.AbsolutePath.EndsWith('/') ? portalBaseUrl : new Uri(portalBaseUrl.GetLeftPart(UriPartial.Path) + "/");
        return new Uri(root, relative);
    }
}
