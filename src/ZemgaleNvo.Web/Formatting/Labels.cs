using ZemgaleNvo.Domain.Reviews;

namespace ZemgaleNvo.Web.Formatting;

/// <summary>How a review status looks on a page; its wording comes from <see cref="Display.Status"/>.</summary>
public static class Labels
{
    /// <summary>Badge colours chosen for contrast (axe checks them), not only for meaning.</summary>
    public static string StatusBadgeClass(ReviewStatus status) => status switch
    {
        ReviewStatus.Approved => "text-bg-success",
        ReviewStatus.Submitted => "text-bg-primary",
        ReviewStatus.Returned => "text-bg-warning",
        _ => "text-bg-secondary",
    };
}
