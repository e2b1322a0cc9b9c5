using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Entry;

namespace ZemgaleNvo.Domain.Reviews;

/// <summary>
/// Who may change an implementation year when, and the performer's step of the review: submitting.
/// A year is the performer's to edit while it is a draft or has been returned; once submitted it
/// belongs to the reviewer, and an approved year is final.
/// </summary>
public static class YearWorkflow
{
    public static bool IsOpenForPerformer(ReviewStatus status) =>
        status is ReviewStatus.Draft or ReviewStatus.Returned;

    /// <summary>Submits the year for review; refused unless it is open and its checklist allows it.</summary>
    public static void Submit(ImplementationYear year, YearChecklist checklist)
    {
        ArgumentNullException.ThrowIfNull(year);
        ArgumentNullException.ThrowIfNull(checklist);
        if (!IsOpenForPerformer(year.Status))
        {
            throw new InvalidOperationException($"Year {year.Number} is {year.Status} and cannot be submitted.");
        }
        if (!checklist.CanSubmit)
        {
            throw new InvalidOperationException($"Year {year.Number} is not complete: {string.Join(", ", checklist.Missing.Select(i => i.Code))}.");
        }
        year.Status = ReviewStatus.Submitted;
    }
}
