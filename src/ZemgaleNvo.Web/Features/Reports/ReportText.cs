namespace ZemgaleNvo.Web.Features.Reports;

/// <summary>
/// The fixed wording of the reports, in the official template's order, and the sentences that
/// state each year's funding the way the template does. Shared by the HTML, PDF and spreadsheet.
/// </summary>
public sealed class ReportText(ReportFormat format)
{
    private bool Lv => format.IsLatvian;

    public string SummaryTitle => Lv ? "Kopsavilkums" : "Summary";
    public string YearReportTitle => Lv ? "Īstenošanas gada pārskats" : "Implementation year report";
    public string Region => Lv ? "Reģions" : "Region";
    public string Task => Lv ? "Valsts pārvaldes uzdevums" : "Public-administration task";
    public string Performer => Lv ? "Valsts pārvaldes uzdevuma veicējs" : "Performer of the task";
    public string DelegationPeriod => Lv ? "Valsts pārvaldes uzdevuma deleģēšanas periods" : "Delegation period of the task";
    public string ResultsSection => Lv
        ? "Apraksts un vērtējums par valsts pārvaldes uzdevuma izpildes ietvaros sasniegtajiem rezultatīvajiem rādītājiem un izlietotā valsts budžeta finansējuma atbilstību līgumā paredzētajiem mērķiem"
        : "Description and evaluation of the performance indicators achieved and of the conformity of the state budget funding spent with the agreement's objectives";
    public string FundingSection => Lv
        ? "Plānotais un faktiski izlietotais valsts budžeta finansējums sadalījumā pa gadiem"
        : "Planned and actually spent state budget funding by year";
    public string BudgetTableSection => Lv ? "Finansējuma izlietojums pa budžeta pozīcijām, euro" : "Funding by budget line, EUR";
    public string ChartSection => Lv ? "Plānotais un faktiskais finansējums pa gadiem un pozīcijām" : "Planned and actual funding by year and line";
    public string NonCompliant => Lv ? "Neatbilstoši veiktie izdevumi" : "Non-compliant expenditure";
    public string Unrecovered => Lv ? "Neatgūto līdzekļu apmērs no neatbilstoši veiktajiem izdevumiem" : "Amount of non-compliant expenditure not recovered";
    public string OtherInformation => Lv ? "Cita informācija" : "Other information";
    public string Evaluation => Lv ? "Vērtējums" : "Evaluation";
    public string FindingsSection => Lv ? "Pielikums. Portāla konstatētās neatbilstības" : "Annex. Inconsistencies found by the portal";
    public string FindingsIntro => Lv
        ? "Portāls šīs neatbilstības atrada datos automātiski. Tās palīdz sagatavot un pārbaudīt pārskatu; publicējamā kopsavilkumā tās neiekļauj."
        : "The portal found these inconsistencies in the data by itself. They help to prepare and review the report and are not part of the published summary.";
    public string NoFindings => Lv ? "Neatbilstības nav atrastas." : "No inconsistencies found.";
    public string NoResults => Lv ? "Rezultāti nav ievadīti." : "No results entered.";
    public string Page => Lv ? "Lapa {0} no {1}" : "Page {0} of {1}";
    public string Year => Lv ? "Gads" : "Year";
    public string Line => Lv ? "Budžeta pozīcija" : "Budget line";
    public string Planned => Lv ? "Plānots" : "Planned";
    public string CarriedIn => Lv ? "Pārcelts no iepr. gada" : "Carried in";
    public string ReallocatedIn => Lv ? "Pārdalīts uz" : "Reallocated in";
    public string ReallocatedOut => Lv ? "Pārdalīts no" : "Reallocated out";
    public string Available => Lv ? "Pieejams" : "Available";
    public string Actual => Lv ? "Faktiski" : "Actual";
    public string Remaining => Lv ? "Atlikums" : "Remaining";
    public string CarriedOut => Lv ? "Pārcelts tālāk" : "Carried out";
    public string Execution => Lv ? "Izpilde" : "Execution";
    public string Total => Lv ? "Kopā" : "Total";
    public string WholePeriod => Lv ? "Visā periodā" : "Whole period";
    public string Status => Lv ? "Statuss" : "Status";
    public string Spending => Lv ? "Izdevumi" : "Expenditure";
    public string Reallocations => Lv ? "Pārdales starp pozīcijām" : "Reallocations between lines";
    public string Date => Lv ? "Datums" : "Date";
    public string Description => Lv ? "Apraksts" : "Description";
    public string Supplier => Lv ? "Piegādātājs" : "Supplier";
    public string Document => Lv ? "Dokuments" : "Document";
    public string Amount => Lv ? "Summa" : "Amount";
    public string From => Lv ? "No" : "From";
    public string To => Lv ? "Uz" : "To";
    public string Reason => Lv ? "Pamatojums" : "Reason";
    public string Recovered => Lv ? "Atgūts" : "Recovered";
    public string Severity => Lv ? "Nozīmīgums" : "Severity";
    public string Finding => Lv ? "Konstatējums" : "Finding";
    public string Error => Lv ? "Kļūda" : "Error";
    public string Warning => Lv ? "Brīdinājums" : "Warning";

    /// <summary>"(2022. gada 15. jūlijs līdz 2023. gada 14. jūlijs)" after a year's title.</summary>
    public string YearHeading(ReportYear year) => $"{format.YearTitle(year.Number)} ({format.LongPeriod(year.Start, year.End)})";

    /// <summary>"Plānots 49 000,00 euro, t.sk." followed by one line per budget line.</summary>
    public string PlannedLead(ReportYear year) => Lv
        ? $"Plānots {format.Euro(year.PlannedCents)}, t.sk."
        : $"Planned {format.Euro(year.PlannedCents)}, of which";

    public string ActualLead(ReportYear year) => Lv
        ? $"Faktiski {format.Euro(year.ActualCents)}, t.sk."
        : $"Actually spent {format.Euro(year.ActualCents)}, of which";

    /// <summary>"30 000,00 euro pilsoniskās sabiedrības attīstībai Zemgales reģionā"</summary>
    public string LineAmount(long cents, ReportLine line) => $"{format.Euro(cents)} {line.Name}";

    /// <summary>The template's note on money carried to the next year, or null when nothing was carried.</summary>
    public string? CarryOverNote(ReportYear year)
    {
        if (year.CarriedOutCents == 0)
        {
            return null;
        }
        var parts = year.Budget.Where(b => b.CarriedOutCents != 0).Select(b => LineAmount(b.CarriedOutCents, b.Line)).ToList();
        var split = string.Join(Lv ? " un " : " and ", parts);
        return Lv
            ? $"Atlikums {format.Euro(year.CarriedOutCents)} apmērā pārcelts uz nākamo periodu (t.sk. {split})."
            : $"The balance of {format.Euro(year.CarriedOutCents)} was carried over to the next period (of which {split}).";
    }

    public string SeverityName(Domain.Checks.FindingSeverity severity) =>
        severity == Domain.Checks.FindingSeverity.Error ? Error : Warning;

    /// <summary>
    /// A list item punctuated as the official template does: "…;" inside a list, "…." at its end,
    /// never doubled ("…;;", "…..") whatever the performer typed. The page and the PDF both use it.
    /// </summary>
    public static string ListItem(string text, bool last)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.TrimEnd();
        if (last)
        {
            return trimmed.EndsWith('.') || trimmed.EndsWith('!') || trimmed.EndsWith('?') ? trimmed : trimmed.TrimEnd(';', ',') + ".";
        }
        return trimmed.EndsWith(';') ? trimmed : trimmed.TrimEnd(',') + ";";
    }
}
