using ZemgaleNvo.Web.Formatting;

namespace ZemgaleNvo.Web.Features.Reports;

/// <summary>
/// The fixed wording of the reports, in the official template's order, and the sentences that
/// state each year's funding the way the template does. Shared by the HTML, PDF and spreadsheet.
/// </summary>
public sealed class ReportText(ReportFormat format)
{
    private TextCatalogue L => format.Words;

    public string SummaryTitle => L["Kopsavilkums"];
    public string YearReportTitle => L["Īstenošanas gada pārskats"];
    public string Region => L["Reģions"];
    public string Task => L["Valsts pārvaldes uzdevums"];
    public string Performer => L["pārskats|Valsts pārvaldes uzdevuma veicējs"];
    public string DelegationPeriod => L["Valsts pārvaldes uzdevuma deleģēšanas periods"];
    public string ResultsSection => L["Apraksts un vērtējums par valsts pārvaldes uzdevuma izpildes ietvaros sasniegtajiem rezultatīvajiem rādītājiem un izlietotā valsts budžeta finansējuma atbilstību līgumā paredzētajiem mērķiem"];
    public string FundingSection => L["Plānotais un faktiski izlietotais valsts budžeta finansējums sadalījumā pa gadiem"];
    public string BudgetTableSection => L["Finansējuma izlietojums pa budžeta pozīcijām, euro"];
    public string ChartSection => L["Plānotais un faktiskais finansējums pa gadiem un pozīcijām"];
    public string NonCompliant => L["Neatbilstoši veiktie izdevumi"];
    public string Unrecovered => L["Neatgūto līdzekļu apmērs no neatbilstoši veiktajiem izdevumiem"];
    public string OtherInformation => L["Cita informācija"];
    public string Evaluation => L["Vērtējums"];
    public string FindingsSection => L["Pielikums. Portāla konstatētās neatbilstības"];
    public string FindingsIntro => L["Portāls šīs neatbilstības atrada datos automātiski. Tās palīdz sagatavot un pārbaudīt pārskatu; publicējamā kopsavilkumā tās neiekļauj."];
    public string NoFindings => L["Neatbilstības nav atrastas."];
    public string NoResults => L["Rezultāti nav ievadīti."];

    /// <summary>
    /// What stands above a strand's results: the heading the performer typed, or else the strand's
    /// own name, so a report never numbers results without saying whose they are.
    /// </summary>
    public string StrandHeading(ReportLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var heading = string.IsNullOrWhiteSpace(line.ResultsHeading) ? L["Virziens „{0}”", line.Name] : line.ResultsHeading.TrimEnd();
        return heading.EndsWith(':') ? heading : heading + ":";
    }

    /// <summary>"Virzienam „…” rezultāti nav ievadīti.": an empty strand says which strand it is.</summary>
    public string NoResultsFor(ReportLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return L["Virzienam „{0}” rezultāti nav ievadīti.", line.Name];
    }
    public string Page => L["Lapa {0} no {1}"];
    public string Year => L["Gads"];
    public string Line => L["Budžeta pozīcija"];
    public string Planned => L["Plānots"];
    public string CarriedIn => L["Pārcelts no iepr. gada"];
    public string ReallocatedIn => L["Pārdalīts uz"];
    public string ReallocatedOut => L["Pārdalīts no"];
    public string Available => L["Pieejams"];
    public string Actual => L["Faktiski"];
    public string Remaining => L["Atlikums"];
    public string CarriedOut => L["pārskats|Pārcelts tālāk"];
    public string Execution => L["Izpilde"];
    public string Total => L["Kopā"];

    /// <summary>"euro" / "EUR" beside an axis of amounts.</summary>
    public string EuroUnit => L["euro"];
    public string WholePeriod => L["Visā periodā"];
    public string Status => L["Statuss"];
    public string Spending => L["pārskats|Izdevumi"];
    public string Reallocations => L["Pārdales starp pozīcijām"];
    public string Date => L["Datums"];
    public string Description => L["Apraksts"];
    public string Supplier => L["Piegādātājs"];
    public string Document => L["Dokuments"];
    public string Amount => L["Summa"];
    public string From => L["No"];
    public string To => L["Uz"];
    public string Reason => L["Pamatojums"];
    public string Recovered => L["Atgūts"];
    public string Severity => L["Nozīmīgums"];
    public string Finding => L["Konstatējums"];
    public string Error => L["Kļūda"];
    public string Warning => L["Brīdinājums"];

    /// <summary>"(2022. gada 15. jūlijs līdz 2023. gada 14. jūlijs)" after a year's title.</summary>
    public string YearHeading(ReportYear year) => $"{format.YearTitle(year.Number)} ({format.LongPeriod(year.Start, year.End)})";

    /// <summary>"Plānots 49 000,00 euro, t.sk." followed by one line per budget line.</summary>
    public string PlannedLead(ReportYear year) => L["Plānots {0}, t.sk.", format.Euro(year.PlannedCents)];

