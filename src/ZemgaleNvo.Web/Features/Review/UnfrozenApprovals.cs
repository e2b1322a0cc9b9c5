using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Domain.Reviews;
using ZemgaleNvo.Infrastructure.Data;

namespace ZemgaleNvo.Web.Features.Review;

/// <summary>
/// Freezes (and, with a configured seal, seals) the approved years and summaries that have no
/// frozen document yet, through <see cref="ReportFreezer"/>, the same code an approval uses.
/// </summary>
/// <remarks>
/// The demo data is loaded with years I and II already approved, by the Infrastructure seeder,
/// which knows nothing of PDFs and seals: the Web layer's seeding step calls this right after it,
/// so the demo's approved reports are downloaded as the frozen, sealed bytes any approval makes.
/// It is not run on other databases' start-up: a year approved before freezing existed keeps being
/// rendered from its (unchangeable) data rather than getting a seal dated long after its approval.
/// </remarks>
public sealed class UnfrozenApprovals(AppDbContext db, ReportFreezer freezer)
{
    /// <summary>Freezes every approved, unfrozen report of every agreement; returns how many.</summary>
    public async Task<int> FreezeAsync(string approverName, DateTime atUtc, CancellationToken cancellationToken)
    {
        var frozen = db.FrozenReports.Where(f => f.Language == ReportFreezer.Language);
        var agreements = await db.Agreements.IgnoreQueryFilters([AppDbContext.OrganisationFilter])
            .WithReportingGraph()
            .Where(a => a.Years.Any(y => y.Status == ReviewStatus.Approved && !frozen.Any(f => f.AgreementId == a.Id && f.YearNumber == y.Number))
                || (a.SummaryStatus == ReviewStatus.Approved && !frozen.Any(f => f.AgreementId == a.Id && f.YearNumber == null)))
            .ToListAsync(cancellationToken);

        var count = 0;
        foreach (var agreement in agreements)
        {
            var done = await frozen.Where(f => f.AgreementId == agreement.Id).Select(f => f.YearNumber).ToListAsync(cancellationToken);
            foreach (var year in agreement.Years.Where(y => y.Status == ReviewStatus.Approved && !done.Contains(y.Number)).OrderBy(y => y.Number))
            {
                await freezer.FreezeAsync(agreement, year.Number, approverId: null, approverName, atUtc, cancellationToken);
                count++;
            }
            if (agreement.SummaryStatus == ReviewStatus.Approved && !done.Contains(null))
            {
                await freezer.FreezeAsync(agreement, yearNumber: null, approverId: null, approverName, atUtc, cancellationToken);
                count++;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return count;
    }
}
