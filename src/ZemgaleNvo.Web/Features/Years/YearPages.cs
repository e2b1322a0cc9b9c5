using System.ComponentModel.DataAnnotations;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Budget;
using ZemgaleNvo.Domain.Entry;
using ZemgaleNvo.Infrastructure.Data.Configurations;
using ZemgaleNvo.Web.Forms;

namespace ZemgaleNvo.Web.Features.Years;

/// <summary>The year's overview: figures, checklist, everything entered so far, and what was deleted (for undo).</summary>
public sealed record WorkspacePage(
    OpenedYear Opened,
    YearBalance Balance,
    YearChecklist Checklist,
    bool CanEdit,
    bool IsLastYear,
    IReadOnlyList<Activity> DeletedResults,
    IReadOnlyList<SpendingEntry> DeletedSpending,
    Review.ReviewPanel Review)
{
    public bool CanSubmit => CanEdit && Checklist.CanSubmit;

    /// <summary>The year's deviations with their explanations (written here, judged by the reviewer).</summary>
    public Explanations.ExplanationsPanel? Explanations { get; init; }

    /// <summary>The carry-over split as the year page edits it in place (issue 13); null when it cannot be edited here.</summary>
    public CarryOverForm? CarryOverForm { get; init; }

    /// <summary>The reviewer asked to approve while deviations are not accepted: the page asks to confirm.</summary>
    public bool ApprovalToConfirm { get; init; }
}

public sealed class EvaluationForm
{
    [StringLength(Limits.LongText, ErrorMessage = "Ne vairāk kā {1} zīmes.")]
    [Display(Name = "Rezultātu apraksts un novērtējums")]
    public string? Text { get; set; }

    /// <summary>
    /// The year's total spend as a document states it ("Faktiski 49 000,00 euro"). Optional: when
    /// empty, the reports use the sum of the lines; when given, a difference is flagged.
    /// </summary>
    [Display(Name = "Faktiskie izdevumi kopā, kā norādīts pārskatā")]
    public string? ReportedTotal { get; set; }

    public int Version { get; set; }
}

/// <remarks>Opened with the reporting graph: the page shows the year's sum of the lines beside the stated total.</remarks>
public sealed record EvaluationPage(OpenedYear Opened, EvaluationForm Form, ConcurrencyConflict? Conflict = null)
{
    public long ActualCents => Opened.Balance().ActualCents;
}

/// <summary>One line of the carry-over split; <see cref="Saved"/> is the amount as it was when the form was opened.</summary>
public sealed class CarryOverRow
{
    public int BudgetLineId { get; set; }
    public string? Amount { get; set; }
    public string? Saved { get; set; }
}

public sealed class CarryOverForm
{
    public List<CarryOverRow> Lines { get; set; } = [];

    /// <summary>
    /// The split as a form starts: nothing decided yet means the remainder of each line; otherwise what
    /// was saved. Used by the carry-over page and the year page alike.
    /// </summary>
    public static CarryOverForm Start(OpenedYear opened, YearBalance balance)
    {
        ArgumentNullException.ThrowIfNull(opened);
        var saved = Saved(opened.Year);
        var start = saved.Count == 0 ? CarryOverPlan.Prefill(balance) : saved;
        return new CarryOverForm
        {
            Lines = opened.Lines.Select(l => new CarryOverRow
            {
                BudgetLineId = l.Id,
                Amount = MoneyField.Prefill(start.GetValueOrDefault(l.Id)),
                Saved = saved.GetValueOrDefault(l.Id).ToString(System.Globalization.CultureInfo.InvariantCulture),
            }).ToList(),
        };
    }

    /// <summary>The split as saved now, per line.</summary>
    public static Dictionary<int, long> Saved(ImplementationYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        return year.CarryOvers.GroupBy(c => c.BudgetLineId).ToDictionary(g => g.Key, g => g.Sum(c => c.AmountCents));
    }
}

public sealed record CarryOverPage(OpenedYear Opened, YearBalance Balance, bool IsLastYear, CarryOverForm Form, ConcurrencyConflict? Conflict = null);
