using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Budget;
using ZemgaleNvo.Domain.Checks;

namespace ZemgaleNvo.Domain.Entry;

/// <summary>What one checklist line is about; the web layer words it.</summary>
public enum ChecklistItemKind
{
    /// <summary>A strand with money this year has at least one result.</summary>
    StrandResults,

    /// <summary>A line with money this year has its spending entered (itemised or as a line total).</summary>
    LineSpending,

    /// <summary>The year's remainder is carried over in full (not for the last year, nor when nothing is left).</summary>
    CarryOver,

    /// <summary>The year's description and evaluation of results is written.</summary>
    Evaluation,

    /// <summary>
    /// A consistency finding about the year: an error blocks submitting until the data is fixed, a
    /// deviation until it is explained, a warning never.
    /// </summary>
    Finding,
}

/// <param name="Code">Stable key for pages and tests, e.g. <c>results:12</c>, <c>carry-over</c>.</param>
/// <param name="Done">Whether this part is there (for a deviation: whether it is explained).</param>
/// <param name="Blocking">Whether the year cannot be submitted while this is not done.</param>
/// <param name="BudgetLineId">The line (strand) concerned, if one.</param>
/// <param name="Finding">For <see cref="ChecklistItemKind.Finding"/>: the finding itself.</param>
public sealed record ChecklistItem(
    string Code,
    ChecklistItemKind Kind,
    bool Done,
    bool Blocking,
    int? BudgetLineId = null,
    ConsistencyFinding? Finding = null);

/// <summary>
/// What a year still lacks before it can go to the reviewer: the parts to enter, the errors to fix
/// in the data and the deviations to explain (see <see cref="FindingSeverity"/>). Computed from the loaded agreement
/// (the same graph the reports read) and its consistency findings, so the checklist, the summary
/// and the findings list never disagree.
/// </summary>
public sealed class YearChecklist
{
    private YearChecklist(IReadOnlyList<ChecklistItem> items) => Items = items;

    public IReadOnlyList<ChecklistItem> Items { get; }

    /// <summary>Items not done that stop the year from being submitted.</summary>
    public IEnumerable<ChecklistItem> Missing => Items.Where(i => i.Blocking && !i.Done);

    public bool CanSubmit => !Missing.Any();

    public static YearChecklist For(DelegationAgreement agreement, int yearNumber, IReadOnlyList<ConsistencyFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(findings);
        var year = agreement.Years.Single(y => y.Number == yearNumber);
        var budget = AgreementBudget.Compute(agreement);
        var balance = budget.Years.Single(y => y.YearNumber == yearNumber);
        var items = new List<ChecklistItem>();

        foreach (var line in balance.Lines)
        {
            if (!HasMoney(line))
            {
                continue;
            }
            // Not blocking: a strand can truly have had no activity. The strand-without-results
            // deviation asks for the explanation instead, so the year is never a dead end.
            var hasResults = year.Activities.Exists(a => a.BudgetLineId == line.BudgetLineId);
            items.Add(new ChecklistItem($"results:{line.BudgetLineId}", ChecklistItemKind.StrandResults, hasResults, Blocking: false, line.BudgetLineId));
        }
        foreach (var line in balance.Lines)
        {
            if (!HasMoney(line))
            {
                continue;
            }
            var entered = year.SpendingEntries.Exists(e => e.BudgetLineId == line.BudgetLineId)
                || year.SpendingTotals.Exists(t => t.BudgetLineId == line.BudgetLineId);
            items.Add(new ChecklistItem($"spending:{line.BudgetLineId}", ChecklistItemKind.LineSpending, entered, Blocking: true, line.BudgetLineId));
        }

        var isLastYear = agreement.Years.Max(y => y.Number) == yearNumber;
        if (!isLastYear && balance.RemainingCents > 0)
        {
            items.Add(new ChecklistItem("carry-over", ChecklistItemKind.CarryOver, balance.CarriedOutCents == balance.RemainingCents, Blocking: true));
        }

        items.Add(new ChecklistItem("evaluation", ChecklistItemKind.Evaluation, !string.IsNullOrWhiteSpace(year.EvaluationText), Blocking: true));

        var index = 0;
        foreach (var finding in findings.Where(f => f.YearNumber == yearNumber))
        {
            var (done, blocking) = finding.Severity switch
            {
                // Errors about the ministry's own records are not the performer's to fix.
                FindingSeverity.Error => (false, !ConsistencyRuleCodes.RecordedByMinistry.Contains(finding.RuleCode)),
                FindingSeverity.Deviation => (year.ExplanationOf(finding)?.IsGiven == true, true),
                _ => (false, false),
            };
            items.Add(new ChecklistItem($"finding:{finding.RuleCode}:{index++}", ChecklistItemKind.Finding, done, blocking, finding.BudgetLineId, finding));
        }
        return new YearChecklist(items);
    }

    /// <summary>A line is part of the year when money was planned for it, reached it, or was spent from it.</summary>
    private static bool HasMoney(LineYearBalance line) =>
        line.PlannedCents != 0 || line.AvailableCents != 0 || line.ActualCents != 0;
}
