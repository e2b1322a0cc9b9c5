using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZemgaleNvo.BrowserTests.Infrastructure;
using ZemgaleNvo.Domain.Reviews;
using ZemgaleNvo.Infrastructure.Data;

namespace ZemgaleNvo.BrowserTests.Review;

/// <summary>A year's status and review notes as the database holds them: what "nothing changed" means beyond the page.</summary>
public sealed record YearReviewRecord(ReviewStatus Status, IReadOnlyList<ReviewNoteKind> Notes, int FrozenReports)
{
    public static async Task<YearReviewRecord> ReadAsync(PortalFixture portal, int yearNumber)
    {
        ArgumentNullException.ThrowIfNull(portal);
        var path = await portal.ZemgaleAgreementPathAsync();
        var agreementId = int.Parse(path[(path.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        await using var scope = portal.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var status = await db.ImplementationYears.IgnoreQueryFilters()
            .Where(y => y.AgreementId == agreementId && y.Number == yearNumber)
            .Select(y => y.Status).SingleAsync();
        var notes = await db.ReviewNotes.IgnoreQueryFilters()
            .Where(n => n.AgreementId == agreementId && n.YearNumber == yearNumber)
            .OrderBy(n => n.Id).Select(n => n.Kind).ToListAsync();
        var frozen = await db.FrozenReports.IgnoreQueryFilters()
            .CountAsync(r => r.AgreementId == agreementId && r.YearNumber == yearNumber);
        return new YearReviewRecord(status, notes, frozen);
    }
}
