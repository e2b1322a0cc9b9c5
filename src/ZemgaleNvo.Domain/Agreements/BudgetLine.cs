namespace ZemgaleNvo.Domain.Agreements;

/// <summary>
/// A budget line of an agreement, which is also a strand of its results: money is planned and
/// spent per line, and results are reported per line.
/// </summary>
public class BudgetLine : Entry.IOrdered
{
    public int Id { get; set; }
    public int AgreementId { get; set; }
    public DelegationAgreement? Agreement { get; set; }

    /// <summary>Order on reports (1, 2, …).</summary>
    public int Ordinal { get; set; }

    /// <summary>What the money is for, as the budget table words it ("pilsoniskās sabiedrības attīstībai Zemgales reģionā").</summary>
    public required string Name { get; set; }

    /// <summary>Heading above this strand's results list, where the source has one ("Zemgales reģiona mazākumtautību kapacitātes celšanai:").</summary>
    public string? ResultsHeading { get; set; }

    public List<PlannedAmount> PlannedAmounts { get; set; } = [];
}

/// <summary>The amount planned for one budget line in one implementation year.</summary>
public class PlannedAmount
{
    public int Id { get; set; }
    public int BudgetLineId { get; set; }
    public BudgetLine? BudgetLine { get; set; }
    public int ImplementationYearId { get; set; }
    public ImplementationYear? ImplementationYear { get; set; }
    public long AmountCents { get; set; }
}
