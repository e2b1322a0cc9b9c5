using System.Text;
using ZemgaleNvo.Web.Features.Reports.Export;
using ZemgaleNvo.Web.Features.Years;

namespace ZemgaleNvo.Web.Features.SpendingImport;

/// <summary>
/// The file to start from: the import's column headings (in the rules' own words, so the import
/// reads them back) and one example row dated at the year's start, as CSV or as XLSX. The XLSX has a
/// real date cell and a number cell for the amount, as the accountant's own Excel sheet would.
/// </summary>
internal static class SpendingTemplate
{
    private const string ExampleDescription = "Telpu noma semināram";
    private const string ExampleSupplier = "SIA Piemērs";
    private const string ExampleDocument = "R-2024/17";
    /// <summary>120,50 euro: the CSV writes it "120,50", the XLSX as the number 120.5.</summary>
    private const long ExampleCents = 120_50;

    public static byte[] Csv(SpendingImportRules rules, OpenedYear opened)
    {
        var header = string.Join(';', Enum.GetValues<ImportColumn>().Select(rules.ColumnName));
        var example = string.Join(';',
            Formatting.Display.Date(opened.Year.StartDate), ExampleDescription, ExampleSupplier, ExampleDocument, "120,50", "1");
        // The BOM makes Excel read the Latvian letters as UTF-8.
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(header + "\r\n" + example + "\r\n")];
    }

    public static byte[] Xlsx(SpendingImportRules rules, OpenedYear opened, string sheetName)
    {
        var sheet = new XlsxSheet(sheetName, [12, 40, 30, 18, 14, 40])
            .Header(Enum.GetValues<ImportColumn>().Select(rules.ColumnName));
        sheet.Row(
            XlsxCell.Date(opened.Year.StartDate),
            XlsxCell.Of(ExampleDescription),
            XlsxCell.Of(ExampleSupplier),
            XlsxCell.Of(ExampleDocument),
            XlsxCell.Money(ExampleCents),
            XlsxCell.Integer(1));
        return XlsxWorkbook.Write([sheet]);
    }
}
