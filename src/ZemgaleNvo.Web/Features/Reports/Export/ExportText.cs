using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Web.Formatting;

namespace ZemgaleNvo.Web.Features.Reports.Export;

/// <summary>
/// Wording the spreadsheet needs beyond <see cref="ReportText"/>: sheet names (at most 31
/// characters, none of <c>[]:*?/\</c>) and the headings of columns the page does not have.
/// </summary>
internal sealed class ExportText(ReportFormat format)
{
    private TextCatalogue L => format.Words;

    public string AgreementSheet => L["Līgums"];
    public string ResultsSheet => L["Rezultāti"];
    public string FundingSheet => L["Finansējums"];
    public string IndicatorsSheet => L["Rādītāji"];
    public string SpendingSheet => L["pārskats|Izdevumi"];
    public string ReallocationsSheet => L["Pārdales"];
    public string NonComplianceSheet => L["izklājlapa|Neatbilstības"];
    public string FindingsSheet => L["Konstatējumi"];

    public string Field => L["Lauks"];
    public string Value => L["Vērtība"];
    public string Title => L["pārskats|Nosaukums"];
    public string Number => L["Līguma numurs"];
    public string Type => L["Līguma veids"];
    public string PeriodStart => L["Perioda sākums"];
    public string PeriodEnd => L["Perioda beigas"];
    public string Start => L["Sākums"];
    public string End => L["Beigas"];
    public string Ordinal => L["Nr."];
    public string Result => L["Rezultāts"];
    public string Indicators => L["Rezultatīvie rādītāji"];
    public string Place => L["Vieta"];
    public string Reference => L["Atsauce"];
    public string RecoveredOn => L["Atgūšanas datums"];
    public string ReturnsSheet => L["izklājlapa|Atmaksājams"];
    public string Decision => L["Lēmums"];
    public string DecidedOn => L["Lēmuma datums"];
    public string Recoveries => L["Atgūšanas"];
    public string RuleCode => L["Pārbaudes kods"];

    public string AgreementType(AgreementType type) => format.AgreementType(type);
}
