using System.Net;
using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Budget;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.Agreements;

/// <summary>The demo data is the seed document entered faithfully: its figures, read back from the database and from the page.</summary>
public class DemoDataTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private async Task<DelegationAgreement> LoadAgreementAsync()
    {
        await portal.Factory.CreateClient().GetAsync("/account/login"); // start the app: migrate and seed
        await using var db = portal.Factory.OpenDatabase();
        return await db.Agreements.WithReportingGraph().SingleAsync();
    }

    [Fact]
    public async Task Budget_totals_equal_the_seed_document()
    {
        var agreement = await LoadAgreementAsync();
        var budget = AgreementBudget.Compute(agreement);
        var civil = agreement.BudgetLines.Single(l => l.Ordinal == 1).Id;
        var minority = agreement.BudgetLines.Single(l => l.Ordinal == 2).Id;

        Assert.Equal(147_000_00, budget.PlannedCents);
        Assert.Equal(142_135_47, budget.ActualCents);
        Assert.Equal(4_864_53, budget.CarriedOverCents);
        Assert.Equal(120_80, budget.Years[1].Line(civil)!.CarriedOutCents);
        Assert.Equal(4_743_73, budget.Years[1].Line(minority)!.CarriedOutCents);
        Assert.Equal([49_000_00, 44_135_47, 49_000_00], budget.Years.Select(y => y.ActualCents));
        Assert.Equal([30_000_00, 36_785_82, 23_987_03], budget.Years.Select(y => y.Line(civil)!.ActualCents));
        Assert.Equal([19_000_00, 7_349_65, 25_012_97], budget.Years.Select(y => y.Line(minority)!.ActualCents));
        Assert.Equal(90_772_85, budget.LineTotals.Single(t => t.BudgetLineId == civil).ActualCents);
        Assert.Equal(51_362_62, budget.LineTotals.Single(t => t.BudgetLineId == minority).ActualCents);
        Assert.Equal([49_000_00L, 44_135_47L, 49_000_00L], agreement.Years.OrderBy(y => y.Number).Select(y => y.ReportedActualTotalCents!.Value));
    }

    [Fact]
    public async Task Agreement_facts_are_as_the_document_states_them()
    {
        var agreement = await LoadAgreementAsync();

        Assert.Equal("Zemgales reģions", agreement.Region!.Name);
        Assert.Equal("Biedrība „Zemgales NVO centrs”", agreement.Performer!.Name);
        Assert.Equal(new DateOnly(2022, 7, 15), agreement.PeriodStart);
        Assert.Equal(new DateOnly(2025, 7, 14), agreement.PeriodEnd);
        Assert.EndsWith("līdzdalības veicināšanas jomā Kurzemes reģionā", agreement.TaskText, StringComparison.Ordinal); // kept as written
        Assert.Null(agreement.OtherInformation); // "Nav"
        Assert.All(agreement.Years, y => Assert.Empty(y.NonCompliantExpenditures)); // "Nav"
        Assert.Equal(
            [(new DateOnly(2022, 7, 15), new DateOnly(2023, 7, 14)), (new DateOnly(2023, 7, 15), new DateOnly(2024, 7, 14)), (new DateOnly(2024, 7, 15), new DateOnly(2025, 7, 14))],
            agreement.Years.OrderBy(y => y.Number).Select(y => (y.StartDate, y.EndDate)));
    }

    [Fact]
    public async Task Every_result_line_is_there_per_year_and_strand_8_4_7_3_8_4()
    {
        var agreement = await LoadAgreementAsync();

        var counts = agreement.Years.OrderBy(y => y.Number)
            .SelectMany(y => agreement.BudgetLines.OrderBy(l => l.Ordinal).Select(l => y.Activities.Count(a => a.BudgetLineId == l.Id)))
            .ToList();

        Assert.Equal([8, 4, 7, 3, 8, 4], counts);
        Assert.All(agreement.Years.SelectMany(y => y.Activities).GroupBy(a => (a.ImplementationYearId, a.BudgetLineId)),
            strand => Assert.Equal(Enumerable.Range(1, strand.Count()), strand.Select(a => a.Ordinal).Order()));
    }

    [Fact]
    public async Task Indicator_counts_and_qualifiers_are_entered()
    {
        var agreement = await LoadAgreementAsync();
        var indicators = agreement.Years.SelectMany(y => y.Activities.SelectMany(a => a.Indicators.Select(i => (Year: y.Number, a.Text, i.Count, i.Qualifier)))).ToList();

        Assert.Contains(indicators, i => i.Year == 1 && i.Count == 60 && i.Qualifier == IndicatorQualifier.MoreThan && i.Text.Contains("vairāk kā 60 konsultācijas", StringComparison.Ordinal));
        Assert.Contains(indicators, i => i.Year == 1 && i.Count == 4 && i.Qualifier == IndicatorQualifier.AtLeast);
        Assert.Contains(indicators, i => i.Year == 2 && i.Count == 62 && i.Qualifier == IndicatorQualifier.Exactly);
        Assert.Contains(indicators, i => i.Year == 2 && i.Count == 12 && i.Text.Contains("12 mācību semināri / darbnīcas", StringComparison.Ordinal));
        Assert.Contains(indicators, i => i.Year == 3 && i.Count == 12 && i.Text.Contains("Īstenoti 12 mazākumtautību kultūras pasākumi", StringComparison.Ordinal));
        // Every count an indicator records appears in its own result text.
        Assert.All(indicators, i => Assert.Contains(i.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), i.Text.Replace("divās", "2", StringComparison.Ordinal), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_agreement_page_shows_the_seed_totals_in_Latvian_form()
    {
        var agreement = await LoadAgreementAsync();
        var client = await Browser.SignedInClientAsync(portal.Factory, Browser.Reviewer);

        var response = await client.GetAsync($"/agreements/{agreement.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Browser.Text(await response.Content.ReadAsStringAsync());
        foreach (var figure in new[] { "147 000,00", "142 135,47", "4 864,53", "44 135,47", "36 785,82", "7 349,65", "23 987,03", "25 012,97", "120,80", "4 743,73", "90 772,85", "51 362,62" })
        {
            Assert.Contains(figure, text);
        }
        Assert.Contains("15.07.2022.–14.07.2025.", text);
        Assert.Contains("III. īstenošanas gads", text);
    }
}
