namespace ZemgaleNvo.Domain.Agreements;

/// <summary>One itemised expense of a budget line in a year (an invoice, a payroll line, …).</summary>
public class SpendingEntry : IVersioned, ISoftDeletable
{
    public int Id { get; set; }
    public int ImplementationYearId { get; set; }
    public ImplementationYear? ImplementationYear { get; set; }
    public int BudgetLineId { get; set; }
    public BudgetLine? BudgetLine { get; set; }
    public DateOnly Date { get; set; }
    public required string Description { get; set; }
    public string? Supplier { get; set; }
    public string? DocumentNumber { get; set; }
    public long AmountCents { get; set; }
    public int Version { get; set; }

    /// <summary>When the performer deleted the entry; null while it counts.</summary>
    public DateTime? DeletedAtUtc { get; set; }
}

/// <summary>
/// A line's actual spend for a year reported as one figure, for performers (and old documents) that
/// do not itemise. When itemised entries exist for the same line and year, their sum wins.
/// </summary>
public class SpendingTotal : IVersioned
{
    public int Id { get; set; }
    public int ImplementationYearId { get; set; }
    public ImplementationYear? ImplementationYear { get; set; }
    public int BudgetLineId { get; set; }
    public BudgetLine? BudgetLine { get; set; }
    public long AmountCents { get; set; }
    public int Version { get; set; }
}

/// <summary>Money moved from one budget line to another within a year, with the ministry's consent.</summary>
public class Reallocation : IVersioned
{
    public int Id { get; set; }
    public int ImplementationYearId { get; set; }
    public ImplementationYear? ImplementationYear { get; set; }
    public int FromBudgetLineId { get; set; }
    public BudgetLine? FromBudgetLine { get; set; }
    public int ToBudgetLineId { get; set; }
    public BudgetLine? ToBudgetLine { get; set; }
    public long AmountCents { get; set; }
    public required string Reason { get; set; }

    /// <summary>The letter or decision that allowed the move.</summary>
    public string? Reference { get; set; }

    public int Version { get; set; }
}

/// <summary>Unspent money of a line carried from this year into the next ("Atlikums pārcelts uz nākamo periodu").</summary>
public class CarryOver : IVersioned
{
    public int Id { get; set; }

