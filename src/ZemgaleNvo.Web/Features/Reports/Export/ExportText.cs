using ZemgaleNvo.Domain.Agreements;

namespace ZemgaleNvo.Web.Features.Reports.Export;

/// <summary>
/// Wording the spreadsheet needs beyond <see cref="ReportText"/>: sheet names (at most 31
/// characters, none of <c>[]:*?/\</c>) and the headings of columns the page does not have.
/// </summary>
internal sealed class ExportText(ReportFormat format)
{
    private bool Lv => format.IsLatvian;

    public string AgreementSheet => Lv ? "Līgums" : "Agreement";
    public string ResultsSheet => Lv ? "Rezultāti" : "Results";
    public string FundingSheet => Lv ? "Finansējums" : "Funding";
    public string SpendingSheet => Lv ? "Izdevumi" : "Expenditure";
    public string ReallocationsSheet => Lv ? "Pārdales" : "Reallocations";
    public string NonComplianceSheet => Lv ? "Neatbilstības" : "Non-compliance";
    public string FindingsSheet => Lv ? "Konstatējumi" : "Findings";

    public string Field => Lv ? "Lauks" : "Field";
    public string Value => Lv ? "Vērtība" : "Value";
    public string Title => Lv ? "Nosaukums" : "Title";
    public string Number => Lv ? "Līguma numurs" : "Agreement number";
    public string Type => Lv ? "Līguma veids" : "Type of agreement";
    public string PeriodStart => Lv ? "Perioda sākums" : "Period start";
    public string PeriodEnd => Lv ? "Perioda beigas" : "Period end";
    public string Start => Lv ? "Sākums" : "Start";
    public string End => Lv ? "Beigas" : "End";
    public string Ordinal => Lv ? "Nr." : "No.";
    public string Result => Lv ? "Rezultāts" : "Result";
    public string Indicators => Lv ? "Rezultatīvie rādītāji" : "Indicators";
    public string Place => Lv ? "Vieta" : "Place";
    public string Reference => Lv ? "Atsauce" : "Reference";
    public string RecoveredOn => Lv ? "Atgūšanas datums" : "Recovered on";
    public string RuleCode => Lv ? "Pārbaudes kods" : "Rule code";

    public string AgreementType(AgreementType type) => format.AgreementType(type);
}
