using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZemgaleNvo.Domain.Users;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Infrastructure.Identity;
using ZemgaleNvo.Infrastructure.Seeding;
using ZemgaleNvo.IntegrationTests.Infrastructure;
using ZemgaleNvo.IntegrationTests.Reports.Export;

namespace ZemgaleNvo.IntegrationTests.Years;

/// <summary>
/// A portal with one generated big agreement (issue 18, must-have 5), smaller than the load script's
/// 10 years × 2 000 results × 5 000 entries so the suite stays fast, but with strands and lines
/// long enough to be paged on the year page.
/// </summary>
public sealed class BigAgreementFixture : IAsyncLifetime
{
    public static readonly LargeAgreementSize Size = new(Years: 2, Results: 160, SpendingEntries: 400);

    public const string StaffEmail = "liels@nvo.example.lv";

    public PortalFactory Factory { get; } = new();

    public int AgreementId { get; private set; }

    public async Task InitializeAsync()
    {
        AgreementId = await Generate(Size);
        var result = await Factory.Service<UserAdministration>().AddAsync(StaffEmail, Roles.NgoStaff, Browser.Password, LargeAgreementGenerator.PerformerName, "Lielā līguma darbinieks");
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
    }

    public async Task<int> Generate(LargeAgreementSize size)
    {
        using var scope = Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<LargeAgreementGenerator>().GenerateAsync(size);
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }
}

public sealed partial class BigAgreementTests(BigAgreementFixture big) : IClassFixture<BigAgreementFixture>
{
    private int Id => big.AgreementId;

    [Fact]
    public async Task The_generated_agreement_has_the_asked_size_and_its_kept_figures_and_audit_agree_with_it()
    {
        await using var db = big.Factory.OpenDatabase();
        var agreement = await db.Agreements.SingleAsync(a => a.Id == Id);
        Assert.Equal(BigAgreementFixture.Size.Years, await db.ImplementationYears.CountAsync(y => y.AgreementId == Id));
        Assert.Equal(BigAgreementFixture.Size.Results, await db.Activities.CountAsync(a => a.ImplementationYear!.AgreementId == Id));
        Assert.Equal(BigAgreementFixture.Size.SpendingEntries, await db.SpendingEntries.CountAsync(e => e.ImplementationYear!.AgreementId == Id));
        Assert.True(await db.Indicators.CountAsync(i => i.Activity!.ImplementationYear!.AgreementId == Id && i.PerformanceIndicatorId != null) > 0);

        // Saved as the portal saves: the dashboard's kept figures are at the agreement's stamp and add up the entries.
        var figures = await db.Set<AgreementFigures>().SingleAsync(f => f.AgreementId == Id);
        Assert.Equal(agreement.DataStamp, figures.Stamp);
        Assert.Equal(await db.SpendingEntries.Where(e => e.ImplementationYear!.AgreementId == Id).SumAsync(e => e.AmountCents), figures.ActualCents);
        Assert.Equal(BigAgreementFixture.Size.Years, await db.Set<YearFigures>().CountAsync(f => f.AgreementId == Id));
        Assert.True(await db.AuditEntries.CountAsync(e => e.AgreementId == Id) > BigAgreementFixture.Size.SpendingEntries);
    }

    [Fact]
    public async Task The_same_size_and_seed_generate_the_same_agreement_again()
    {
        var again = await big.Generate(BigAgreementFixture.Size);

        await using var db = big.Factory.OpenDatabase();
        Assert.Equal(await ContentAsync(db, Id), await ContentAsync(db, again));
    }

    private static async Task<List<string>> ContentAsync(AppDbContext db, int agreementId) =>
        (await db.SpendingEntries.Where(e => e.ImplementationYear!.AgreementId == agreementId)
            .OrderBy(e => e.Id).Select(e => $"{e.ImplementationYear!.Number} {e.BudgetLine!.Ordinal} {e.Date} {e.Description} {e.AmountCents}").ToListAsync())
        .Concat(await db.Activities.Where(a => a.ImplementationYear!.AgreementId == agreementId)
            .OrderBy(a => a.Id).Select(a => $"{a.ImplementationYear!.Number} {a.BudgetLine!.Ordinal} {a.Ordinal} {a.Text} {a.StartDate}").ToListAsync())
        .ToList();

