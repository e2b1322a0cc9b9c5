namespace ZemgaleNvo.Domain.Agreements;

/// <summary>One numbered result of a year in one strand ("2) Nodrošināti 8 mācību semināri …").</summary>
public class Activity : IVersioned, ISoftDeletable, Entry.IOrdered
{
    public int Id { get; set; }
    public int ImplementationYearId { get; set; }
    public ImplementationYear? ImplementationYear { get; set; }
    public int BudgetLineId { get; set; }
    public BudgetLine? BudgetLine { get; set; }

    /// <summary>Position in the strand's numbered list, from 1.</summary>
    public int Ordinal { get; set; }

    public required string Text { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public string? Place { get; set; }

    public int Version { get; set; }

    /// <summary>When the performer deleted the result; null while it is on the list.</summary>
    public DateTime? DeletedAtUtc { get; set; }

    public List<Indicator> Indicators { get; set; } = [];
}

public enum IndicatorQualifier
{
    /// <summary>"8 semināri".</summary>
    Exactly,

    /// <summary>"vismaz 4 NVO".</summary>
    AtLeast,

    /// <summary>"vairāk kā 60 konsultācijas".</summary>
    MoreThan,
}

/// <summary>A count an activity reports: 8 seminars, more than 60 consultations, at least 4 NGOs.</summary>
public class Indicator
{
    public int Id { get; set; }
    public int ActivityId { get; set; }
    public Activity? Activity { get; set; }
    public int Count { get; set; }

    /// <summary>What was counted, in the form the text uses ("mācību semināri", "konsultācijas").</summary>
    public required string Unit { get; set; }

    public IndicatorQualifier Qualifier { get; set; }

    /// <summary>
    /// The agreement's performance indicator this count reports on, so it adds up against the
    /// indicator's yearly target; none for a free count that only describes the result.
    /// </summary>
    public int? PerformanceIndicatorId { get; set; }
    public PerformanceIndicator? PerformanceIndicator { get; set; }
}