    public string ActualLead(ReportYear year) => L["Faktiski {0}, t.sk.", format.Euro(year.ActualCents)];

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
        var split = string.Join(L[" un "], parts);
        return L["Atlikums {0} apmērā pārcelts uz nākamo periodu (t.sk. {1}).", format.Euro(year.CarriedOutCents), split];
    }

    public string SeverityName(Domain.Checks.FindingSeverity severity) =>
        severity switch
        {
            Domain.Checks.FindingSeverity.Error => Error,
            Domain.Checks.FindingSeverity.Deviation => Deviation,
            _ => Warning,
        };

    public string Deviation => L["Novirze"];

    public string Explanation => L["Paskaidrojums"];

    /// <summary>"Paskaidrojums (Anna Bērziņa, 04.12.2026. 10:15)" before the text of an explanation.</summary>
    public string ExplanationBy(ReportExplanation explanation)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        var by = L["Paskaidrojums ({0}, {1})", explanation.WrittenByName, Formatting.Display.Timestamp(explanation.WrittenAtUtc)];
        return explanation.AcceptedAtUtc is { } accepted
            ? by + "; " + L["pieņēma {0}, {1}", explanation.AcceptedByName ?? "?", Formatting.Display.Timestamp(accepted)]
            : by;
    }

    public string PastExplanations => L["Paskaidrojumi par novirzēm, kas vairs netiek konstatētas"];

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
    // Issue 13: the template's two non-compliance fields, a line per case.

    /// <summary>"Lēmums Nr. 5-2/17, 12.03.2024." of a non-compliant case, or null when none was recorded.</summary>
    public string? Decision(ReportNonCompliance item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return (item.DecisionReference, item.DecidedOn) switch
        {
            (null, null) => null,
            ({ } reference, null) => L["lēmums {0}", reference],
            (null, { } on) => L["lēmums {0}", format.Date(on)],
            ({ } reference, { } on) => L["lēmums {0}, {1}", reference, format.Date(on)],
        };
    }

    /// <summary>"I. īstenošanas gads: 300,00 euro Telpu noma — degviela bez maršruta lapas (lēmums …)": one case of the first field.</summary>
    public string NonCompliantCase(ReportNonCompliance item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var decision = Decision(item);
        return $"{format.YearName(item.YearNumber)}: {LineAmount(item.AmountCents, item.Line)} — {item.Reason}" + (decision is null ? "" : $" ({decision})");
    }

    /// <summary>"01.04.2024. 150,00 euro (MU Nr. 12)": one repayment.</summary>
    public string RecoveryLine(ReportRecovery recovery)
    {
        ArgumentNullException.ThrowIfNull(recovery);
        return $"{format.Date(recovery.Date)} {format.Euro(recovery.AmountCents)} ({recovery.Reference})";
    }

    /// <summary>
    /// One case of the second field: "I. īstenošanas gads, Telpu noma: neatgūti 100,00 euro no 300,00 euro;
    /// atgūts 200,00 euro (01.04.2024. 150,00 euro (MU 12), …)".
    /// </summary>
    public string UnrecoveredCase(ReportNonCompliance item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var text = L["{0}, {1}: neatgūti {2} no {3}", format.YearName(item.YearNumber), item.Line.Name, format.Euro(item.UnrecoveredCents), format.Euro(item.AmountCents)];
        if (item.RecoveredCents == 0)
        {
            return text;
        }
        var recovered = item.Recoveries.Count > 0
            ? string.Join(", ", item.Recoveries.Select(RecoveryLine))
            : item.RecoveredOn is { } on ? format.Date(on) : null;
        return text + "; " + L["atgūti {0}", format.Euro(item.RecoveredCents)] + (recovered is null ? "" : $" ({recovered})");
    }

    // Issue 13: what the period leaves, per line, in the template's wording; never netted across lines.

    public string ReturnsSection => L["Valsts budžetā atmaksājamais finansējums un pārsniegums"];
    public string UnspentToReturn => L["Atmaksājams valsts budžetā"];
    public string Overspent => L["Pārsniegums"];

    /// <summary>
    /// "Neizlietotais finansējums 120,80 euro apmērā atmaksājams valsts budžetā (t.sk. …)." and, when a line
    /// was overspent, "Izdevumi pārsniedz pieejamo finansējumu par … (t.sk. …)."; each a sentence of its own.
    /// </summary>
    public IReadOnlyList<string> ReturnNotes(SummaryReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var notes = new List<string>();
        var toReturn = report.Returns.Where(r => r.UnspentToReturnCents > 0).Select(r => LineAmount(r.UnspentToReturnCents, r.Line)).ToList();
        notes.Add(toReturn.Count == 0
            ? L["Neizlietotā finansējuma, kas atmaksājams valsts budžetā, nav."]
            : L["Neizlietotais finansējums {0} apmērā atmaksājams valsts budžetā (t.sk. {1}).", format.Euro(report.UnspentToReturnCents), string.Join(L[" un "], toReturn)]);
        var overspent = report.Returns.Where(r => r.OverspentCents > 0).Select(r => LineAmount(r.OverspentCents, r.Line)).ToList();
        if (overspent.Count > 0)
        {
            notes.Add(L["Izdevumi pārsniedz pieejamo finansējumu par {0} (t.sk. {1}).", format.Euro(report.OverspentCents), string.Join(L[" un "], overspent)]);
        }
        return notes;
    }
}
