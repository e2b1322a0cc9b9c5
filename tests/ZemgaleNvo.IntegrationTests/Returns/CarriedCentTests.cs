using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Organisations;
using ZemgaleNvo.IntegrationTests.Infrastructure;
using ZemgaleNvo.IntegrationTests.Reports.Export;
using ZemgaleNvo.IntegrationTests.Reports.Pdf;

namespace ZemgaleNvo.IntegrationTests.Returns;

/// <summary>
/// Issue 13, 5: a carry-over moves money between years, it is neither spending nor a return. A cent
/// left in year I, carried into II, carried again into III and left there is to be returned: it
/// appears once in the period totals of every output (HTML, PDF, XLSX, CSV, JSON), never as 0,02
/// carried, and one line's unspent money is never netted against another line's overspend.
/// </summary>
public sealed class CarriedCentTests : IDisposable
{
    private const string CentLine = "pilsoniskās sabiedrības attīstībai";
    private const string OverspentLine = "brīvprātīgā darba veicināšanai";

    private readonly PortalFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    /// <summary>Three years; line 1 plans 100,00 a year and leaves one cent, carried I → II → III; line 2 overspends 5,00 in year III.</summary>
    private async Task<int> CentThroughTwoCarryOversAsync()
    {
        _ = _factory.Services;
        await using var db = _factory.OpenDatabase();
        var region = await db.Regions.FirstAsync();
        var performer = await db.Organisations.FirstAsync(o => o.Name == "Biedrība „Zemgales NVO centrs”");
        var agreement = new DelegationAgreement
        {
            Title = "Centa līgums", TaskText = "Centa uzdevums", RegionId = region.Id, PerformerId = performer.Id,
            PeriodStart = new DateOnly(2020, 1, 1), PeriodEnd = new DateOnly(2022, 12, 31),
        };
        agreement.BudgetLines.Add(new BudgetLine { Ordinal = 1, Name = CentLine });
        agreement.BudgetLines.Add(new BudgetLine { Ordinal = 2, Name = OverspentLine });
        agreement.GenerateYears();
        db.Agreements.Add(agreement);
        await db.SaveChangesAsync();
        var (cent, other) = (agreement.BudgetLines[0], agreement.BudgetLines[1]);
        foreach (var year in agreement.Years)
        {
            year.PlannedAmounts.Add(new PlannedAmount { BudgetLineId = cent.Id, AmountCents = 100_00 });
            year.PlannedAmounts.Add(new PlannedAmount { BudgetLineId = other.Id, AmountCents = 50_00 });
            // Year I leaves the cent; II and III spend exactly their plan, so the cent rides along.
            year.SpendingTotals.Add(new SpendingTotal { BudgetLineId = cent.Id, AmountCents = year.Number == 1 ? 99_99 : 100_00 });
            year.SpendingTotals.Add(new SpendingTotal { BudgetLineId = other.Id, AmountCents = year.Number == 3 ? 55_00 : 50_00 });
            if (year.Number < 3)
            {
                year.CarryOvers.Add(new CarryOver { BudgetLineId = cent.Id, AmountCents = 1 });
            }
        }
        await db.SaveChangesAsync();
        return agreement.Id;
    }

    [Fact]
    public async Task The_cent_carried_twice_appears_once_as_money_to_return_in_every_output()
    {
        var id = await CentThroughTwoCarryOversAsync();
        var reviewer = await Browser.SignedInClientAsync(_factory, Browser.Reviewer);
        var summary = $"/agreements/{id}/summary";

        var html = Browser.Text(await reviewer.GetStringAsync(summary));
        Assert.Contains($"Neizlietotais finansējums 0,01 euro apmērā atmaksājams valsts budžetā (t.sk. 0,01 euro {CentLine}).", html);
        Assert.Contains($"Izdevumi pārsniedz pieejamo finansējumu par 5,00 euro (t.sk. 5,00 euro {OverspentLine}).", html);
        Assert.DoesNotContain("0,02", html);

        var yearIII = Browser.Text(await reviewer.GetStringAsync($"/agreements/{id}/years/3"));
        Assert.Contains("Neizlietotais finansējums 0,01 euro apmērā atmaksājams valsts budžetā", yearIII);
        Assert.DoesNotContain("atmaksājams valsts budžetā", Browser.Text(await reviewer.GetStringAsync($"/agreements/{id}/years/2")));

        var pdf = PdfReader.Squeeze(string.Join(" ", PdfReader.Read(await reviewer.GetByteArrayAsync($"{summary}.pdf")).Pages));
        Assert.Contains(PdfReader.Squeeze("Neizlietotais finansējums 0,01 euro apmērā atmaksājams valsts budžetā"), pdf);
        Assert.DoesNotContain("0,02", pdf);
        var yearPdf = PdfReader.Squeeze(string.Join(" ", PdfReader.Read(await reviewer.GetByteArrayAsync($"/agreements/{id}/years/3.pdf")).Pages));
        Assert.Contains(PdfReader.Squeeze("Izdevumi pārsniedz pieejamo finansējumu par 5,00 euro"), yearPdf);

        var csv = Encoding.UTF8.GetString(await reviewer.GetByteArrayAsync($"{summary}.csv"));
        Assert.Contains($"\r\nVisā periodā;{CentLine};300,00;;;;;299,99;;;\r\n", csv);
        Assert.Contains($"\r\nVisā periodā;Kopā;450,00;;;;;454,99;;;\r\n", csv);
        Assert.Contains($"\r\n{CentLine};0,01;0,00\r\n{OverspentLine};0,00;5,00\r\nKopā;0,01;5,00\r\n", csv);
        Assert.DoesNotContain("0,02", csv);

        using var xlsx = new XlsxReader(await reviewer.GetByteArrayAsync($"{summary}.xlsx"));
        var periodRows = xlsx.Rows("Finansējums").Where(r => XlsxReader.Text(r, "A") == "Visā periodā").ToList();
        Assert.Equal(3, periodRows.Count);
        Assert.All(periodRows, r => Assert.False(r.ContainsKey("J") || r.ContainsKey("I")));
        var returns = xlsx.Rows("Atmaksājams").Skip(1).ToList();
        Assert.Equal(0.01m, XlsxReader.Number(returns[0], "B"));
        Assert.Equal(5m, XlsxReader.Number(returns[1], "C"));
        Assert.Equal(0.01m, XlsxReader.Number(returns[2], "B"));

        using var json = JsonDocument.Parse(await reviewer.GetStringAsync($"{summary}.json"));
        var totals = json.RootElement.GetProperty("totals");
        Assert.Equal(0.01m, totals.GetProperty("unspentToReturn").GetDecimal());
        Assert.Equal(5m, totals.GetProperty("overspent").GetDecimal());
        Assert.False(totals.TryGetProperty("carriedOver", out _));
        var line = json.RootElement.GetProperty("lineTotals")[0];
        Assert.Equal(0.01m, line.GetProperty("unspentToReturn").GetDecimal());
        Assert.False(line.TryGetProperty("carriedOut", out _));
    }
}
