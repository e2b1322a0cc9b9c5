using System.Globalization;
using Microsoft.Extensions.Localization;
using ZemgaleNvo.Domain.Audit;
using ZemgaleNvo.Domain.Reviews;
using ZemgaleNvo.Web.Formatting;
using ZemgaleNvo.Web.Resources;

namespace ZemgaleNvo.Web.Features.Audit;

/// <summary>
/// The change history in words a reviewer uses ("Rezultāts", "Summa", "Iesniegts") instead of the
/// names of tables and columns. The raw name stays visible where no wording is known yet, so a
/// record type added later is still readable.
/// </summary>
public sealed class AuditWording(IStringLocalizer<SharedResource> localizer)
{
    private static readonly Dictionary<string, string> Entities = new(StringComparer.Ordinal)
    {
        ["DelegationAgreement"] = "Līgums",
        ["ImplementationYear"] = "Īstenošanas gads",
        ["BudgetLine"] = "Budžeta pozīcija",
        ["PlannedAmount"] = "Plānotā summa",
        ["Activity"] = "Rezultāts",
        ["Indicator"] = "Rādītājs",
        ["SpendingEntry"] = "Izdevumu ieraksts",
        ["SpendingTotal"] = "Pozīcijas izdevumu kopsumma",
        ["Reallocation"] = "Pārdale",
        ["CarryOver"] = "Atlikuma pārnese",
        ["NonCompliantExpenditure"] = "Neatbilstoši izdevumi",
        ["NonCompliantRecovery"] = "Neatbilstošo izdevumu atgūšana",
        ["ReviewNote"] = "Izskatīšanas piezīme",
        ["FrozenReport"] = "Apstiprinātais pārskats",
        ["Organisation"] = "Organizācija",
        ["Region"] = "Reģions",
        ["User"] = "Lietotājs",
        ["AppUser"] = "Lietotājs",
        ["SummaryPublication"] = "Kopsavilkuma publicēšana",
        ["EvidenceFile"] = "Pierādījuma fails",
        ["FindingExplanation"] = "Paskaidrojums",
        ["AuditTrail"] = "Audita ieraksti",
        ["PerformanceIndicator"] = "Rezultatīvais rādītājs",
        ["IndicatorTarget"] = "Rādītāja mērķis",
    };

    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["Status"] = "Statuss",
        ["SummaryStatus"] = "Kopsavilkuma statuss",
        ["Text"] = "Teksts",
        ["StartDate"] = "Sākuma datums",
        ["EndDate"] = "Beigu datums",
        ["Place"] = "Vieta",
        ["Ordinal"] = "Kārtas numurs",
        ["Count"] = "Skaits",
        ["Unit"] = "Mērvienība",
        ["Qualifier"] = "Precizējums",
        ["Date"] = "Datums",
        ["Description"] = "Apraksts",
        ["Supplier"] = "Piegādātājs",
        ["DocumentNumber"] = "Dokumenta Nr.",
        ["AmountCents"] = "Summa",
        ["RecoveredCents"] = "Atgūtā summa",
        ["RecoveredOn"] = "Atgūšanas datums",
        ["DecisionReference"] = "Lēmums",
        ["DecidedOn"] = "Lēmuma datums",
        ["RecordedByName"] = "Reģistrēja",
        ["NonCompliantExpenditureId"] = "Neatbilstošie izdevumi",
        ["Reason"] = "Pamatojums",
        ["Reference"] = "Atsauce",
        ["EvaluationText"] = "Izvērtējums",
        ["ReportedActualTotalCents"] = "Norādītā faktiskā kopsumma",
        ["OtherInformation"] = "Cita informācija",
        ["Name"] = "Nosaukums",
        ["ResultsHeading"] = "Rezultātu virsraksts",
        ["BudgetLineId"] = "Budžeta pozīcija",
        ["FromBudgetLineId"] = "No pozīcijas",
        ["ToBudgetLineId"] = "Uz pozīciju",
        ["DeletedAtUtc"] = "Dzēsts",
        ["Title"] = "Nosaukums",
        ["TaskText"] = "Uzdevums",
        ["Number"] = "Numurs",
        ["PeriodStart"] = "Perioda sākums",
        ["PeriodEnd"] = "Perioda beigas",
        ["Kind"] = "Veids",
        ["Session"] = "Sesija",
        ["Path"] = "Adrese",
        ["SignInSettings"] = "Pieslēgšanās iestatījumi",
        ["PublishedAtUtc"] = "Publicēts",
        ["PublishedByName"] = "Publicēja",
        ["WithdrawnAtUtc"] = "Publicēšana atsaukta",
        ["WithdrawnByName"] = "Publicēšanu atsauca",
        ["FileName"] = "Faila nosaukums",
        ["Sha256"] = "SHA-256",
        ["Content"] = "Saturs",
        ["Result"] = "Rezultāts",
        ["PerformanceIndicatorId"] = "Rezultatīvais rādītājs",
    };

    public string Entity(string type) => Entities.TryGetValue(type, out var label) ? localizer[label] : type;

    public string Field(string field) => Fields.TryGetValue(field, out var label) ? localizer[label] : field;

    public string Action(AuditAction action) => action switch
    {
        AuditAction.Created => localizer["Izveidots"],
        AuditAction.Updated => localizer["Mainīts"],
        AuditAction.Deleted => localizer["Dzēsts"],
        AuditAction.SignedIn => localizer["Pieslēdzās"],
        AuditAction.SignInFailed => localizer["Neveiksmīga pieslēgšanās"],
        AuditAction.SignedOut => localizer["Izgāja"],
        AuditAction.AccessDenied => localizer["Piekļuve liegta"],
        AuditAction.SignInSettingsChanged => localizer["Mainīti pieslēgšanās iestatījumi"],
        AuditAction.UploadRefused => localizer["Augšupielāde atteikta"],
        AuditAction.Sealed => localizer["Apstiprinātie dati aizzīmogoti"],
        AuditAction.Verified => localizer["Integritāte pārbaudīta"],
        _ => action.ToString(),
    };

    /// <summary>Amounts in euro and review statuses in words; anything else as recorded.</summary>
    public string Value(string field, string? value)
    {
        if (value is null)
        {
            return "";
        }
        if (field.EndsWith("Cents", StringComparison.Ordinal) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var cents))
        {
            return Display.Money(cents);
        }
        if (field is "Status" or "SummaryStatus" && Enum.TryParse<ReviewStatus>(value, out var status))
        {
            return Display.Status(status);
        }
        return value;
    }
}
