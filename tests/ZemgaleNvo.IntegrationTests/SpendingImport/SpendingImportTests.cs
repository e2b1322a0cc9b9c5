using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.SpendingImport;

/// <summary>Spending imported from a spreadsheet: preview with every row's problems, all rows or none.</summary>
public sealed partial class SpendingImportTests(ITestOutputHelper output) : IDisposable
{
    private readonly PortalFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private static readonly string[] TemplateColumns = ["A", "B", "C", "D", "E", "F"];
    private const string Header = "Datums;Apraksts;Piegādātājs;Dokumenta numurs;Summa;Budžeta pozīcija";

    /// <summary>Year III of the demo runs 15.07.2024–14.07.2025.</summary>
    private static string Row(int i, string? date = null, string? amount = null, string? line = null) =>
        $"{date ?? $"{1 + i % 28:00}.10.2024"};\"Rēķins {i}; telpu noma\";SIA Piegādātājs {i};R-{i:0000};{amount ?? $"{i},{i % 100:00}"};{line ?? (i % 2 == 0 ? "1" : "2")}";

    private static byte[] Csv(IEnumerable<string> rows, bool bom = true) =>
        [.. bom ? Encoding.UTF8.GetPreamble() : [], .. Encoding.UTF8.GetBytes(string.Join("\r\n", rows.Prepend(Header)) + "\r\n")];

    private async Task<(HttpClient Client, DemoAgreement Demo)> StaffAsync()
    {
        var demo = await DemoAgreement.LoadAsync(_factory);
        return (await Browser.SignedInClientAsync(_factory, Browser.ZemgaleStaff), demo);
    }

    private static async Task<HttpResponseMessage> PreviewAsync(HttpClient client, DemoAgreement demo, byte[] content, string name)
    {
        var url = $"{demo.Year(3)}/spending/import";
        var token = await Browser.AntiforgeryTokenAsync(client, url);
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var part = new ByteArrayContent(content);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(part, "file", name);
        return await client.PostAsync($"{url}/preview", form);
    }

