namespace ZemgaleNvo.Domain.Reviews;

/// <summary>Where an implementation year (or the whole-period summary) stands in the ministry's review.</summary>
public enum ReviewStatus
{
    Draft,
    Submitted,
    Returned,
    Approved,
}
