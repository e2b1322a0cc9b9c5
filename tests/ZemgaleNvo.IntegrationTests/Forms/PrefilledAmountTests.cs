using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Reviews;
using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.Forms;

/// <summary>
/// Every form with an amount, opened and saved without touching anything, in Latvian and in English:
/// the save goes through and the stored cents stay as they were. (In English the forms used to show
/// <c>23,987.03</c> and then refuse it: "Enter the amount as 1 234,56".)
/// </summary>
public sealed partial class PrefilledAmountTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private PortalFactory Factory => portal.Factory;

    public static TheoryData<string, string> FormsAndLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var form in new[] { "line total", "spending entry", "reallocation", "evaluation", "carry-over", "planned amounts" })
        {
            data.Add(form, "lv");
            data.Add(form, "en");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(FormsAndLanguages))]
    public async Task A_form_saved_unchanged_is_accepted_and_keeps_its_amounts(string form, string language)
    {
        var demo = await DemoAgreement.LoadAsync(Factory);
        var (email, url, amounts) = await OpenAsync(form, demo);
        var client = await Browser.SignedInClientAsync(Factory, email);
        await Browser.PostFormAsync(client, "/", "/language", new() { ["culture"] = language, ["returnUrl"] = "/" });
        var before = await amounts();

        var page = await client.GetStringAsync(url);
        var (action, fields, moneyFields) = ReadForm(page);
        var response = await client.PostAsync(action, new FormUrlEncodedContent(fields));

        Assert.Contains($"<html lang=\"{language}\">", page);
        // The form holds an amount of a thousand or more, written with the language's thousands separator.
        Assert.Contains(moneyFields, name => fields[name].Contains(language == "en" ? ',' : '\u00A0', StringComparison.Ordinal));
        var refused = response.StatusCode == HttpStatusCode.Redirect ? "" : Messages(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"{form} ({language}): {(int)response.StatusCode} for {string.Join(", ", moneyFields.Select(n => $"{n}=\"{fields[n]}\""))}. {refused}");
        Assert.DoesNotContain("/account/", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(before, await amounts());
    }

    /// <summary>Who opens the form, where, and the form's amounts as stored (read before and after the save).</summary>
    private async Task<(string Email, string Url, Func<Task<string>> Amounts)> OpenAsync(string form, DemoAgreement demo)
    {
        var yearId = await demo.YearIdAsync(Factory, 3);
        switch (form)
        {
            case "line total":
                return (Browser.ZemgaleStaff, $"{demo.Year(3)}/spending/lines/{demo.FirstLineId}/total", () => StoredAsync(db =>
                    db.SpendingTotals.Where(t => t.ImplementationYearId == yearId).OrderBy(t => t.BudgetLineId).Select(t => t.AmountCents)));
            case "spending entry":
                var entry = await AddAsync(new SpendingEntry
                {
                    ImplementationYearId = yearId, BudgetLineId = demo.FirstLineId, Date = new DateOnly(2024, 10, 1),
                    Description = "Telpu īre semināram", Supplier = "SIA Jelgavas telpas", DocumentNumber = "R-2024/17", AmountCents = 1_234_567_89,
                });
                return (Browser.ZemgaleStaff, $"{demo.Year(3)}/spending/{entry.Id}", () => StoredAsync(db =>
                    db.SpendingEntries.Where(e => e.Id == entry.Id).Select(e => e.AmountCents)));
            case "reallocation":
                var move = await AddAsync(new Reallocation
                {
                    ImplementationYearId = yearId, FromBudgetLineId = demo.FirstLineId, ToBudgetLineId = demo.SecondLineId,
                    AmountCents = 2_500_00, Reason = "Semināru izmaksas mazākas nekā plānots", Reference = "Vēstule Nr. 1-2/34",
                });
                return (Browser.ZemgaleStaff, $"{demo.Year(3)}/reallocations/{move.Id}", () => StoredAsync(db =>
                    db.Reallocations.Where(r => r.Id == move.Id).Select(r => r.AmountCents)));
            case "evaluation":
                return (Browser.ZemgaleStaff, $"{demo.Year(3)}/evaluation", () => StoredAsync(db =>
                    db.ImplementationYears.Where(y => y.Id == yearId).Select(y => y.ReportedActualTotalCents ?? -1)));
            case "carry-over":
                // Year III is the last year (nothing to carry over to): year II, handed back to the performer, has 120,80 and 4 743,73.
                await demo.SetStatusAsync(Factory, 2, ReviewStatus.Returned);
                var secondYearId = await demo.YearIdAsync(Factory, 2);
                return (Browser.ZemgaleStaff, $"{demo.Year(2)}/carry-over", () => StoredAsync(db =>
                    db.CarryOvers.Where(c => c.ImplementationYearId == secondYearId).OrderBy(c => c.BudgetLineId).Select(c => c.AmountCents)));
            case "planned amounts":
                return (Browser.Admin, $"/admin/agreements/{demo.Id}/lines/{demo.FirstLineId}", () => StoredAsync(db =>
                    db.PlannedAmounts.Where(p => p.BudgetLineId == demo.FirstLineId).OrderBy(p => p.ImplementationYearId).Select(p => p.AmountCents)));
            default:
                throw new ArgumentOutOfRangeException(nameof(form), form, "No such form");
        }
    }

    private async Task<T> AddAsync<T>(T entity) where T : class
    {
        await using var db = Factory.OpenDatabase();
        db.Add(entity);
        await db.SaveChangesAsync();
        return entity;
    }

    private async Task<string> StoredAsync(Func<ZemgaleNvo.Infrastructure.Data.AppDbContext, IQueryable<long>> query)
    {
        await using var db = Factory.OpenDatabase();
        var cents = await query(db).ToListAsync();
        Assert.NotEmpty(cents);
        return string.Join(" ", cents);
    }

    /// <summary>The error summary of a refused save (or a conflict's notice).</summary>
    private static string Messages(string html)
    {
        var summary = ErrorSummaryPattern().Match(html);
        return summary.Success ? Browser.Text(summary.Value) : Browser.Text(html)[..Math.Min(400, Browser.Text(html).Length)];
    }

    /// <summary>
    /// The form around the money fields as a browser would send it: its action, every named field with
    /// its value (hidden ones and the antiforgery token included; readonly ones too, as browsers send them),
    /// and the names of its money fields.
    /// </summary>
    private static (string Action, Dictionary<string, string> Fields, List<string> MoneyFields) ReadForm(string html)
    {
        var money = MoneyInputPattern().Match(html);
        Assert.True(money.Success, "No money field on the page");
        var start = html.LastIndexOf("<form", money.Index, StringComparison.Ordinal);
        var end = html.IndexOf("</form>", money.Index, StringComparison.Ordinal);
        var form = html[start..end];
        var action = WebUtility.HtmlDecode(Attribute(FormTagPattern().Match(form).Value, "action") ?? "");
        Assert.False(string.IsNullOrEmpty(action), "The form has no action");

        var fields = new Dictionary<string, string>();
        var moneyFields = new List<string>();
        foreach (Match input in InputPattern().Matches(form))
        {
            var tag = input.Value;
            var name = Attribute(tag, "name");
            var type = Attribute(tag, "type") ?? "text";
            if (name is null || type is "submit" or "button" || Attribute(tag, "disabled") is not null
                || (type is "checkbox" or "radio" && Attribute(tag, "checked") is null))
            {
                continue;
            }
            fields[name] = WebUtility.HtmlDecode(Attribute(tag, "value") ?? (type is "checkbox" or "radio" ? "on" : ""));
            if (Attribute(tag, "data-money") is not null)
            {
                moneyFields.Add(name);
            }
        }
        foreach (Match area in TextAreaPattern().Matches(form))
        {
            // A browser drops the one line break right after <textarea>.
            fields[WebUtility.HtmlDecode(area.Groups["name"].Value)] = WebUtility.HtmlDecode(area.Groups["value"].Value) is var text && text.StartsWith('\n') ? text[1..] : text;
        }
        foreach (Match select in SelectPattern().Matches(form))
        {
            // The selected option, or the first one when none is marked (as a browser does).
            var options = OptionPattern().Matches(select.Groups["options"].Value).Select(o => o.Value).ToList();
            var chosen = options.FirstOrDefault(o => Attribute(o, "selected") is not null) ?? options.FirstOrDefault();
            fields[WebUtility.HtmlDecode(select.Groups["name"].Value)] = WebUtility.HtmlDecode(chosen is null ? "" : Attribute(chosen, "value") ?? "");
        }
        Assert.NotEmpty(moneyFields);
        Assert.Contains("__RequestVerificationToken", fields.Keys);
        return (action, fields, moneyFields);
    }

    /// <summary>An attribute's value ("" when it has none), null when the tag lacks it; read in order, so text inside other attributes' values never counts.</summary>
    private static string? Attribute(string tag, string name) =>
        AttributePattern().Matches(tag).FirstOrDefault(a => a.Groups["name"].Value == name) is { } attribute ? attribute.Groups["value"].Value : null;

    [GeneratedRegex("<div[^>]*id=\"error-summary\".*?</div>", RegexOptions.Singleline)]
    private static partial Regex ErrorSummaryPattern();

    [GeneratedRegex(@"<input[^>]*\sdata-money[\s/>]")]
    private static partial Regex MoneyInputPattern();

    [GeneratedRegex("<form[^>]*>")]
    private static partial Regex FormTagPattern();

    [GeneratedRegex("<input[^>]*>")]
    private static partial Regex InputPattern();

    [GeneratedRegex("<textarea[^>]*?name=\"(?<name>[^\"]+)\"[^>]*>(?<value>[^<]*)</textarea>")]
    private static partial Regex TextAreaPattern();

    [GeneratedRegex("<select[^>]*?name=\"(?<name>[^\"]+)\"[^>]*>(?<options>.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex SelectPattern();

    [GeneratedRegex("<option[^>]*>")]
    private static partial Regex OptionPattern();

    [GeneratedRegex("\\s(?<name>[^\\s=/>]+)(?:=\"(?<value>[^\"]*)\")?")]
    private static partial Regex AttributePattern();
}