    /// <summary>The year the money comes from; it goes into the year that follows.</summary>
    public int ImplementationYearId { get; set; }
    public ImplementationYear? ImplementationYear { get; set; }
    public int BudgetLineId { get; set; }
    public BudgetLine? BudgetLine { get; set; }
    public long AmountCents { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// Expenditure found not to comply with the agreement ("Neatbilstoši veiktie izdevumi"), recorded by a
/// reviewer from the ministry's supervision (its decision and date), and how much of it came back.
/// It is the ministry's finding, not part of the performer's report: it may be recorded after the
/// year is approved, and the frozen year report stays as it was approved.
/// </summary>
public class NonCompliantExpenditure : IVersioned
{
    public int Id { get; set; }
    public int ImplementationYearId { get; set; }
    public ImplementationYear? ImplementationYear { get; set; }
    public int BudgetLineId { get; set; }
    public BudgetLine? BudgetLine { get; set; }
    public long AmountCents { get; set; }
    public required string Reason { get; set; }

    /// <summary>The ministry's decision or supervision report that found the expenditure non-compliant.</summary>
    public string? DecisionReference { get; set; }

    /// <summary>The date of that decision; a recovery cannot precede it.</summary>
    public DateOnly? DecidedOn { get; set; }

    /// <summary>Who recorded the finding in the portal (the audit trail keeps every change too).</summary>
    public string? RecordedByName { get; set; }

    /// <summary>
    /// The total recovered so far. Kept in step with <see cref="Recoveries"/> by <see cref="Recover"/>;
    /// stored, because figures taken over from earlier paper reports carry a recovered total without
    /// itemised recoveries.
    /// </summary>
    public long RecoveredCents { get; set; }

    /// <summary>The date of the latest recovery.</summary>
    public DateOnly? RecoveredOn { get; set; }

    public List<NonCompliantRecovery> Recoveries { get; set; } = [];

    public int Version { get; set; }

    /// <summary>"Neatgūto līdzekļu apmērs": what is still owed back.</summary>
    public long UnrecoveredCents => AmountCents - RecoveredCents;

    /// <summary>
    /// Records money that came back. Refused (nothing changes) when the amount is not positive, when it
    /// would bring the recovered total above the non-compliant amount, when the date is after
    /// <paramref name="today"/> or before the finding's decision.
    /// </summary>
    public RecoveryRefusal? Recover(long amountCents, DateOnly date, string reference, DateOnly today)
    {
        if (amountCents <= 0)
        {
            return RecoveryRefusal.NotPositive;
        }
        if (amountCents > UnrecoveredCents)
        {
            return RecoveryRefusal.AboveUnrecovered;
        }
        if (date > today)
        {
            return RecoveryRefusal.InFuture;
        }
        if (DecidedOn is { } decided && date < decided)
        {
            return RecoveryRefusal.BeforeFinding;
        }
        Recoveries.Add(new NonCompliantRecovery
        {
            NonCompliantExpenditure = this,
            ImplementationYearId = ImplementationYearId,
            AmountCents = amountCents,
            Date = date,
            Reference = reference,
        });
        RecoveredCents += amountCents;
        RecoveredOn = RecoveredOn is { } latest && latest > date ? latest : date;
        return null;
    }

    /// <summary>
    /// Only a finding nothing has been recovered against may be deleted: a recovery is money that
    /// came back and must stay recorded against what it was recovered for.
    /// </summary>
    public bool CanBeDeleted => RecoveredCents == 0 && Recoveries.Count == 0;

    /// <summary>
    /// Corrects what the reviewer recorded (a typing error, a decision amended). Refused (nothing
    /// changes) when the amount would be below what was already recovered, or the decision would be
    /// dated after a recovery made against it.
    /// </summary>
    public CorrectionRefusal? Correct(int budgetLineId, long amountCents, string reason, string? decisionReference, DateOnly? decidedOn)
    {
        if (amountCents < RecoveredCents)
        {
            return CorrectionRefusal.BelowRecovered;
        }
        if (decidedOn is { } decided && Recoveries.Count > 0 && Recoveries.Min(r => r.Date) < decided)
        {
            return CorrectionRefusal.DecidedAfterRecovery;
        }
        BudgetLineId = budgetLineId;
        AmountCents = amountCents;
        Reason = reason;
        DecisionReference = decisionReference;
        DecidedOn = decidedOn;
        return null;
    }
}

/// <summary>Why a correction of a non-compliant expenditure was not made.</summary>
public enum CorrectionRefusal
{
    /// <summary>The amount would be below what has already come back.</summary>
    BelowRecovered,

    /// <summary>The decision would be dated after a recovery made against it.</summary>
    DecidedAfterRecovery,
}

/// <summary>Why a recovery was not recorded.</summary>
public enum RecoveryRefusal
{
    NotPositive,
    AboveUnrecovered,
    InFuture,
    BeforeFinding,
}

/// <summary>Money the performer returned against one non-compliant expenditure ("atgūts"): amount, date, reference.</summary>
public class NonCompliantRecovery : IVersioned
{
    public int Id { get; set; }
    public int NonCompliantExpenditureId { get; set; }
    public NonCompliantExpenditure? NonCompliantExpenditure { get; set; }

    /// <summary>The year of the expenditure, so the organisation filter and the audit trail reach the recovery like any record of a year.</summary>
    public int ImplementationYearId { get; set; }
    public ImplementationYear? ImplementationYear { get; set; }

    public long AmountCents { get; set; }
    public DateOnly Date { get; set; }

    /// <summary>The payment order or bank statement that shows the money back.</summary>
    public required string Reference { get; set; }

    public int Version { get; set; }
}
