using ZemgaleNvo.Domain.Organisations;
using ZemgaleNvo.Domain.Periods;
using ZemgaleNvo.Domain.Reviews;

namespace ZemgaleNvo.Domain.Agreements;

public enum AgreementType
{
    /// <summary>Deleģēšanas līgums.</summary>
    Delegation,

    /// <summary>Līdzdarbības līgums.</summary>
    Participation,
}

/// <summary>
/// A delegation (or participation) agreement: a ministry hands a public-administration task to a
/// performer organisation in one region for a period split into implementation years.
/// </summary>
public class DelegationAgreement : IVersioned
{
    public int Id { get; set; }
    public AgreementType Type { get; set; }

    /// <summary>The agreement's registration number; not stated in every source document.</summary>
    public string? Number { get; set; }

    public DateOnly? SignedOn { get; set; }
    public string? DelegatingAuthority { get; set; }

    /// <summary>Short title: the subject as the summary's heading states it.</summary>
    public required string Title { get; set; }

    /// <summary>The public-administration task, word for word as the agreement has it.</summary>
    public required string TaskText { get; set; }

    public int RegionId { get; set; }
    public Region? Region { get; set; }

    public int PerformerId { get; set; }
    public Organisation? Performer { get; set; }

    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }

    /// <summary>"Cita informācija": empty means there is none ("Nav").</summary>
    public string? OtherInformation { get; set; }

    /// <summary>Review status of the whole-period summary (Kopsavilkums).</summary>
    public ReviewStatus SummaryStatus { get; set; } = ReviewStatus.Draft;

    /// <summary>Days after an implementation year ends that its report is due (the agreement's clause on regular reports).</summary>
    public int YearReportDueDays { get; set; } = ReportingSchedule.DefaultYearReportDays;

    /// <summary>Days after the agreement ends that the whole-period summary is due.</summary>
    public int SummaryDueDays { get; set; } = ReportingSchedule.DefaultSummaryDays;

    public int Version { get; set; }

    /// <summary>
    /// The audit chain's sequence number of the last save that changed anything this agreement's
    /// reports show (the agreement, any record under it, its performer, the regions). Set by the
    /// data layer in the same transaction as the change (Infrastructure/Data/AgreementStamps.cs), never
    /// by hand; report caches and ETags are keyed by it, so a change elsewhere leaves them valid.
    /// </summary>
    public long DataStamp { get; set; }

    public List<ImplementationYear> Years { get; set; } = [];
    public List<BudgetLine> BudgetLines { get; set; } = [];
    public List<PerformanceIndicator> PerformanceIndicators { get; set; } = [];

    public DateRange Period => new(PeriodStart, PeriodEnd);

    /// <summary>
    /// Creates the implementation years that tile the period. Called once, when the agreement is
    /// set up; the years then carry the reporting, so they are never regenerated over existing data.
    /// </summary>
    public void GenerateYears()
    {
        if (Years.Count > 0)
        {
            throw new InvalidOperationException("The agreement already has implementation years.");
        }
        var number = 1;
        foreach (var range in ImplementationPeriods.Split(Period))
        {
            Years.Add(new ImplementationYear { Number = number++, StartDate = range.Start, EndDate = range.End, Agreement = this });
        }
    }
}
