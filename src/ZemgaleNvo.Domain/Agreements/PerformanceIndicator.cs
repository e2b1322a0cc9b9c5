namespace ZemgaleNvo.Domain.Agreements;

/// <summary>
/// One of the agreement's performance indicators (rezultatīvais rādītājs): the quality criteria the
/// State Administration Structure Law (Art. 46) requires a delegation agreement to set, such as
/// "vismaz 8 mācību semināri" a year. The admin defines it with a target per implementation year
/// (some years may have none); the performer's result counts that name it add up to what was
/// achieved (<see cref="IndicatorProgress"/>).
/// </summary>
public class PerformanceIndicator : IVersioned, Entry.IOrdered
{
    /// <summary>Largest target or count the forms take: far above any real yearly figure, below overflow.</summary>
    public const int MaxTarget = 1_000_000;

    public int Id { get; set; }
    public int AgreementId { get; set; }
    public DelegationAgreement? Agreement { get; set; }

    /// <summary>Order on the admin screen and in the reports (1, 2, …).</summary>
    public int Ordinal { get; set; }

    /// <summary>What is measured, as the agreement words it ("Mācību semināri NVO pārstāvjiem").</summary>
    public required string Name { get; set; }

    /// <summary>What one counts ("semināri", "konsultācijas").</summary>
    public required string Unit { get; set; }

    /// <summary>How the targets are meant: exactly, at least ("vismaz 4"), more than ("vairāk kā 60").</summary>
    public IndicatorQualifier Qualifier { get; set; } = IndicatorQualifier.AtLeast;

    public int Version { get; set; }

    public List<IndicatorTarget> Targets { get; set; } = [];
}

/// <summary>An indicator's target for one implementation year. A year without a row has no target.</summary>
public class IndicatorTarget
{
    public int Id { get; set; }
    public int PerformanceIndicatorId { get; set; }
    public PerformanceIndicator? PerformanceIndicator { get; set; }

    /// <summary>The year the target is for; approved years freeze it like the rest of the year's data.</summary>
    public int ImplementationYearId { get; set; }
    public ImplementationYear? ImplementationYear { get; set; }

    public int Count { get; set; }
}
