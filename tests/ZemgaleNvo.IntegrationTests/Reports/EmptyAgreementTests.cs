using System.Net;
using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.Reports;

/// <summary>An agreement set up but with nothing reported yet: the reports show empty sections, not an error.</summary>
public class EmptyAgreementTests
{
    [Fact]
    public async Task An_agreement_with_no_data_yet_gives_a_report_with_empty_sections()
    {
        using var factory = new PortalFactory();
        await factory.CreateClient().GetAsync("/account/login");
        int id;
        await using (var db = factory.OpenDatabase())
        {
            var region = await db.Regions.SingleAsync(r => r.Code == "latgale");
            var performer = await db.Organisations.SingleAsync(o => o.RegionId == region.Id);
            var agreement = new DelegationAgreement
            {
                Title = "Jauns līgums bez datiem",
                TaskText = "Uzdevums Latgales reģionā",
                RegionId = region.Id,
                PerformerId = performer.Id,
                PeriodStart = new DateOnly(2025, 1, 1),
                PeriodEnd = new DateOnly(2026, 12, 31),
            };
            agreement.GenerateYears();
            agreement.BudgetLines.Add(new BudgetLine { Ordinal = 1, Name = "vienīgā pozīcija" });
            db.Agreements.Add(agreement);
            await db.SaveChangesAsync();
            id = agreement.Id;
        }
        var client = await Browser.SignedInClientAsync(factory, Browser.Reviewer);

        var summary = await client.GetAsync($"/agreements/{id}/summary");
        var year = await client.GetAsync($"/agreements/{id}/years/2");

        Assert.Equal(HttpStatusCode.OK, summary.StatusCode);
        Assert.Equal(HttpStatusCode.OK, year.StatusCode);
        var text = Browser.Text(await summary.Content.ReadAsStringAsync());
        // No heading typed and no results: the strand is named above the list and in the "none" line.
        Assert.Contains("Virziens „vienīgā pozīcija”:", text);
        Assert.Contains("Virzienam „vienīgā pozīcija” rezultāti nav ievadīti.", text);
        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(await (await client.GetAsync($"/agreements/{id}/years/1.pdf")).Content.ReadAsByteArrayAsync()))
        {
            var pdfText = string.Join(" ", pdf.GetPages().Select(p => p.Text));
            Assert.Contains("rezultāti nav ievadīti", pdfText.Replace('\u00A0', ' '), StringComparison.Ordinal);
            Assert.Contains("vienīgā pozīcija", pdfText, StringComparison.Ordinal);
        }
        Assert.Contains("Plānots 0,00 euro", text);
        foreach (var download in new[] { "summary.pdf?annex=true", "years/1.pdf", "summary.xlsx", "summary.csv", "summary.json" })
        {
            var response = await client.GetAsync($"/agreements/{id}/{download}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{download}: {response.StatusCode}");
            Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
        }
    }
}
