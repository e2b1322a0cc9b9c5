using ZemgaleNvo.Web.Formatting;

namespace ZemgaleNvo.Web.Notifications;

/// <summary>
/// The fixed wording of the workflow emails, Latvian first, English beside it (as the reports' own
/// <see cref="ReportText"/>). The language is an argument, not the request's culture: a reviewer who
/// reads the portal in English still sends the NGO its email in Latvian.
/// </summary>
public sealed class NotificationText(ReportFormat format)
{
    private TextCatalogue L => format.Words;

    public string Greeting => L["Labdien!"];
    public string Agreement => L["Līgums"];
    public string Performer => L["Izpildītājs"];
    public string Year => L["Īstenošanas gads"];
    public string Status => L["Statuss"];
    public string Reason => L["Pamatojums"];
    public string NoReason => L["e-pasts|nav norādīts"];
    public string When => L["Laiks"];
    public string RigaTime => L["Rīgas laiks"];
    public string OpenYear => L["Atvērt gadu portālā"];
    public string OpenSummary => L["Atvērt kopsavilkumu"];
    public string Summary => L["Kopsavilkums"];
    public string Footer => L["Šo ziņu automātiski nosūtīja portāls ZemgaleNvo; uz to nav jāatbild."];

    /// <summary>"Nr." before an agreement's number.</summary>
    public string NumberPrefix => L["Nr."];

    /// <summary>"III. īstenošanas gads iesniegts izskatīšanai – Biedrība „Zemgales NVO centrs”".</summary>
    public string Subject(WorkflowNoticeKind kind, string yearName, string performer) => kind switch
    {
        WorkflowNoticeKind.Submitted => L["{0} iesniegts izskatīšanai – {1}", yearName, performer],
        WorkflowNoticeKind.Returned => L["{0} atgriezts labošanai – {1}", yearName, performer],
        WorkflowNoticeKind.Approved => L["{0} apstiprināts – {1}", yearName, performer],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>What happened and what the reader is asked to do.</summary>
    public string Lead(WorkflowNoticeKind kind) => kind switch
    {
        WorkflowNoticeKind.Submitted => L["Izpildītājs iesniedza īstenošanas gadu izskatīšanai. Lūdzam to izskatīt un apstiprināt vai atgriezt labošanai."],
        WorkflowNoticeKind.Returned => L["Ministrija atgrieza īstenošanas gadu labošanai. Lūdzam novērst norādīto un iesniegt gadu atkārtoti."],
        WorkflowNoticeKind.Approved => L["Ministrija apstiprināja īstenošanas gadu. Gads ir noslēgts, un tā datus vairs nevar labot."],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The label before the actor's name: "Iesniedza", "Atgrieza", "Apstiprināja".</summary>
    public string Actor(WorkflowNoticeKind kind) => kind switch
    {
        WorkflowNoticeKind.Submitted => L["Iesniedza"],
        WorkflowNoticeKind.Returned => L["Atgrieza"],
        WorkflowNoticeKind.Approved => L["Apstiprināja"],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The same for the agreement's final summary.</summary>
    public string SummaryLead(WorkflowNoticeKind kind) => kind switch
    {
        WorkflowNoticeKind.Submitted => L["Izpildītājs iesniedza līguma kopsavilkumu izskatīšanai. Lūdzam to izskatīt un apstiprināt vai atgriezt labošanai."],
        WorkflowNoticeKind.Returned => L["Ministrija atgrieza līguma kopsavilkumu labošanai. Lūdzam novērst norādīto un iesniegt kopsavilkumu atkārtoti."],
        WorkflowNoticeKind.Approved => L["Ministrija apstiprināja līguma kopsavilkumu. Tā datus vairs nevar labot."],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
