using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Infrastructure.Data;

namespace ZemgaleNvo.Web.Features.Admin.Indicators;

/// <summary>
/// The indicators section of the agreement's admin page: each indicator with its target per year
/// and whether result counts report on it (then it cannot be deleted). A component of its own so
/// the agreement page only names it.
/// </summary>
public sealed class AgreementIndicatorsViewComponent(AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int agreementId)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var years = await db.ImplementationYears.AsNoTracking().Where(y => y.AgreementId == agreementId).OrderBy(y => y.Number).ToListAsync(cancellationToken);
        var numberOf = years.ToDictionary(y => y.Id, y => y.Number);
        var indicators = await db.PerformanceIndicators.AsNoTracking().Include(i => i.Targets)
            .Where(i => i.AgreementId == agreementId).OrderBy(i => i.Ordinal).ToListAsync(cancellationToken);
        var ids = indicators.Select(i => i.Id).ToList();
        var used = (await db.Indicators.IgnoreQueryFilters()
            .Where(c => c.PerformanceIndicatorId != null && ids.Contains(c.PerformanceIndicatorId.Value))
            .Select(c => c.PerformanceIndicatorId!.Value).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        var views = indicators.Select(i => new IndicatorView(
            i.Id, i.Ordinal, i.Name, i.Unit, i.Qualifier,
            i.Targets.Where(t => numberOf.ContainsKey(t.ImplementationYearId)).ToDictionary(t => numberOf[t.ImplementationYearId], t => t.Count),
            used.Contains(i.Id))).ToList();
        return View("~/Features/Admin/Indicators/_Indicators.cshtml", new IndicatorList(agreementId, years, views));
    }
}
