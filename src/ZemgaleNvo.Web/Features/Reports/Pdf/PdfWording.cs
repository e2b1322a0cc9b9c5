using ZemgaleNvo.Web.Formatting;

namespace ZemgaleNvo.Web.Features.Reports.Pdf;

/// <summary>The few phrases only the PDF reports use, beside the shared <see cref="ReportText"/>.</summary>
internal sealed class PdfWording(ReportFormat format)
{
    private TextCatalogue L => format.Words;

    public string ImplementationYear => L["Īstenošanas gads"];

    public string Indicators => L["Rādītāji"];

    public string When => L["pārskats|Laiks"];

    public string Place => L["Vieta"];

    public string Reference => L["Saskaņojums"];

    public string Measure => L["pārskats|Rādītājs"];

    public string NoReallocationColumns => L["Pārdales starp budžeta pozīcijām nav reģistrētas, tāpēc to kolonnas tabulās nav parādītas."];

    /// <summary>A table header short enough for an amount column ("Neatgūto līdzekļu apmērs …" is the row label elsewhere).</summary>
    public string NotRecovered => L["Neatgūts"];

    public string TotalAllLines => L["Kopā visās budžeta pozīcijās"];

    /// <summary>"Budžeta pozīcija 1: pilsoniskās …" over that line's table.</summary>
    public string LineCaption(ReportLine line) => L["{0}. budžeta pozīcija: {1}", line.Ordinal, line.Name];
}
