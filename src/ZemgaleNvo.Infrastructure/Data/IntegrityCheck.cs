using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Domain.Audit;

namespace ZemgaleNvo.Infrastructure.Data;

/// <summary>One approved year as a verification names it.</summary>
public sealed record VerifiedYear(int YearId, int AgreementId, int YearNumber, IReadOnlyList<string> Kinds);

/// <summary>
/// The result of one <c>audit verify</c> (from the command line or the admins' page), as kept in the
/// audit trail for the admins' page: the chain and the seals of the approved years.
/// </summary>
public sealed record IntegrityResult(
    bool ChainIntact,
    long RowsChecked,
    long? BrokenAtRow,
    bool HeadMismatch,
    long Unchained,
    int YearsChecked,
    IReadOnlyList<VerifiedYear> Differing,
    IReadOnlyList<VerifiedYear> Unsealed)
{
    public bool Intact => ChainIntact && Differing.Count == 0;
}

/// <summary>A recorded verification: when, by whom, what it found.</summary>
public sealed record RecordedIntegrityCheck(DateTime AtUtc, string By, IntegrityResult Result);

/// <summary>
/// <c>audit verify</c> in one place for the command and the admins' page: walks the audit chain
/// (<see cref="AuditVerifier"/>), recomputes every approved year's seal (<see cref="YearSeals"/>),
/// and appends the result to the trail (action <see cref="AuditAction.Verified"/>), so the last
/// verification's result is itself on record and can be shown.
/// </summary>
public static class IntegrityCheck
{
    public const string EntityType = "AuditTrail";
    public const string EntityKey = "verify";
    public const string Field = "Result";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Checks without writing anything.</summary>
    public static async Task<(AuditVerification Chain, SealVerification Seals, IntegrityResult Result)> RunAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        var chain = await AuditVerifier.VerifyAsync(db, cancellationToken);
        var seals = await YearSeals.VerifyAsync(db, cancellationToken);
        static VerifiedYear Year(YearSealFinding f) => new(f.YearId, f.AgreementId, f.YearNumber, f.DifferingKinds);
        var result = new IntegrityResult(
            chain.Intact, chain.RowsChecked, chain.FirstBroken?.Id, chain.HeadMismatch, chain.Unchained,
            seals.YearsChecked, seals.Differing.Select(Year).ToList(), seals.Unsealed.Select(Year).ToList());
        return (chain, seals, result);
    }

    /// <summary>Appends the result to the audit trail, in the name of <paramref name="actor"/>.</summary>
    public static async Task RecordAsync(AppDbContext db, IntegrityResult result, AuditActor actor, DateTime atUtc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = atUtc,
            UserId = actor.UserId,
            UserName = actor.UserName.Length <= 256 ? actor.UserName : actor.UserName[..256],
            Action = AuditAction.Verified,
            EntityType = EntityType,
            EntityKey = EntityKey,
            Field = Field,
            NewValue = JsonSerializer.Serialize(result, Json),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The last recorded verification; null when none was run yet (or its record cannot be read).</summary>
    public static async Task<RecordedIntegrityCheck?> LatestAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var row = await db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == AuditAction.Verified && e.EntityType == EntityType)
            .OrderByDescending(e => e.Id)
            .Select(e => new { e.AtUtc, e.UserName, e.NewValue })
            .FirstOrDefaultAsync(cancellationToken);
        if (row?.NewValue is null)
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<IntegrityResult>(row.NewValue, Json) is { } result ? new RecordedIntegrityCheck(row.AtUtc, row.UserName, result) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
