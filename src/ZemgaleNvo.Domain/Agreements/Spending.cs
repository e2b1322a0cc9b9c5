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

/// <summary>Expenditure found not to comply with the agreement ("Neatbilstoši veiktie izdevumi") and how much of it came back.</summary>
public class NonCompliantExpenditure : IVersioned
{
    public int Id { get; set; }
    public int ImplementationYearId { get; set; }
    public ImplementationYear? ImplementationYear { get; set; }
    public int BudgetLineId { get; set; }
    public BudgetLine? BudgetLine { get; set; }
    public long AmountCents { get; set; }
    public required string Reason { get; set; }
    public long RecoveredCents { get; set; }
    public DateOnly? RecoveredOn { get; set; }
    public int Version { get; set; }

    /// <summary>"Neatgūto līdzekļu apmērs": what is still owed back.</summary>
    public long UnrecoveredCents => AmountCents - RecoveredCents;
}
