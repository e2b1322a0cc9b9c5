using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Domain.Organisations;
using ZemgaleNvo.Infrastructure.Data;

namespace ZemgaleNvo.Infrastructure.Seeding;

/// <summary>Data every installation needs: Latvia's five planning regions.</summary>
public static class ReferenceData
{
    public static async Task EnsureRegionsAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var existing = await db.Regions.Select(r => r.Code).ToListAsync(cancellationToken);
        Region[] regions =
        [
            new() { Code = "riga", Name = "Rīgas reģions", NameStem = "Rīgas" },
            new() { Code = "vidzeme", Name = "Vidzemes reģions", NameStem = "Vidzemes" },
            new() { Code = "kurzeme", Name = "Kurzemes reģions", NameStem = "Kurzemes" },
            new() { Code = "zemgale", Name = "Zemgales reģions", NameStem = "Zemgales" },
            new() { Code = "latgale", Name = "Latgales reģions", NameStem = "Latgales" },
        ];
        db.Regions.AddRange(regions.Where(r => !existing.Contains(r.Code)));
        await db.SaveChangesAsync(cancellationToken);
    }
}