    [Fact]
    public async Task The_year_page_entry_page_summary_its_pdf_and_xlsx_all_answer()
    {
        var client = await Browser.SignedInClientAsync(big.Factory, Browser.Reviewer);
        var (first, last) = await FirstAndLastResultAsync();

        foreach (var page in new[] { "years/1", "years/2/entry", "summary" })
        {
            var response = await client.GetAsync($"/agreements/{Id}/{page}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page}: {response.StatusCode}");
        }
        var summary = Browser.Text(await client.GetStringAsync($"/agreements/{Id}/summary"));
        Assert.Contains(first, summary);
        Assert.Contains(last, summary);

        var pdf = await client.GetAsync($"/agreements/{Id}/summary.pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        using (var document = UglyToad.PdfPig.PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync()))
        {
            var text = string.Join(" ", document.GetPages().Select(p => p.Text));
            Assert.Contains(first, text, StringComparison.Ordinal);
            Assert.Contains(last, text, StringComparison.Ordinal);
        }

        var xlsx = await client.GetAsync($"/agreements/{Id}/summary.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var workbook = new XlsxReader(await xlsx.Content.ReadAsByteArrayAsync());
        var cells = workbook.SheetNames.SelectMany(workbook.Rows).SelectMany(r => r.Values).Select(XlsxReader.Text).ToList();
        Assert.Contains(cells, c => c?.Contains(last, StringComparison.Ordinal) == true);
    }

    /// <summary>The generated texts end in their place ("(1.1.1)": year, line, number): the first and the last result of the agreement.</summary>
    private async Task<(string First, string Last)> FirstAndLastResultAsync()
    {
        await using var db = big.Factory.OpenDatabase();
        var markers = await db.Activities.Where(a => a.ImplementationYear!.AgreementId == Id)
            .OrderBy(a => a.ImplementationYear!.Number).ThenBy(a => a.BudgetLine!.Ordinal).ThenBy(a => a.Ordinal)
            .Select(a => a.Text).ToListAsync();
        return (Marker(markers[0]), Marker(markers[^1]));
    }

    private static string Marker(string text) => MarkerPattern().Match(text).Value;

    [GeneratedRegex(@"\(\d+\.\d+\.\d+\)$")]
    private static partial Regex MarkerPattern();

    [Fact]
    public async Task The_entry_page_shows_a_page_of_each_long_list_and_its_links_reach_the_last_entry()
    {
        var client = await Browser.SignedInClientAsync(big.Factory, Browser.Reviewer);
        await using var db = big.Factory.OpenDatabase();
        var year = await db.ImplementationYears.SingleAsync(y => y.AgreementId == Id && y.Number == 1);
        var lines = await db.BudgetLines.CountAsync(l => l.AgreementId == Id);
        var longest = (await db.SpendingEntries.Where(e => e.ImplementationYearId == year.Id).GroupBy(e => e.BudgetLineId)
            .Select(g => new { Line = g.Key, Count = g.Count() }).ToListAsync()).MaxBy(g => g.Count)!;
        Assert.True(longest.Count > 2 * ZemgaleNvo.Web.Features.Years.EntryPaging.Size, "the fixture needs a line of more than two pages");
        var lastEntry = (await db.SpendingEntries.Where(e => e.ImplementationYearId == year.Id && e.BudgetLineId == longest.Line).ToListAsync())
            .OrderBy(e => e.Date).ThenBy(e => e.Id).Last();
        var url = $"/agreements/{Id}/years/1/entry";

        var html = await client.GetStringAsync(url);

        // At most one page of every list: 25 rows a strand and a line, whatever the year holds.
        var size = ZemgaleNvo.Web.Features.Years.EntryPaging.Size;
        Assert.InRange(Count(html, "data-testid=\"result\""), 1, lines * size);
        Assert.InRange(Count(html, "data-testid=\"spending-entry\""), 1, lines * size);
        Assert.DoesNotContain($"id=\"spending-entry-{lastEntry.Id}\"", html);
        Assert.Contains($"Rādīti 1–{size} no {longest.Count}", Browser.Text(html));

        // Following "next page" of that line, link after link, as a keyboard user would, ends on its last entry.
        var pages = 1;
        while (NextPageLink(html, $"spending-{longest.Line}") is { } next)
        {
            Assert.EndsWith($"#spending-{longest.Line}", next);
            html = await client.GetStringAsync(next);
            pages++;
            Assert.True(pages <= longest.Count, "the next-page links do not end");
        }
        Assert.Equal((longest.Count + size - 1) / size, pages);
        Assert.Contains($"id=\"spending-entry-{lastEntry.Id}\"", html);
        Assert.Contains($"Rādīti {(pages - 1) * size + 1}–{longest.Count} no {longest.Count}", Browser.Text(html));
    }

    [Fact]
    public async Task A_paged_strand_numbers_on_across_its_pages_and_keeps_the_other_lists_pages()
    {
        var client = await Browser.SignedInClientAsync(big.Factory, Browser.Reviewer);
        await using var db = big.Factory.OpenDatabase();
        var year = await db.ImplementationYears.SingleAsync(y => y.AgreementId == Id && y.Number == 1);
        var strand = (await db.Activities.Where(a => a.ImplementationYearId == year.Id).ToListAsync())
            .GroupBy(a => a.BudgetLineId).MaxBy(g => g.Count())!.OrderBy(a => a.Ordinal).ToList();
        var other = await db.SpendingEntries.Where(e => e.ImplementationYearId == year.Id).Select(e => e.BudgetLineId).FirstAsync();
        var size = ZemgaleNvo.Web.Features.Years.EntryPaging.Size;

        var html = await client.GetStringAsync($"/agreements/{Id}/years/1/entry?spending-{other}=2&results-{strand[0].BudgetLineId}=2");

        var second = strand[size];
        Assert.Contains($"id=\"result-{second.Id}\"", html);
        Assert.DoesNotContain($"id=\"result-{strand[0].Id}\"", html);
        Assert.Matches(new Regex($"id=\"result-{second.Id}\"[^>]*>\\s*<span class=\"result-number\">{size + 1}\\.</span>"), html);
        // The strand's links keep the other list on its page.
        Assert.Contains(LinksOf(html, $"strand-{strand[0].BudgetLineId}"), link => link.Contains($"spending-{other}=2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_spending_entry_added_to_a_long_line_brings_the_staff_member_to_the_page_that_holds_it()
    {
        var client = await Browser.SignedInClientAsync(big.Factory, BigAgreementFixture.StaffEmail);
        await using var db = big.Factory.OpenDatabase();
        var year = await db.ImplementationYears.SingleAsync(y => y.AgreementId == Id && y.Number == 2);
        var line = (await db.SpendingEntries.Where(e => e.ImplementationYearId == year.Id).GroupBy(e => e.BudgetLineId)
            .Select(g => new { Line = g.Key, Count = g.Count() }).ToListAsync()).MaxBy(g => g.Count)!;
        var size = ZemgaleNvo.Web.Features.Years.EntryPaging.Size;
        var form = $"/agreements/{Id}/years/2/spending/new";

        var response = await Browser.PostFormAsync(client, form, form, new()
        {
            ["Form.BudgetLineId"] = line.Line.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.Date"] = year.EndDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Form.Description"] = "Gada pēdējais izdevums",
            ["Form.Amount"] = "12,34",
            ["Form.Version"] = "0",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var lastPage = line.Count / size + 1; // one more entry, dated last
        Assert.Equal($"/agreements/{Id}/years/2/entry?spending-{line.Line}={lastPage}#spending-{line.Line}", response.Headers.Location!.OriginalString);
        var page = await client.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Gada pēdējais izdevums", page);
    }

    private static int Count(string html, string what) => Regex.Count(html, Regex.Escape(what));

    private static string? NextPageLink(string html, string list)
    {
        var pager = Regex.Match(html, $"<nav[^>]*data-list=\"{Regex.Escape(list)}\"[^>]*>(.*?)</nav>", RegexOptions.Singleline);
        var next = Regex.Match(pager.Groups[1].Value, "<a class=\"page-link\" rel=\"next\" href=\"([^\"]+)\"");
        return next.Success ? WebUtility.HtmlDecode(next.Groups[1].Value) : null;
    }

    private static IEnumerable<string> LinksOf(string html, string anchor) =>
        Regex.Matches(html, "href=\"([^\"]+)\"").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Where(h => h.EndsWith("#" + anchor, StringComparison.Ordinal));
}
