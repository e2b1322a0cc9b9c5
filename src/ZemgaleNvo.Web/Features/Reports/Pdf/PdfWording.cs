namespace ZemgaleNvo.Web.Features.Reports.Pdf;

/// <summary>The few phrases only the PDF reports use, beside the shared <see cref="ReportText"/>.</summary>
internal sealed class PdfWording(ReportFormat format)
{
    private bool Lv => format.IsLatvian;

    public string ImplementationYear => Lv ? "Īstenošanas gads" : "Implementation year";

    public string Indicators => Lv ? "Rādītāji" : "Indicators";

    public string When => Lv ? "Laiks" : "Date";

    public string Place => Lv ? "Vieta" : "Place";

    public string Reference => Lv ? "Saskaņojums" : "Approval";

    public string Measure => Lv ? "Rādītājs" : "Figure";

    public string NoReallocationColumns => Lv
        ? "Pārdales starp budžeta pozīcijām nav reģistrētas, tāpēc to kolonnas tabulās nav parādītas."
        : "No reallocations between budget lines are recorded, so the tables leave their columns out.";

    /// <summary>A table header short enough for an amount column ("Neatgūto līdzekļu apmērs …" is the row label elsewhere).</summary>
    public string NotRecovered => Lv ? "Neatgūts" : "Not recovered";

    public string TotalAllLines => Lv ? "Kopā visās budžeta pozīcijās" : "Total of all budget lines";

    /// <summary>"Budžeta pozīcija 1: pilsoniskās …" over that line's table.</summary>
    public string LineCaption(ReportLine line) => Lv
        ? $"{line.Ordinal}. budžeta pozīcija: {line.Name}"
        : $"Budget line {line.Ordinal}: {line.Name}";
}
