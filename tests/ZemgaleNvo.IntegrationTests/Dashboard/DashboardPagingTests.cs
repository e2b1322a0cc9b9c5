using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Organisations;
using ZemgaleNvo.Domain.Reviews;
using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.Dashboard;

/// <summary>
/// Issue 18: the dashboard filters, sorts and pages (50 a page) in the database over kept figures,
/// with totals over the whole filter. One portal with the demo agreement and 61 generated Latgale
/// agreements (2020–2021), each with its own performer, planned and actual amounts; every third
/// one has year I submitted.
/// </summary>
public sealed class DashboardPagingFixture : IAsyncLifetime
{
    public const int Generated = 61;

    public PortalFactory Factory { get; } = new();

    public IReadOnlyList<int> GeneratedIds { get; private set; } = [];

    public static long PlannedPerYearCents(int i) => (i + 1) * 1_000_00L;

    public static long ActualCents(int i) => i * 100_00L;

    public static bool Submitted(int i) => i % 3 == 0;

    public async Task InitializeAsync()
    {
        _ = Factory.Services;
        await using var db = Factory.OpenDatabase();
        var region = await db.Regions.SingleAsync(r => r.Code == "latgale");
        var agreements = new List<DelegationAgreement>();
        for (var i = 0; i < Generated; i++)
        {
            var performer = new Organisation { Name = $"Biedrība „Latgales kopiena {i:000}”", RegionId = region.Id };
            var agreement = new DelegationAgreement
            {
                Title = $"Latgales atbalsts {i:000}",
                TaskText = "Nevalstisko organizāciju atbalsts Latgales reģionā",
                RegionId = region.Id,
                Performer = performer,
                PeriodStart = new DateOnly(2020, 1, 1),
                PeriodEnd = new DateOnly(2021, 12, 31),
            };
            agreement.GenerateYears();
            var line = new BudgetLine { Ordinal = 1, Name = "atbalstam" };
            agreement.BudgetLines.Add(line);
            foreach (var year in agreement.Years)
            {
                year.PlannedAmounts.Add(new PlannedAmount { BudgetLine = line, AmountCents = PlannedPerYearCents(i) });
            }
            var first = agreement.Years.Single(y => y.Number == 1);
            first.SpendingTotals.Add(new SpendingTotal { BudgetLine = line, AmountCents = ActualCents(i) });
            if (Submitted(i))
            {
                first.Status = ReviewStatus.Submitted;
            }
            agreements.Add(agreement);
        }
        db.Agreements.AddRange(agreements);
        await db.SaveChangesAsync();
        GeneratedIds = agreements.Select(a => a.Id).ToList();
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class DashboardPagingTests(DashboardPagingFixture portal) : IClassFixture<DashboardPagingFixture>
{
    private async Task<string> DashboardAsync(string query)
    {
        var client = await Browser.SignedInClientAsync(portal.Factory, Browser.Reviewer);
        return await client.GetStringAsync("/dashboard" + query);
    }

    [Fact]
    public async Task Fifty_agreements_a_page_the_pages_together_list_each_agreement_once_and_the_totals_cover_the_whole_filter()
    {
        var first = await DashboardAsync("?region=latgale");
        var second = await DashboardAsync("?region=latgale&page=2");

        var firstRows = DashboardHtml.RowOrder(first);
        var secondRows = DashboardHtml.RowOrder(second);
        Assert.Equal(50, firstRows.Count);
        Assert.Equal(DashboardPagingFixture.Generated - 50, secondRows.Count);
        Assert.Equal(portal.GeneratedIds.Order(), firstRows.Concat(secondRows).Order());
        Assert.Contains("Lapa 1 no 2", Browser.Text(first));
        Assert.Contains($"Parādīti līgumi: {DashboardPagingFixture.Generated} no {DashboardPagingFixture.Generated + 1}.", Browser.Text(first));

        var planned = Enumerable.Range(0, DashboardPagingFixture.Generated).Sum(i => 2 * DashboardPagingFixture.PlannedPerYearCents(i));
        var actual = Enumerable.Range(0, DashboardPagingFixture.Generated).Sum(DashboardPagingFixture.ActualCents);
        foreach (var page in new[] { first, second })
        {
            Assert.Equal(DashboardHtml.Money(planned), DashboardHtml.Figure(page, "total-planned"));
            Assert.Equal(DashboardHtml.Money(actual), DashboardHtml.Figure(page, "total-actual"));
        }
    }

    [Fact]
    public async Task Sorting_is_applied_before_paging()
    {
        // Performers are numbered 000–060: ascending, page 1 ends with 049 and page 2 starts with 050.
        var first = await DashboardAsync("?region=latgale&sort=performer&dir=asc");
        var second = await DashboardAsync("?region=latgale&sort=performer&dir=asc&page=2");

        Assert.Equal(portal.GeneratedIds.Take(50), DashboardHtml.RowOrder(first));
        Assert.Equal(portal.GeneratedIds.Skip(50), DashboardHtml.RowOrder(second));

        // Execution is actual/planned = 5·i/(i+1) %: it grows with i, several round to the same tenth.
        var byExecution = await DashboardAsync("?region=latgale&sort=execution&dir=desc");
        var byExecutionPage2 = await DashboardAsync("?region=latgale&sort=execution&dir=desc&page=2");
        var shown = Executions(byExecution);
        var shownOnPage2 = Executions(byExecutionPage2);
        Assert.Equal(shown.OrderDescending(), shown);
        Assert.Equal(shownOnPage2.OrderDescending(), shownOnPage2);
        Assert.True(shown[^1] >= shownOnPage2[0]);
        Assert.Equal(portal.GeneratedIds.Order(), DashboardHtml.RowOrder(byExecution).Concat(DashboardHtml.RowOrder(byExecutionPage2)).Order());
    }

    /// <summary>The execution figures of the rows as shown ("4,9 %"), in order.</summary>
    private static List<decimal> Executions(string html) =>
        DashboardHtml.RowOrder(html)
            .Select(id => decimal.Parse(DashboardHtml.Figure(DashboardHtml.Row(html, id), "execution").Replace("%", "", StringComparison.Ordinal).Trim(),
                System.Globalization.CultureInfo.GetCultureInfo("lv-LV")))
            .ToList();

    [Fact]
    public async Task A_filter_selects_the_right_agreements_across_pages_with_their_totals()
    {
        var html = await DashboardAsync("?region=latgale&status=submitted");

        var expected = Enumerable.Range(0, DashboardPagingFixture.Generated).Where(DashboardPagingFixture.Submitted).ToList();
        Assert.Equal(expected.Select(i => portal.GeneratedIds[i]).Order(), DashboardHtml.RowOrder(html).Order());
        Assert.Equal(DashboardHtml.Money(expected.Sum(i => 2 * DashboardPagingFixture.PlannedPerYearCents(i))), DashboardHtml.Figure(html, "total-planned"));
        Assert.DoesNotContain("Lapa 1 no", Browser.Text(html));
    }

    [Fact]
    public async Task Overdue_reports_are_found_by_the_database_from_the_kept_due_dates()
    {
        // Years of 2020 and 2021 still in draft were due long ago; a submitted year I is not overdue, its year II is.
        var html = await DashboardAsync("?region=latgale&due=overdue&page=2");

        Assert.Equal(DashboardPagingFixture.Generated - 50, DashboardHtml.RowOrder(html).Count);
    }

    [Theory]
    [InlineData("?page=abc")]
    [InlineData("?page=0")]
    public async Task A_page_number_it_cannot_use_is_said_and_the_first_page_shown(string query)
    {
        var html = await DashboardAsync(query);

        Assert.Contains("neder; rādīta pirmā lapa", Browser.Text(html));
        Assert.Equal(50, DashboardHtml.RowOrder(html).Count);
    }

    [Fact]
    public async Task A_page_past_the_last_shows_the_last()
    {
        var html = await DashboardAsync("?region=latgale&page=99");

        Assert.Equal(DashboardPagingFixture.Generated - 50, DashboardHtml.RowOrder(html).Count);
        Assert.Contains("Lapa 2 no 2", Browser.Text(html));
    }

    [Fact]
    public async Task A_change_updates_the_kept_figures_in_the_same_save()
    {
        var id = portal.GeneratedIds[7];
        await using (var db = portal.Factory.OpenDatabase())
        {
            var total = await db.SpendingTotals.SingleAsync(t => t.ImplementationYear!.AgreementId == id);
            total.AmountCents += 1_00;
            await db.SaveChangesAsync();
            var kept = await db.Set<ZemgaleNvo.Infrastructure.Data.AgreementFigures>().AsNoTracking().SingleAsync(f => f.AgreementId == id);
            Assert.Equal(DashboardPagingFixture.ActualCents(7) + 1_00, kept.ActualCents);
            total.AmountCents -= 1_00;
            await db.SaveChangesAsync();
        }
    }
}