    /// <summary>Presses "Importēt" on a clean preview: posts the carried file back.</summary>
    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, DemoAgreement demo, string previewHtml)
    {
        var payload = WebUtility.HtmlDecode(PayloadPattern().Match(previewHtml).Groups[1].Value);
        Assert.NotEmpty(payload);
        var token = WebUtility.HtmlDecode(TokenPattern().Match(previewHtml).Groups[1].Value);
        return await client.PostAsync($"{demo.Year(3)}/spending/import", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["payload"] = payload,
            ["fileName"] = "izdevumi.csv",
        }));
    }

    private async Task<int> EntryCountAsync(DemoAgreement demo)
    {
        var yearId = await demo.YearIdAsync(_factory, 3);
        await using var db = _factory.OpenDatabase();
        return await db.SpendingEntries.CountAsync(e => e.ImplementationYearId == yearId);
    }

    [Fact]
    public async Task Fifty_rows_with_three_bad_ones_save_nothing_and_name_each_row_and_column()
    {
        var (client, demo) = await StaffAsync();
        var before = await EntryCountAsync(demo);
        var rows = Enumerable.Range(1, 50).Select(i => i switch
        {
            11 => Row(i, amount: "12,345"),
            26 => Row(i, date: "01.01.2026"),
            41 => Row(i, line: "Degviela"),
            _ => Row(i),
        });

        var preview = await PreviewAsync(client, demo, Csv(rows), "izdevumi.csv");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, preview.StatusCode);
        var html = await preview.Content.ReadAsStringAsync();
        var text = Browser.Text(html);
        // Row numbers as the spreadsheet shows them: the header is row 1.
        Assert.Contains("Rinda 12, kolonna „Summa”: Summā var būt ne vairāk kā divi cipari aiz komata.", text);
        Assert.Contains("Rinda 27, kolonna „Datums”: 01.01.2026. nav šajā īstenošanas gadā", text);
        Assert.Contains("Rinda 42, kolonna „Budžeta pozīcija”: „Degviela” nav šī līguma budžeta pozīcija", text);
        Assert.Contains("failā ir kļūdas (3)", text);
        Assert.Equal(50, Regex.Count(html, "data-testid=\"import-row\""));
        Assert.DoesNotContain("name=\"payload\"", html);
        Assert.Equal(before, await EntryCountAsync(demo));
    }

    [Fact]
    public async Task A_clean_Latvian_Excel_CSV_is_previewed_then_imported_whole()
    {
        var (client, demo) = await StaffAsync();
        var before = await EntryCountAsync(demo);

        var preview = await PreviewAsync(client, demo, Csv(Enumerable.Range(1, 20).Select(i => Row(i)), bom: false), "izdevumi.csv");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Contains("20 ieraksti, kļūdu nav", Browser.Text(html));
        Assert.Equal(before, await EntryCountAsync(demo));

        var import = await ImportAsync(client, demo, html);

        Assert.Equal(HttpStatusCode.Redirect, import.StatusCode);
        Assert.Equal(before + 20, await EntryCountAsync(demo));
        await using var db = _factory.OpenDatabase();
        var seventh = await db.SpendingEntries.SingleAsync(e => e.DocumentNumber == "R-0007");
        Assert.Equal(707, seventh.AmountCents);
        Assert.Equal(new DateOnly(2024, 10, 8), seventh.Date);
        Assert.Equal("Rēķins 7; telpu noma", seventh.Description);
        Assert.Equal(demo.SecondLineId, seventh.BudgetLineId);

        // The same file again: every document number is now taken, so nothing more is saved.
        var again = await ImportAsync(client, demo, html);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Contains("Rinda 2, kolonna „Dokumenta numurs”: dokumenta numurs „R-0001” šajā gadā jau ir ievadīts.", Browser.Text(await again.Content.ReadAsStringAsync()));
        Assert.Equal(before + 20, await EntryCountAsync(demo));
    }

    [Fact]
    public async Task A_document_number_twice_in_the_file_is_named_with_its_first_row()
    {
        var (client, demo) = await StaffAsync();

        var preview = await PreviewAsync(client, demo, Csv([Row(1), Row(2), Row(1)]), "izdevumi.csv");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, preview.StatusCode);
        Assert.Contains("Rinda 4, kolonna „Dokumenta numurs”: dokumenta numurs „R-0001” jau ir rindā 2.", Browser.Text(await preview.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task An_XLSX_with_date_cells_and_numbers_is_imported()
    {
        var (client, demo) = await StaffAsync();
        var before = await EntryCountAsync(demo);

        var preview = await PreviewAsync(client, demo, Xlsx(), "izdevumi.xlsx");
        var html = await preview.Content.ReadAsStringAsync();
        Assert.True(preview.StatusCode == HttpStatusCode.OK, Browser.Text(html));
        var import = await ImportAsync(client, demo, html);

        Assert.Equal(HttpStatusCode.Redirect, import.StatusCode);
        Assert.Equal(before + 2, await EntryCountAsync(demo));
        await using var db = _factory.OpenDatabase();
        var entry = await db.SpendingEntries.SingleAsync(e => e.DocumentNumber == "X-2");
        Assert.Equal(new DateOnly(2024, 11, 30), entry.Date);
        Assert.Equal(123456, entry.AmountCents);
        Assert.Equal(demo.SecondLineId, entry.BudgetLineId);
    }

    [Fact]
    public async Task The_template_is_a_Latvian_CSV_the_import_reads()
    {
        var (client, demo) = await StaffAsync();

        var template = await client.GetAsync($"{demo.Year(3)}/spending/import/template.csv");
        var bytes = await template.Content.ReadAsByteArrayAsync();

        Assert.Equal("attachment", template.Content.Headers.ContentDisposition?.DispositionType);
        Assert.StartsWith(Header, Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await PreviewAsync(client, demo, bytes, "izdevumi-veidne.csv")).StatusCode);
    }

    [Fact]
    public async Task The_XLSX_template_has_the_headings_a_date_cell_and_a_number_and_the_import_reads_it()
    {
        var (client, demo) = await StaffAsync();
        var before = await EntryCountAsync(demo);

        var template = await client.GetAsync($"{demo.Year(3)}/spending/import/template.xlsx");
        var bytes = await template.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", template.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", template.Content.Headers.ContentDisposition?.DispositionType);
        using (var xlsx = new Reports.Export.XlsxReader(bytes))
        {
            var rows = xlsx.Rows(xlsx.SheetNames[0]);
            Assert.Equal(Header, string.Join(';', TemplateColumns.Select(c => Reports.Export.XlsxReader.Text(rows[0], c))));
            // The example: a real date cell (a serial number) and the amount as a number, not text.
            Assert.Equal("45488", Reports.Export.XlsxReader.Text(rows[1], "A"));
            Assert.Equal(120.5m, decimal.Parse(Reports.Export.XlsxReader.Text(rows[1], "E")!, CultureInfo.InvariantCulture));
        }

        var preview = await PreviewAsync(client, demo, bytes, "izdevumi-veidne.xlsx");
        var html = await preview.Content.ReadAsStringAsync();
        Assert.True(preview.StatusCode == HttpStatusCode.OK, Browser.Text(html));
        Assert.Equal(HttpStatusCode.Redirect, (await ImportAsync(client, demo, html)).StatusCode);
        await using var db = _factory.OpenDatabase();
        var entry = await db.SpendingEntries.SingleAsync(e => e.DocumentNumber == "R-2024/17");
        Assert.Equal((new DateOnly(2024, 7, 15), 12050L, demo.FirstLineId), (entry.Date, entry.AmountCents, entry.BudgetLineId));
        Assert.Equal(before + 1, await EntryCountAsync(demo));
    }

    /// <summary>
    /// 2 000 rows previewed and imported; the time goes to the test output (and docs/performance.md),
    /// not into an assertion, since timings on a shared machine are noise.
    /// </summary>
    [Fact]
    public async Task Two_thousand_rows_are_previewed_and_imported()
    {
        var (client, demo) = await StaffAsync();
        var before = await EntryCountAsync(demo);
        var file = Csv(Enumerable.Range(1, 2000).Select(i => Row(i)));

        var clock = Stopwatch.StartNew();
        var preview = await PreviewAsync(client, demo, file, "izdevumi.csv");
        var html = await preview.Content.ReadAsStringAsync();
        var previewed = clock.Elapsed;
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        clock.Restart();
        var import = await ImportAsync(client, demo, html);
        var imported = clock.Elapsed;

        Assert.Equal(HttpStatusCode.Redirect, import.StatusCode);
        Assert.Equal(before + 2000, await EntryCountAsync(demo));
        // The import's audit rows (one per field, written in one go) are complete and the chain still holds.
        await using (var db = _factory.OpenDatabase())
        {
            var entry = await db.SpendingEntries.OrderByDescending(e => e.Id).FirstAsync();
            var fields = await db.AuditEntries.Where(a => a.EntityType == "SpendingEntry" && a.EntityKey == entry.Id.Text()).ToListAsync();
            Assert.Contains(fields, a => a.Field == "AmountCents" && a.NewValue == entry.AmountCents.ToString(CultureInfo.InvariantCulture) && a.UserName == Browser.ZemgaleStaff && a.AgreementId == demo.Id);
            var verification = await ZemgaleNvo.Infrastructure.Data.AuditVerifier.VerifyAsync(db);
            Assert.True(verification.Intact, verification.ToString());
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"2000 rows: preview {previewed.TotalMilliseconds:0} ms, import {imported.TotalMilliseconds:0} ms"));
    }

    private static byte[] Xlsx()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font()), new Fills(new Fill()), new Borders(new Border()),
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            static Cell Text(string reference, string value) => new() { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value)) };
            static Cell Number(string reference, double value, uint style = 0) => new() { CellReference = reference, CellValue = new CellValue(value), StyleIndex = style == 0 ? null : style };
            data.Append(new Row(Header.Split(';').Select((h, i) => Text($"{(char)('A' + i)}1", h))) { RowIndex = 1 });
            data.Append(new Row(Number("A2", new DateTime(2024, 9, 2).ToOADate(), 1), Text("B2", "Kancelejas preces"), Text("C2", "SIA Birojs"), Text("D2", "X-1"), Number("E2", 45.5), Number("F2", 1)) { RowIndex = 2 });
            data.Append(new Row(Number("A3", new DateTime(2024, 11, 30).ToOADate(), 1), Text("B3", "Semināra ēdināšana"), Text("D3", "X-2"), Number("E3", 1234.56), Number("F3", 2)) { RowIndex = 3 });
            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Izdevumi" }));
        }
        return stream.ToArray();
    }

    [GeneratedRegex("name=\"payload\" value=\"([^\"]*)\"")]
    private static partial Regex PayloadPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
