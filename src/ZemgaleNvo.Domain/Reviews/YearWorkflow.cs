using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Entry;
using ZemgaleNvo.Domain.Users;

namespace ZemgaleNvo.Domain.Reviews;

/// <summary>The steps of the review, for an implementation year and for the whole-period summary alike.</summary>
public enum ReviewTransition
{
    /// <summary>The performer hands the year (or summary) to the ministry.</summary>
    Submit,

    /// <summary>The reviewer sends it back with a reason.</summary>
    Return,

    /// <summary>The reviewer approves it; from then on it is frozen.</summary>
    Approve,

    /// <summary>An admin opens an approved one again, with a reason.</summary>
    Reopen,
}

/// <summary>
/// Who may change an implementation year when, and which review steps exist:
/// Draft → Submitted → Returned (reason) → Submitted → Approved, and Approved → Returned only by an
/// admin with a reason. A year is the performer's to edit while it is a draft or returned.
/// </summary>
public static class YearWorkflow
{
    public static bool IsOpenForPerformer(ReviewStatus status) =>
        status is ReviewStatus.Draft or ReviewStatus.Returned;

    /// <summary>Where a step leads from a status; none when the step is not allowed from there.</summary>
    public static ReviewStatus? Target(ReviewTransition transition, ReviewStatus from) => (transition, from) switch
    {
        (ReviewTransition.Submit, ReviewStatus.Draft or ReviewStatus.Returned) => ReviewStatus.Submitted,
        (ReviewTransition.Return, ReviewStatus.Submitted) => ReviewStatus.Returned,
        (ReviewTransition.Approve, ReviewStatus.Submitted) => ReviewStatus.Approved,
        (ReviewTransition.Reopen, ReviewStatus.Approved) => ReviewStatus.Returned,
        _ => null,
    };

    /// <summary>The one role that takes a step (the performer's own staff for submitting).</summary>
    public static string RoleFor(ReviewTransition transition) => transition switch
    {
        ReviewTransition.Submit => Roles.NgoStaff,
        ReviewTransition.Return or ReviewTransition.Approve => Roles.Reviewer,
        _ => Roles.Admin,
    };

    /// <summary>Returning and reopening must say why.</summary>
    public static bool RequiresReason(ReviewTransition transition) =>
        transition is ReviewTransition.Return or ReviewTransition.Reopen;

    /// <summary>Submits the year for review; refused unless it is open and its checklist allows it.</summary>
    public static void Submit(ImplementationYear year, YearChecklist checklist)
    {
        ArgumentNullException.ThrowIfNull(year);
        ArgumentNullException.ThrowIfNull(checklist);
        if (!checklist.CanSubmit)
        {
            throw new InvalidOperationException($"Year {year.Number} is not complete: {string.Join(", ", checklist.Missing.Select(i => i.Code))}.");
        }
        Apply(year, ReviewTransition.Submit);
    }

    /// <summary>Takes a step on a year; throws when the step is not allowed from its status.</summary>
    public static void Apply(ImplementationYear year, ReviewTransition transition)
    {
        ArgumentNullException.ThrowIfNull(year);
        year.Status = Target(transition, year.Status)
            ?? throw new InvalidOperationException($"Year {year.Number} is {year.Status}: {transition} is not allowed.");
    }

    /// <summary>
    /// Takes a step on the whole-period summary. It can be submitted and approved only once every
    /// year is approved: the summary adds the years up, so it cannot be final before they are.
    /// </summary>
    public static void Apply(DelegationAgreement agreement, ReviewTransition transition)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        if (transition is ReviewTransition.Submit or ReviewTransition.Approve && !AllYearsApproved(agreement))
        {
            throw new InvalidOperationException("The summary can be submitted and approved only when every year is approved.");
        }
        agreement.SummaryStatus = Target(transition, agreement.SummaryStatus)
            ?? throw new InvalidOperationException($"The summary is {agreement.SummaryStatus}: {transition} is not allowed.");
    }

    public static bool AllYearsApproved(DelegationAgreement agreement)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        return agreement.Years.Count > 0 && agreement.Years.TrueForAll(y => y.Status == ReviewStatus.Approved);
    }
}
