using System.Net;
using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.Admin;

/// <summary>Organisations and regions: create, edit, unique names, numbers and codes, and no delete while history refers to them.</summary>
public sealed class OrganisationAndRegionTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private PortalFactory Factory => portal.Factory;

    private async Task<int> RegionIdAsync(string code = "zemgale")
    {
        await using var db = Factory.OpenDatabase();
        return await db.Regions.Where(r => r.Code == code).Select(r => r.Id).SingleAsync();
    }

    private async Task<Dictionary<string, string>> OrganisationAsync(string name, string number = "") => new()
    {
        ["Form.Name"] = name,
        ["Form.RegistrationNumber"] = number,
        ["Form.RegionId"] = (await RegionIdAsync()).Text(),
        ["Form.Version"] = "0",
    };

    private static Dictionary<string, string> Region(string name, string stem, string code) => new()
    {
        ["Form.Name"] = name,
        ["Form.NameStem"] = stem,
        ["Form.Code"] = code,
        ["Form.Version"] = "0",
    };

    [Fact]
    public async Task An_organisation_is_created_listed_edited_and_deleted_while_unused()
    {
        var admin = await AdminBrowser.AdminClientAsync(Factory);

        var created = await Browser.PostFormAsync(admin, "/admin/organisations/new", "/admin/organisations/new", await OrganisationAsync("Biedrība „Jelgavas jaunieši”", "4000 8123 456"));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains("Biedrība „Jelgavas jaunieši”", Browser.Text(await admin.GetStringAsync("/admin/organisations")));
        int id;
        await using (var db = Factory.OpenDatabase())
        {
            var organisation = await db.Organisations.SingleAsync(o => o.Name == "Biedrība „Jelgavas jaunieši”");
            Assert.Equal("40008123456", organisation.RegistrationNumber);
            id = organisation.Id;
        }

        var edit = await OrganisationAsync("Biedrība „Jelgavas jaunatne”", "40008123456");
        var edited = await Browser.PostFormAsync(admin, $"/admin/organisations/{id}", $"/admin/organisations/{id}", edit);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);

        var deleted = await Browser.PostFormAsync(admin, $"/admin/organisations/{id}", $"/admin/organisations/{id}/delete", []);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        await using (var db = Factory.OpenDatabase())
        {
            Assert.False(await db.Organisations.AnyAsync(o => o.Id == id));
            // The trail keeps the organisation's whole life: created, renamed, deleted.
            var key = id.Text();
            var actions = await db.AuditEntries.Where(e => e.EntityType == "Organisation" && e.EntityKey == key).Select(e => e.Action).Distinct().ToListAsync();
            Assert.Equal(3, actions.Count);
        }
    }

    [Theory]
    [InlineData("1234", "Reģistrācijas numurā jābūt 11 cipariem, piemēram, 40008123456.")]
    [InlineData("4000812345A", "Reģistrācijas numurā jābūt 11 cipariem, piemēram, 40008123456.")]
    public async Task A_registration_number_that_is_not_11_digits_is_refused(string number, string message)
    {
        var admin = await AdminBrowser.AdminClientAsync(Factory);

        var response = await Browser.PostFormAsync(admin, "/admin/organisations/new", "/admin/organisations/new", await OrganisationAsync("Biedrība „Nepareizais numurs”", number));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, Browser.Text(html));
        Assert.Contains($"value=\"{number}\"", html);
        Assert.Contains("value=\"Biedrība „Nepareizais numurs”\"", html);
    }

    [Fact]
    public async Task Duplicate_organisation_names_and_numbers_are_refused()
    {
        var admin = await AdminBrowser.AdminClientAsync(Factory);
        await Browser.PostFormAsync(admin, "/admin/organisations/new", "/admin/organisations/new", await OrganisationAsync("Biedrība „Pirmā”", "40008000001"));

        var sameNumber = await Browser.PostFormAsync(admin, "/admin/organisations/new", "/admin/organisations/new", await OrganisationAsync("Biedrība „Otrā”", "40008000001"));
        var sameName = await Browser.PostFormAsync(admin, "/admin/organisations/new", "/admin/organisations/new", await OrganisationAsync("biedrība „pirmā”"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, sameNumber.StatusCode);
        Assert.Contains("Organizācija ar šo reģistrācijas numuru jau ir.", Browser.Text(await sameNumber.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, sameName.StatusCode);
        Assert.Contains("Organizācija ar šādu nosaukumu jau ir.", Browser.Text(await sameName.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task An_organisation_with_agreements_or_users_is_not_deleted()
    {
        var admin = await AdminBrowser.AdminClientAsync(Factory);
        var id = await AdminBrowser.OrganisationIdAsync(Factory);

        var response = await Browser.PostFormAsync(admin, $"/admin/organisations/{id}", $"/admin/organisations/{id}/delete", []);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Organizāciju dzēst nevar: uz to atsaucas līgumi (1) un lietotāji (1)", Browser.Text(await response.Content.ReadAsStringAsync()));
        await using var db = Factory.OpenDatabase();
        Assert.True(await db.Organisations.AnyAsync(o => o.Id == id));
    }

    [Fact]
    public async Task A_stale_organisation_form_is_refused_with_the_difference()
    {
        var admin = await AdminBrowser.AdminClientAsync(Factory);
        await Browser.PostFormAsync(admin, "/admin/organisations/new", "/admin/organisations/new", await OrganisationAsync("Biedrība „Divi labotāji”"));
        int id;
        await using (var db = Factory.OpenDatabase())
        {
            id = await db.Organisations.Where(o => o.Name == "Biedrība „Divi labotāji”").Select(o => o.Id).SingleAsync();
        }
        Assert.Equal(HttpStatusCode.Redirect, (await Browser.PostFormAsync(admin, $"/admin/organisations/{id}", $"/admin/organisations/{id}", await OrganisationAsync("Biedrība „Pirmais labojums”"))).StatusCode);

        // Still version 0: the page was opened before the first save.
        var stale = await Browser.PostFormAsync(admin, $"/admin/organisations/{id}", $"/admin/organisations/{id}", await OrganisationAsync("Biedrība „Otrais labojums”"));

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var text = Browser.Text(await stale.Content.ReadAsStringAsync());
        Assert.Contains("Kamēr jūs labojāt, šo ierakstu saglabāja kāds cits.", text);
        Assert.Contains("Biedrība „Pirmais labojums”", text);
    }

    [Fact]
    public async Task A_region_is_created_and_its_code_must_be_ascii_lowercase_and_unique()
    {
        var admin = await AdminBrowser.AdminClientAsync(Factory);

        var created = await Browser.PostFormAsync(admin, "/admin/regions/new", "/admin/regions/new", Region("Sēlijas reģions", "Sēlijas", "selija"));
        var badCode = await Browser.PostFormAsync(admin, "/admin/regions/new", "/admin/regions/new", Region("Augšzemes reģions", "Augšzemes", "Augšzeme"));
        var takenCode = await Browser.PostFormAsync(admin, "/admin/regions/new", "/admin/regions/new", Region("Cits reģions", "Cits", "zemgale"));
        var badStem = await Browser.PostFormAsync(admin, "/admin/regions/new", "/admin/regions/new", Region("Lībiešu krasts", "Kurzemes", "libiesi"));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains("Sēlijas reģions", Browser.Text(await admin.GetStringAsync("/admin/regions")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badCode.StatusCode);
        var badCodeHtml = await badCode.Content.ReadAsStringAsync();
        Assert.Contains("Kodā drīkst būt tikai mazie latīņu burti", Browser.Text(badCodeHtml));
        Assert.Contains("value=\"Augšzeme\"", badCodeHtml);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, takenCode.StatusCode);
        Assert.Contains("Reģions ar šo kodu jau ir.", Browser.Text(await takenCode.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badStem.StatusCode);
        Assert.Contains("Saknei jābūt nosaukuma daļai", Browser.Text(await badStem.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_region_in_use_is_not_deleted_and_an_unused_one_is()
    {
        var admin = await AdminBrowser.AdminClientAsync(Factory);
        var zemgale = await RegionIdAsync();
        await Browser.PostFormAsync(admin, "/admin/regions/new", "/admin/regions/new", Region("Tukšais reģions", "Tukšais", "tuksais"));
        var unused = await RegionIdAsync("tuksais");

        var refused = await Browser.PostFormAsync(admin, $"/admin/regions/{zemgale}", $"/admin/regions/{zemgale}/delete", []);
        var deleted = await Browser.PostFormAsync(admin, $"/admin/regions/{unused}", $"/admin/regions/{unused}/delete", []);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Reģionu dzēst nevar: uz to atsaucas līgumi", Browser.Text(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        await using var db = Factory.OpenDatabase();
        Assert.True(await db.Regions.AnyAsync(r => r.Id == zemgale));
        Assert.False(await db.Regions.AnyAsync(r => r.Id == unused));
    }
}
