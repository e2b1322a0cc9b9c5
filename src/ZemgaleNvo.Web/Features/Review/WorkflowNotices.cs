using ZemgaleNvo.Domain.Reviews;

namespace ZemgaleNvo.Web.Features.Review;

/// <summary>Tells the people concerned about a review step, after it is saved.</summary>
public sealed class WorkflowNotices
{
    public Task AfterAsync(int agreementId, int? yearNumber, ReviewTransition transition, string? reason, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}
