using ZemgaleNvo.Domain.Periods;
using ZemgaleNvo.Web.Formatting;

namespace ZemgaleNvo.Web.Notifications.Reminders;

/// <summary>
/// The fixed wording of the reminders and the reviewers' digest, Latvian first, English beside it in
/// the resx (as <see cref="NotificationText"/>, whose greeting, labels and footer they share).
/// </summary>
public sealed class ReminderText(ReportFormat format)
{
    private TextCatalogue L => format.Words;

    public string DueOn => L["Iesniegšanas termiņš"];
    public string State => L["Stāvoklis"];
    public string SummaryName => L["Līguma kopsavilkums"];

    /// <summary>"Atgādinājums: III. īstenošanas gads jāiesniedz līdz 13.08.2025. – Biedrība …".</summary>
    public string Subject(ReminderKind kind, string reportName, string dueOn, string performer) => kind == ReminderKind.DayAfter
        ? L["Nokavēts termiņš: {0} bija jāiesniedz līdz {1} – {2}", reportName, dueOn, performer]
        : L["Atgādinājums: {0} jāiesniedz līdz {1} – {2}", reportName, dueOn, performer];

    public string Lead(ReminderKind kind, bool summary) => (kind, summary) switch
    {
        (ReminderKind.DayAfter, false) => L["Īstenošanas gada pārskata iesniegšanas termiņš ir nokavēts. Lūdzam iesniegt gadu izskatīšanai pēc iespējas drīzāk vai sazināties ar ministriju."],
        (ReminderKind.DayAfter, true) => L["Līguma kopsavilkuma iesniegšanas termiņš ir nokavēts. Lūdzam iesniegt kopsavilkumu izskatīšanai pēc iespējas drīzāk vai sazināties ar ministriju."],
        (_, false) => L["Tuvojas īstenošanas gada pārskata iesniegšanas termiņš. Lūdzam pabeigt datu ievadi un iesniegt gadu izskatīšanai līdz termiņam."],
        (_, true) => L["Tuvojas līguma kopsavilkuma iesniegšanas termiņš. Lūdzam pabeigt kopsavilkumu un iesniegt to izskatīšanai līdz termiņam."],
    };

    /// <summary>"Nedēļas apkopojums: nokavēti 1, ilgi gaida izskatīšanu 2".</summary>
    public string DigestSubject(int overdue, int waiting) => L["Nedēļas apkopojums: nokavēti {0}, ilgi gaida izskatīšanu {1}", overdue, waiting];

    public string DigestLead(int waitingDays) => L["Pārskati, kuru iesniegšanas termiņš ir nokavēts, un iesniegtie pārskati, kas izskatīšanu gaida {0} vai ilgāk.", Days(waitingDays)];

    public string Overdue => L["Nokavēti pārskati"];
    public string Waiting => L["Ilgi gaida izskatīšanu"];
    public string Nothing => L["Nav."];

    /// <summary>"13.08.2025. termiņš" after the state of an overdue report.</summary>
    public string DueOnDate(string date) => L["termiņš {0}", date];

    /// <summary>"iesniegts 01.09.2025." after the wait of a submitted report.</summary>
    public string SubmittedOn(string date) => L["iesniegts {0}", date];

    public string OpenOverdue => L["Atvērt nokavētos pārskatus portālā"];
    public string SwitchOff => L["Nedēļas apkopojumu var izslēgt konta iestatījumos"];

    private string Days(int days) => format.IsLatvian ? LatvianDays.Accusative(days) : LatvianDays.English(days);
}
