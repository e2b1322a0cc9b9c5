using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Web.Forms;

namespace ZemgaleNvo.Web.Features.Admin.Agreements;

/// <summary>
/// The agreement's edit page (facts and period, years, budget lines with their plan) and the choices
/// of its form. Both admin agreement controllers answer with it: a refused line change shows it too.
/// </summary>
public sealed class AgreementEditPages(AppDbContext db, AgreementUsage usage)
{
    public async Task<AgreementEditPage> BuildAsync(int id, AgreementForm form, ConcurrencyConflict? conflict, CancellationToken cancellationToken)
    {
        var years = await db.ImplementationYears.AsNoTracking().Where(y => y.AgreementId == id).OrderBy(y => y.Number).ToListAsync(cancellationToken);
        var lines = await db.BudgetLines.AsNoTracking().Include(l => l.PlannedAmounts).Where(l => l.AgreementId == id).OrderBy(l => l.Ordinal).ToListAsync(cancellationToken);
        var numberOf = years.ToDictionary(y => y.Id, y => y.Number);
        var views = new List<BudgetLineView>();
        foreach (var line in lines)
        {
            var planned = line.PlannedAmounts.Where(p => numberOf.ContainsKey(p.ImplementationYearId)).ToDictionary(p => numberOf[p.ImplementationYearId], p => p.AmountCents);
            views.Add(new BudgetLineView(line.Id, line.Ordinal, line.Name, line.ResultsHeading, planned, await usage.LineUsesAsync(line.Id, cancellationToken) > 0));
        }
        return new AgreementEditPage(
            new AgreementFormPage(id, form, await ChoicesAsync(cancellationToken), conflict),
            years, views, await usage.YearsWithDataAsync(id, cancellationToken));
    }

    public async Task<AgreementChoices> ChoicesAsync(CancellationToken cancellationToken) => new(
        await db.Organisations.AsNoTracking().OrderBy(o => o.Name).ToListAsync(cancellationToken),
        await db.Regions.AsNoTracking().OrderBy(r => r.Name).ToListAsync(cancellationToken));
}
