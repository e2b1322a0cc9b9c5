using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ZemgaleNvo.Domain.Publication;
using ZemgaleNvo.Domain.Reviews;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Web.Authorization;
using ZemgaleNvo.Web.Gates;
using ZemgaleNvo.Web.Forms;
using ZemgaleNvo.Web.Resources;

namespace ZemgaleNvo.Web.Features.Reports.Publication;

/// <summary>
/// A reviewer publishes an approved summary ("Publicēt") or withdraws its publication. Both are
/// records of <see cref="SummaryPublication"/>, so the audit trail has who did which and when, as
/// for any change. The agreement gate finds the agreement and asks for the review right, as for
/// the summary's review steps. What the public then sees is <see cref="PublicController"/>.
/// </summary>
[Authorize]
[Route("agreements/{id:int}/summary")]
public sealed class PublicationController(
    AppDbContext db, PublishedSummaries published,
    IStringLocalizer<SharedResource> localizer, TimeProvider clock) : Controller
{
    [HttpPost("publish")]
    [OpensAgreement(AgreementOperation.Review)]
    public async Task<IActionResult> Publish(int id, OpenedAgreement opened, CancellationToken cancellationToken)
    {
        if (opened.Agreement.SummaryStatus != ReviewStatus.Approved)
        {
            return Back(id, localizer["Publicēt var tikai apstiprinātu kopsavilkumu."]);
        }
        var document = await published.LatestFrozenSummaryIdAsync(id, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (await published.CurrentRowAsync(id, cancellationToken) is { } current)
        {
            if (current.FrozenReportId == document)
            {
                return Back(id, localizer["Kopsavilkums jau ir publicēts."]);
            }
            // A publication of an earlier approval (the summary was reopened and approved again):
            // it ends here, and the new approval is published in its place.
            Withdraw(current, now);
        }
        db.SummaryPublications.Add(new SummaryPublication
        {
            AgreementId = id,
            FrozenReportId = document,
            PublishedAtUtc = now,
            PublishedByUserId = User.FindFirstValue(ClaimTypes.NameIdentifier),
            PublishedByName = UserName,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another reviewer published it at the same instant: the unique index kept one.
            return Back(id, localizer["Kopsavilkums jau ir publicēts."]);
        }
        return Back(id, localizer["Kopsavilkums publicēts: to var lasīt ikviens bez pieslēgšanās."]);
    }

    [HttpPost("withdraw")]
    [OpensAgreement(AgreementOperation.Review)]
    public async Task<IActionResult> WithdrawPublication(int id, CancellationToken cancellationToken)
    {
        if (await published.CurrentRowAsync(id, cancellationToken) is not { } current)
        {
            return Back(id, localizer["Kopsavilkums nav publicēts."]);
        }
        Withdraw(current, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Back(id, localizer["Publicēšana atsaukta: publiskā lapa vairs nav pieejama."]);
    }

    private void Withdraw(SummaryPublication publication, DateTime atUtc)
    {
        publication.WithdrawnAtUtc = atUtc;
        publication.WithdrawnByUserId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        publication.WithdrawnByName = UserName;
    }

    private string UserName => User.FindFirstValue(PortalClaims.FullName) ?? User.Identity?.Name ?? "?";

    private RedirectResult Back(int id, string message)
    {
        TempData[Flash.Key] = message;
        return Redirect($"/agreements/{id}/summary#publication");
    }
}
