using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Reviews;
using ZemgaleNvo.Infrastructure.Data;

namespace ZemgaleNvo.Web.Features.Home;

public sealed record AgreementListItem(
    int Id,
    string Title,
    AgreementType Type,
    string Performer,
    string Region,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    IReadOnlyList<YearStatus> Years);

public sealed record YearStatus(int Number, ReviewStatus Status);

/// <summary>
/// The agreements the signed-in user may see. No role test here: the DbContext's organisation filter
/// already narrows staff to their own organisation, reviewers and admins see all.
/// </summary>
public sealed class AgreementListQuery(AppDbContext db)
{
    public async Task<IReadOnlyList<AgreementListItem>> RunAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Agreements
            .AsNoTracking()
            .OrderBy(a => a.Region!.Name).ThenByDescending(a => a.PeriodStart)
            .Select(a => new
            {
                a.Id,
                a.Title,
                a.Type,
                Performer = a.Performer!.Name,
                Region = a.Region!.Name,
                a.PeriodStart,
                a.PeriodEnd,
                Years = a.Years.OrderBy(y => y.Number).Select(y => new YearStatus(y.Number, y.Status)).ToList(),
            })
            .ToListAsync(cancellationToken);
        return rows
            .Select(r => new AgreementListItem(r.Id, r.Title, r.Type, r.Performer, r.Region, r.PeriodStart, r.PeriodEnd, r.Years))
            .ToList();
    }
}
