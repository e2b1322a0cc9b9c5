using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.IntegrationTests.Infrastructure;
using ZemgaleNvo.IntegrationTests.Reports.Export;
using ZemgaleNvo.IntegrationTests.Reports.Pdf;

namespace ZemgaleNvo.IntegrationTests.Reports;

/// <summary>
/// The page, the PDF and the spreadsheet are three renderings of one report model: read all three
/// as a user downloads them and compare the budget table figure for figure.
/// </summary>
public partial class ReportOutputsAgreeTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static readonly string[] Columns = ["planned", "carried-in", "reallocated-in", "reallocated-out", "available", "actual", "remaining", "carried-out"];

    [Fact]
    public async Task Html_pdf_and_xlsx_agree_figure_for_figure()
    {
        await portal.Factory.CreateClient().GetAsync("/account/login");
        int id;
        Dictionary<int, string> lineNames;
        await using (var db = portal.Factory.OpenDatabase())
        {
            id = await db.Agreements.Select(a => a.Id).SingleAsync();
            lineNames = await db.BudgetLines.ToDictionaryAsync(l => l.Ordinal, l => l.Name);
        }
        var client = await Browser.SignedInClientAsync(portal.Factory, Browser.Reviewer);

        var html = await client.GetStringAsync($"/agreements/{id}/summary");
        var pdf = PdfReader.Read(await client.GetByteArrayAsync($"/agreements/{id}/summary.pdf"));
        using var xlsx = new XlsxReader(await client.GetByteArrayAsync($"/agreements/{id}/summary.xlsx"));

        var htmlRows = HtmlBudgetRows(html);
        Assert.Equal(6, htmlRows.Count); // 3 years × 2 lines
        var sheet = xlsx.SheetNames.Single(n => n == "Finansējums");
        var xlsxRows = xlsx.Rows(sheet);
        var pdfText = pdf.Text.Replace('\u00A0', ' ');
        foreach (var ((year, line), figures) in htmlRows)
        {
            var roman = new[] { "", "I", "II", "III" }[year];
            var xlsxRow = xlsxRows.Single(r => XlsxReader.Text(r, "A") == roman && XlsxReader.Text(r, "B") == lineNames[line]);
            for (var c = 0; c < Columns.Length; c++)
            {
                var fromHtml = figures[Columns[c]];
                var fromXlsx = decimal.Parse(XlsxReader.Text(xlsxRow, ((char)('C' + c)).ToString())!, CultureInfo.InvariantCulture);
                Assert.True(fromHtml == fromXlsx, $"Year {roman}, line {line}, {Columns[c]}: HTML {fromHtml}, XLSX {fromXlsx}");
                if (fromHtml != 0)
                {
                    var asText = fromHtml.ToString("#,##0.00", LatvianNumbers);
                    Assert.True(pdfText.Contains(asText, StringComparison.Ordinal), $"Year {roman}, line {line}, {Columns[c]}: {asText} is not in the PDF");
                }
            }
        }
    }

    [Theory]
    [InlineData("summary.pdf", "application/pdf", "kopsavilkums-zemgale-2022-2025.pdf")]
    [InlineData("summary.pdf?annex=true", "application/pdf", "kopsavilkums-zemgale-2022-2025.pdf")]
    [InlineData("years/2.pdf", "application/pdf", null)]
    [InlineData("summary.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "kopsavilkums-zemgale-2022-2025.xlsx")]
    [InlineData("summary.csv", "text/csv", "kopsavilkums-zemgale-2022-2025.csv")]
    [InlineData("summary.json", "application/json", "kopsavilkums-zemgale-2022-2025.json")]
    public async Task Downloads_have_their_type_and_file_name(string path, string contentType, string? fileName)
    {
        var client = await Browser.SignedInClientAsync(portal.Factory, Browser.ZemgaleStaff);

        var response = await client.GetAsync($"/agreements/1/{path}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        if (fileName is not null)
        {
            Assert.Equal(fileName, response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        }
    }

    [Theory]
    [InlineData("summary.pdf")]
    [InlineData("years/1.pdf")]
    [InlineData("summary.xlsx")]
    [InlineData("summary.csv")]
    [InlineData("summary.json")]
    public async Task Another_organisations_staff_cannot_download(string path)
    {
        var client = await Browser.SignedInClientAsync(portal.Factory, Browser.OtherStaff);

        var response = await client.GetAsync($"/agreements/1/{path}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_open_data_json_leaves_the_findings_out_unless_asked()
    {
        var client = await Browser.SignedInClientAsync(portal.Factory, Browser.Reviewer);

        var published = await client.GetStringAsync("/agreements/1/summary.json");
        var withFindings = await client.GetStringAsync("/agreements/1/summary.json?findings=true");

        Assert.DoesNotContain("task-region-mismatch", published);
        Assert.Contains("task-region-mismatch", withFindings);
    }

    [Fact]
    public async Task The_published_pdf_has_no_annex_and_the_reviewers_pdf_has_it()
    {
        var client = await Browser.SignedInClientAsync(portal.Factory, Browser.Reviewer);

        var published = PdfReader.Read(await client.GetByteArrayAsync("/agreements/1/summary.pdf"));
        var forReview = PdfReader.Read(await client.GetByteArrayAsync("/agreements/1/summary.pdf?annex=true"));

        Assert.DoesNotContain("Portāla konstatētās neatbilstības", published.Text);
        Assert.Contains("Portāla konstatētās neatbilstības", forReview.Text);
        Assert.Contains("Kurzemes", forReview.Text[forReview.Text.IndexOf("Portāla konstatētās neatbilstības", StringComparison.Ordinal)..]);
    }

    [Fact]
    public async Task The_pdf_says_its_language()
    {
        var client = await Browser.SignedInClientAsync(portal.Factory, Browser.Reviewer);

        var latvian = await client.GetByteArrayAsync("/agreements/1/summary.pdf");
        await Browser.PostFormAsync(client, "/", "/language", new() { ["culture"] = "en", ["returnUrl"] = "/" });
        var english = await client.GetByteArrayAsync("/agreements/1/years/1.pdf");

        Assert.Equal("lv", Language(latvian));
        Assert.Equal("en", Language(english));
    }

    private static string? Language(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return document.Structure.Catalog.CatalogDictionary.TryGet(UglyToad.PdfPig.Tokens.NameToken.Create("Lang"), out UglyToad.PdfPig.Tokens.StringToken language)
            ? language.Data
            : null;
    }

    private static readonly NumberFormatInfo LatvianNumbers = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = " ", NegativeSign = "-" };

    private static Dictionary<(int Year, int Line), Dictionary<string, decimal>> HtmlBudgetRows(string html) =>
        BudgetRow().Matches(html).ToDictionary(
            m => (int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["line"].Value, CultureInfo.InvariantCulture)),
            m => Cell().Matches(m.Groups["cells"].Value).ToDictionary(
                c => c.Groups["col"].Value,
                c => ParseLatvian(WebUtility.HtmlDecode(c.Groups["value"].Value))));

    private static decimal ParseLatvian(string text) =>
        text.Length == 0 ? 0 : decimal.Parse(text.Replace("\u00A0", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Replace(',', '.').Replace("%", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    [GeneratedRegex("""<tr data-year="(?<year>\d+)" data-line="(?<line>\d+)">(?<cells>.*?)</tr>""", RegexOptions.Singleline)]
    private static partial Regex BudgetRow();

    [GeneratedRegex("""data-col="(?<col>[a-z-]+)">(?<value>[^<]*)<""")]
    private static partial Regex Cell();
}
