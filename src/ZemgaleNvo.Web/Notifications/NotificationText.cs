using ZemgaleNvo.Web.Features.Reports;

namespace ZemgaleNvo.Web.Notifications;

/// <summary>
/// The fixed wording of the workflow emails, Latvian first, English beside it (as the reports' own
/// <see cref="ReportText"/>). The language is an argument, not the request's culture: a reviewer who
/// reads the portal in English still sends the NGO its email in Latvian.
/// </summary>
public sealed class NotificationText(ReportFormat format)
{
    private bool Lv => format.IsLatvian;

    public string Greeting => Lv ? "Labdien!" : "Hello,";
    public string Agreement => Lv ? "Līgums" : "Agreement";
    public string Performer => Lv ? "Izpildītājs" : "Performer";
    public string Year => Lv ? "Īstenošanas gads" : "Implementation year";
    public string Status => Lv ? "Statuss" : "Status";
    public string Reason => Lv ? "Pamatojums" : "Reason";
    public string NoReason => Lv ? "nav norādīts" : "not given";
    public string When => Lv ? "Laiks" : "Time";
    public string RigaTime => Lv ? "Rīgas laiks" : "Riga time";
    public string OpenYear => Lv ? "Atvērt gadu portālā" : "Open the year in the portal";
    public string Footer => Lv
        ? "Šo ziņu automātiski nosūtīja portāls ZemgaleNvo; uz to nav jāatbild."
        : "This message was sent automatically by the ZemgaleNvo portal; there is no need to reply.";

    /// <summary>"Nr." before an agreement's number.</summary>
    public string NumberPrefix => Lv ? "Nr." : "No.";

    /// <summary>"III. īstenošanas gads iesniegts izskatīšanai – Biedrība „Zemgales NVO centrs”".</summary>
    public string Subject(WorkflowNoticeKind kind, string yearName, string performer) => kind switch
    {
        WorkflowNoticeKind.Submitted => Lv ? $"{yearName} iesniegts izskatīšanai – {performer}" : $"{yearName} submitted for review – {performer}",
        WorkflowNoticeKind.Returned => Lv ? $"{yearName} atgriezts labošanai – {performer}" : $"{yearName} returned for correction – {performer}",
        WorkflowNoticeKind.Approved => Lv ? $"{yearName} apstiprināts – {performer}" : $"{yearName} approved – {performer}",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>What happened and what the reader is asked to do.</summary>
    public string Lead(WorkflowNoticeKind kind) => kind switch
    {
        WorkflowNoticeKind.Submitted => Lv
            ? "Izpildītājs iesniedza īstenošanas gadu izskatīšanai. Lūdzam to izskatīt un apstiprināt vai atgriezt labošanai."
            : "The performer submitted an implementation year for review. Please review it and approve it or return it for correction.",
        WorkflowNoticeKind.Returned => Lv
            ? "Ministrija atgrieza īstenošanas gadu labošanai. Lūdzam novērst norādīto un iesniegt gadu atkārtoti."
            : "The ministry returned an implementation year for correction. Please address the reason below and submit the year again.",
        WorkflowNoticeKind.Approved => Lv
            ? "Ministrija apstiprināja īstenošanas gadu. Gads ir noslēgts, un tā datus vairs nevar labot."
            : "The ministry approved an implementation year. The year is closed and its data can no longer be changed.",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The label before the actor's name: "Iesniedza", "Atgrieza", "Apstiprināja".</summary>
    public string Actor(WorkflowNoticeKind kind) => kind switch
    {
        WorkflowNoticeKind.Submitted => Lv ? "Iesniedza" : "Submitted by",
        WorkflowNoticeKind.Returned => Lv ? "Atgrieza" : "Returned by",
        WorkflowNoticeKind.Approved => Lv ? "Apstiprināja" : "Approved by",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
