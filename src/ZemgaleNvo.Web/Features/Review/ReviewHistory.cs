using System.Security.Claims;
using ZemgaleNvo.Domain.Reviews;
using ZemgaleNvo.Web.Authorization;

namespace ZemgaleNvo.Web.Features.Review;

/// <summary>Notes of the review history, signed with the current user's id and name.</summary>
public static class ReviewHistory
{
    public static ReviewNote Note(ClaimsPrincipal user, int agreementId, int? yearNumber, ReviewNoteKind kind, string? text,
        int? activityId = null, int? spendingEntryId = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new ReviewNote
        {
            AgreementId = agreementId,
            YearNumber = yearNumber,
            Kind = kind,
            Text = string.IsNullOrWhiteSpace(text) ? null : text.Trim(),
            ActivityId = activityId,
            SpendingEntryId = spendingEntryId,
            AuthorUserId = user.FindFirstValue(ClaimTypes.NameIdentifier),
            AuthorName = user.FindFirstValue(PortalClaims.FullName) ?? user.Identity?.Name ?? "?",
            AtUtc = DateTime.UtcNow,
        };
    }
}
