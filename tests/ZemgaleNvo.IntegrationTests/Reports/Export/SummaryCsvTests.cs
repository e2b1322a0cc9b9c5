using System.Text;
using Microsoft.VisualBasic.FileIO;
using ZemgaleNvo.IntegrationTests.Infrastructure;
using ZemgaleNvo.Web.Features.Reports;
using ZemgaleNvo.Web.Features.Reports.Export;
using ZemgaleNvo.Web.Formatting;

namespace ZemgaleNvo.IntegrationTests.Reports.Export;

/// <summary>The budget table as CSV for Latvian Excel, read back with an independent CSV parser.</summary>
public class SummaryCsvTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    private static string Decode(byte[] csv)
    {
        Assert.Equal(Utf8Bom, csv.Take(3));
        return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(csv, 3, csv.Length - 3);
    }

    /// <summary>Parsed by the framework's own TextFieldParser (quotes, doubled quotes, line breaks inside quotes).</summary>
    private static List<string[]> Parse(string csv)
    {
        using var parser = new TextFieldParser(new StringReader(csv))
        {
            TextFieldType = FieldType.Delimited,
            HasFieldsEnclosedInQuotes = true,
            TrimWhiteSpace = false,
        };
        parser.SetDelimiters(";");
        var records = new List<string[]>();
        while (!parser.EndOfData)
        {
            records.Add(parser.ReadFields()!);
        }
        return records;
    }

    /// <summary>The budget table: the records before the first empty line (the returns and non-compliance tables follow it, issue 13).</summary>
    private static string BudgetBlock(string csv)
    {
        var end = csv.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return end < 0 ? csv : csv[..(end + 2)];
    }

    [Fact]
    public async Task Starts_with_the_BOM_and_has_Latvian_headings_semicolons_and_CRLF()
    {
        var text = Decode(SummaryCsv.Render(await ExportTestData.DemoReportAsync(portal.Factory), ReportFormat.Latvian));

        Assert.StartsWith("Gads;Budžeta pozīcija;Plānots;Pārcelts no iepr. gada;Pārdalīts uz;Pārdalīts no;Pieejams;Faktiski;Atlikums;Pārcelts tālāk;Izpilde, %\r\n", text, StringComparison.Ordinal);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', text.Replace("\r\n", "", StringComparison.Ordinal));
        Assert.DoesNotContain('\r', text.Replace("\r\n", "", StringComparison.Ordinal));
        Assert.DoesNotContain('\u00A0', text); // no thousands separator of any kind
    }

    [Fact]
    public async Task Has_every_year_and_line_row_and_the_totals_with_decimal_commas()
    {
        var records = Parse(BudgetBlock(Decode(SummaryCsv.Render(await ExportTestData.DemoReportAsync(portal.Factory), ReportFormat.Latvian))));
        Assert.All(records, r => Assert.Equal(11, r.Length));
        var body = records.Skip(1).ToList();
        Assert.Equal(12, body.Count); // 3 years × (2 lines + total) + 2 period lines + grand total
        string[] Row(string year, string line) => body.Single(r => r[0] == year && r[1] == line);
        foreach (var year in new[] { "I", "II", "III" })
        {
            Assert.Equal("30000,00", Row(year, ExportTestData.CivilLine)[2]);
            Assert.Equal("19000,00", Row(year, ExportTestData.MinorityLine)[2]);
            Assert.Equal("49000,00", Row(year, "Kopā")[2]);
        }

        Assert.Equal(["I", ExportTestData.CivilLine, "30000,00", "0,00", "0,00", "0,00", "30000,00", "30000,00", "0,00", "0,00", "100,0"], Row("I", ExportTestData.CivilLine));
        Assert.Equal(["II", ExportTestData.CivilLine, "30000,00", "0,00", "0,00", "0,00", "30000,00", "36785,82", "-6785,82", "120,80", "122,6"], Row("II", ExportTestData.CivilLine));
        Assert.Equal("7349,65", Row("II", ExportTestData.MinorityLine)[7]);
        Assert.Equal("4743,73", Row("II", ExportTestData.MinorityLine)[9]);
        Assert.Equal(["II", "Kopā", "49000,00", "0,00", "", "", "49000,00", "44135,47", "4864,53", "4864,53", "90,1"], Row("II", "Kopā"));
        Assert.Equal("23987,03", Row("III", ExportTestData.CivilLine)[7]);
        Assert.Equal("25012,97", Row("III", ExportTestData.MinorityLine)[7]);
        // Issue 13: the whole period carries nothing (a carry-over moves money between years) and its
        // remainder is not netted across lines: what it leaves is the returns table below.
        Assert.Equal(["Visā periodā", ExportTestData.CivilLine, "90000,00", "", "", "", "", "90772,85", "", "", ""], Row("Visā periodā", ExportTestData.CivilLine));
        Assert.Equal(["Visā periodā", "Kopā", "147000,00", "", "", "", "", "142135,47", "", "", ""], Row("Visā periodā", "Kopā"));
    }

    [Fact]
    public async Task After_the_budget_table_come_the_money_to_return_and_the_overspend_per_line_never_netted()
    {
        var text = Decode(SummaryCsv.Render(await ExportTestData.DemoReportAsync(portal.Factory), ReportFormat.Latvian));

        Assert.Contains("\r\n\r\nBudžeta pozīcija;Atmaksājams valsts budžetā;Pārsniegums\r\n"
            + $"{ExportTestData.CivilLine};6133,77;0,00\r\n"
            + $"{ExportTestData.MinorityLine};0,00;1269,24\r\n"
            + "Kopā;6133,77;1269,24\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("4864,53\r\n", text[text.IndexOf("\r\n\r\n", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task English_rendering_changes_the_words_not_the_number_form()
    {
        var records = Parse(BudgetBlock(Decode(SummaryCsv.Render(await ExportTestData.DemoReportAsync(portal.Factory), ReportFormat.EnglishFormat))));
        Assert.Equal("Year", records[0][0]);
        Assert.Equal("Planned", records[0][2]);
        Assert.Equal("142135,47", records.Single(r => r[0] == "Whole period" && r[1] == "Total")[7]);
    }

    [Fact]
    public void A_field_with_a_semicolon_quotes_or_a_line_break_is_quoted_and_reads_back_whole()
    {
        const string name = "pozīcija; \"Zemgale\"\notrā rinda";
        var text = Decode(SummaryCsv.Render(ExportTestData.MadeUp(name), ReportFormat.Latvian));

        Assert.Contains(";\"pozīcija; \"\"Zemgale\"\"\notrā rinda\";1000,00;", text, StringComparison.Ordinal);
        var records = Parse(text);
        Assert.Equal(name, records[1][1]);
        Assert.Equal(["I", name, "1000,00", "0,00", "50,00", "0,00", "1050,00", "123,45", "926,55", "0,00", "11,8"], records[1]);
        Assert.Equal("otrā pozīcija", records[2][1]); // plain text stays unquoted
        Assert.Contains("\r\nI;otrā pozīcija;500,00;", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_would_start_a_formula_is_defused()
    {
        var records = Parse(Decode(SummaryCsv.Render(ExportTestData.MadeUp("=HYPERLINK(\"http://x\")"), ReportFormat.Latvian)));
        Assert.Equal("'=HYPERLINK(\"http://x\")", records[1][1]);
        Assert.Equal("-123,45", SummaryCsv.Amount(-123_45)); // numbers keep their sign
    }

    [Fact]
    public async Task Csv_and_spreadsheet_carry_the_same_figures()
    {
        var report = await ExportTestData.DemoReportAsync(portal.Factory);
        var csv = Parse(BudgetBlock(Decode(SummaryCsv.Render(report, ReportFormat.Latvian)))).Skip(1).ToList();
        using var xlsx = new XlsxReader(SummaryXlsx.Render(report, ReportFormat.Latvian));
        var sheet = xlsx.Rows("Finansējums").Skip(1).ToList();
        Assert.Equal(csv.Count, sheet.Count);
        for (var r = 0; r < csv.Count; r++)
        {
            for (var c = 0; c < 11; c++)
            {
                var column = "ABCDEFGHIJK"[c].ToString();
                var expected = c < 2 ? XlsxReader.Text(sheet[r], column)
                    : sheet[r].ContainsKey(column) ? XlsxReader.Number(sheet[r], column).ToString(c == 10 ? "0.0" : "0.00", System.Globalization.CultureInfo.InvariantCulture).Replace('.', ',') : "";
                Assert.Equal(expected, csv[r][c]);
            }
        }
    }
}
