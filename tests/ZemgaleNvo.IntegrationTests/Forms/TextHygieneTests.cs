using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.IntegrationTests.Infrastructure;
using ZemgaleNvo.Web.Forms;

namespace ZemgaleNvo.IntegrationTests.Forms;

/// <summary>
/// Issue 17, must-have 7: every free-text field is tidied where it is bound. Control and bidi
/// characters never reach the database; text of only whitespace or zero-width characters is empty
/// (a required field asks for it); a character the report font cannot draw is refused at input with
/// a Latvian message, so the PDF never shows less than the HTML, XLSX and JSON.
/// </summary>
public sealed class TextHygieneTests : IDisposable
{
    private readonly PortalFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private async Task<(HttpClient Client, DemoAgreement Demo)> StaffAsync()
    {
        var demo = await DemoAgreement.LoadAsync(_factory);
        return (await Browser.SignedInClientAsync(_factory, Browser.ZemgaleStaff), demo);
    }

    private static Dictionary<string, string> Entry(int lineId, string description, string supplier) => new()
    {
        ["Form.BudgetLineId"] = lineId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Form.Date"] = "2024-10-01",
        ["Form.Description"] = description,
        ["Form.Supplier"] = supplier,
        ["Form.DocumentNumber"] = "R-2024/17",
        ["Form.Amount"] = "120,50",
        ["Form.Version"] = "0",
    };

    private async Task<int> EntryCountAsync()
    {
        await using var db = _factory.OpenDatabase();
        return await db.SpendingEntries.CountAsync();
    }

    [Fact]
    public async Task Control_and_bidi_characters_are_removed_before_saving_and_Latvian_text_is_kept()
    {
        var (client, demo) = await StaffAsync();

        var response = await Browser.PostFormAsync(client, $"{demo.Year(3)}/spending/new", $"{demo.Year(3)}/spending/new",
            Entry(demo.FirstLineId, "Telpu\u0007 noma\u001B „Ozoliņos”\r\notrā rindā\u2066", "\u202ESIA Piemērs\u202C"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = _factory.OpenDatabase();
        var saved = await db.SpendingEntries.OrderByDescending(e => e.Id).FirstAsync();
        Assert.Equal("Telpu noma „Ozoliņos”\notrā rindā", saved.Description);
        Assert.Equal("SIA Piemērs", saved.Supplier);
        var page = await client.GetStringAsync(demo.Workspace(3));
        Assert.DoesNotContain('\u202E', page);
        Assert.Contains("SIA Piemērs", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\u200B\u200B")]
    [InlineData("\uFEFF \u2060")]
    [InlineData(" \u202E ")]
    public async Task Text_of_only_invisible_characters_counts_as_empty_in_a_required_field(string invisible)
    {
        var (client, demo) = await StaffAsync();
        var before = await EntryCountAsync();

        var response = await Browser.PostFormAsync(client, $"{demo.Year(3)}/spending/new", $"{demo.Year(3)}/spending/new",
            Entry(demo.FirstLineId, invisible, "SIA Piemērs"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Ierakstiet, par ko maksāts.", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Equal(before, await EntryCountAsync());
    }

    [Fact]
    public async Task A_character_the_report_font_cannot_draw_is_refused_with_a_Latvian_message_and_the_form_kept()
    {
        var (client, demo) = await StaffAsync();
        var before = await EntryCountAsync();

        var response = await Browser.PostFormAsync(client, $"{demo.Year(3)}/spending/new", $"{demo.Year(3)}/spending/new",
            Entry(demo.FirstLineId, "Kafijas pauze \U0001F680", "SIA Piemērs"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Šīs rakstzīmes nevar iekļaut PDF pārskatā: „\U0001F680” (U+1F680). Izņemiet vai aizstājiet tās.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Kafijas pauze \U0001F680\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"SIA Piemērs\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await EntryCountAsync());
    }

    [Fact]
    public async Task The_spending_import_refuses_the_same_characters_as_the_forms()
    {
        var (client, demo) = await StaffAsync();
        var url = $"{demo.Year(3)}/spending/import";
        var token = await Browser.AntiforgeryTokenAsync(client, url);
        var csv = "Datums;Apraksts;Piegādātājs;Dokumenta numurs;Summa;Budžeta pozīcija\r\n01.10.2024;Telpu noma;SIA \U0001F680 Raķete;R-1;10,00;1\r\n";
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var part = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(part, "file", "izdevumi.csv");

        var response = await client.PostAsync($"{url}/preview", form);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("rakstzīmes, kuras nevar iekļaut PDF pārskatā: „\U0001F680” (U+1F680).", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public void The_glyph_coverage_is_read_from_the_report_fonts()
    {
        var coverage = _factory.Service<PdfGlyphCoverage>();

        // Latvian letters, the quotes, the euro sign, the no-break space of lv-LV numbers and the
        // smileys DejaVu has are drawn; the rocket, the thumbs-up and CJK are not.
        Assert.Empty(coverage.Undrawable("ĀČĒĢĪĶĻŅŠŪŽ āčēģīķļņšūž „” € 49\u00A0000,00 –\t\n \U0001F600"));
        Assert.Equal([new Rune(0x1F680), new Rune(0x6F22), new Rune(0x1F44D)], coverage.Undrawable("a\U0001F680b漢\U0001F680\U0001F44D"));
    }
}
