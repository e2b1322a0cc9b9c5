using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Audit;
using ZemgaleNvo.Domain.Reviews;

namespace ZemgaleNvo.Infrastructure.Data;

/// <summary>The digest of one year's content: one SHA-256 per kind of record, and one over them all.</summary>
public sealed record YearDigest(IReadOnlyDictionary<string, string> Kinds)
{
    /// <summary>SHA-256 over the lines <c>Kind=hash</c> in ordinal order of the kind.</summary>
    public string Overall => Hex(string.Concat(Kinds.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key}={k.Value}\n")));

    /// <summary>
    /// As recorded in the seal's audit row: the form's version and the overall hash on the first
    /// line, then one line <c>Kind=hash</c> per kind, so a verification can name the kind that differs.
    /// </summary>
    public string ToSealText() =>
        $"{YearSeals.FormVersion} sha256:{Overall}\n" + string.Join("\n", Kinds.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key}={k.Value}"));

    /// <summary>Reads a seal text back; null for a text that is not a seal of this form.</summary>
    public static YearDigest? FromSealText(string? text)
    {
        var lines = (text ?? "").Split('\n');
        if (lines.Length < 1 || !lines[0].StartsWith(YearSeals.FormVersion + " ", StringComparison.Ordinal))
        {
            return null;
        }
        var kinds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1))
        {
            var split = line.IndexOf('=', StringComparison.Ordinal);
            if (split <= 0)
            {
                return null;
            }
            kinds[line[..split]] = line[(split + 1)..];
        }
        return new YearDigest(kinds);
    }

    /// <summary>The kinds whose hash differs, or that one side has and the other has not.</summary>
    public IReadOnlyList<string> KindsDifferingFrom(YearDigest other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Kinds.Keys.Union(other.Kinds.Keys)
            .Where(k => !Kinds.TryGetValue(k, out var mine) || !other.Kinds.TryGetValue(k, out var theirs) || mine != theirs)
            .OrderBy(k => k, StringComparer.Ordinal).ToList();
    }

    internal static string Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

/// <summary>An approved year whose content no longer matches its seal, or that has none.</summary>
/// <param name="DifferingKinds">Entity names of the kinds of record that differ (empty when <paramref name="Unsealed"/>).</param>
public sealed record YearSealFinding(int YearId, int AgreementId, int YearNumber, IReadOnlyList<string> DifferingKinds, bool Unsealed);

/// <summary>What the seal check found over every approved year.</summary>
public sealed record SealVerification(int YearsChecked, IReadOnlyList<YearSealFinding> Findings)
{
    public IEnumerable<YearSealFinding> Differing => Findings.Where(f => !f.Unsealed);
    public IEnumerable<YearSealFinding> Unsealed => Findings.Where(f => f.Unsealed);
    public bool Intact => !Differing.Any();
}

/// <summary>
/// Approval seals the data (issue 17): at approval, a SHA-256 of the year's canonical content goes
/// into the hash-chained audit trail; <c>audit verify</c> recomputes it for every approved year. The
/// data layer already refuses changes to an approved year through the portal
/// (<see cref="FrozenRecords"/>); the seal catches what goes around the portal: a row changed
/// directly in the database file.
/// </summary>
/// <remarks>
/// <para>The canonical content, defined here and only here (and described in
/// docs/decisions/0017-approval-seals-the-data.md):</para>
/// <list type="bullet">
/// <item>the kinds of record in <see cref="ComputeAsync"/>: the year row itself, its plan, results
/// and their indicators, spending entries and totals, reallocations, carry-overs, indicator
/// targets, finding explanations and evidence files (whose <c>Sha256</c> is the hash of the
/// file's bytes). Not the ministry's records kept after approval (<see cref="RecordedAfterApproval"/>). Deleted (undoable) rows count too: bringing one back is a change.</item>
/// <item>per kind, the rows in the order of their key, each as a JSON object of every mapped
/// property in ordinal order of its name, except the concurrency counter <c>Version</c> and the
/// year's review <c>Status</c> (approval and reopening change them; the content is what is sealed).</item>
/// <item>values: text as is, whole numbers as numbers, amounts in cents as numbers, dates
/// <c>yyyy-MM-dd</c>, times <c>yyyy-MM-ddTHH:mm:ss.fffffff</c> (UTC, as stored), enums by name,
/// bytes as lowercase hex, null as null.</item>
/// <item>a kind's hash is the SHA-256 of its JSON array (UTF-8); the seal's overall hash is the
/// SHA-256 of the lines <c>Kind=hash\n</c> in ordinal order of the kind.</item>
/// </list>
/// <para>A new kind of record under a year must be added here (a test checks that every entity
/// with an <c>ImplementationYearId</c> is), and a change to the form gets a new
/// <see cref="FormVersion"/>.</para>
/// </remarks>
public static class YearSeals
{
    public const string FormVersion = "seal-v1";

    /// <summary>The audit row's entity type and field for a seal; its key is the year's id.</summary>
    public const string EntityType = "ImplementationYear";
    public const string Field = "Content";

    private static readonly HashSet<string> LeftOut = [nameof(Domain.IVersioned.Version)];
    private static readonly HashSet<string> LeftOutOfYear = [nameof(Domain.IVersioned.Version), nameof(ImplementationYear.Status)];

    /// <summary>The entity types whose rows make up a year's content (for the coverage test).</summary>
    public static IReadOnlyList<Type> SealedTypes { get; } =
    [
        typeof(ImplementationYear), typeof(PlannedAmount), typeof(Activity), typeof(Indicator), typeof(SpendingEntry),
        typeof(SpendingTotal), typeof(Reallocation), typeof(CarryOver), typeof(IndicatorTarget),
        typeof(Domain.Checks.FindingExplanation), typeof(Domain.Evidence.EvidenceFile),
    ];

    /// <summary>
    /// Records under a year that the ministry keeps after approval and that the seal therefore leaves
    /// out: non-compliant expenditure and its recoveries are the ministry's own findings on the approved
    /// year (issue 13), recorded later by reviewers, each change audited in the chain on its own. Sealing
    /// them would make every later finding look like tampering.
    /// </summary>
    public static IReadOnlyList<Type> RecordedAfterApproval { get; } = [typeof(NonCompliantExpenditure), typeof(NonCompliantRecovery)];

    /// <summary>The year's content as stored now (whatever the caller's context tracks is not read).</summary>
    public static async Task<YearDigest> ComputeAsync(AppDbContext db, int yearId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var kinds = new Dictionary<string, string>(StringComparer.Ordinal);
        async Task Add<T>(IQueryable<T> rows, HashSet<string>? leftOut = null) where T : class
        {
            var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
            var loaded = await rows.IgnoreQueryFilters().AsNoTracking().ToListAsync(cancellationToken);
            kinds[entityType.ClrType.Name] = Digest(entityType, loaded, leftOut ?? LeftOut);
        }
        await Add(db.ImplementationYears.Where(y => y.Id == yearId), LeftOutOfYear);
        await Add(db.PlannedAmounts.Where(x => x.ImplementationYearId == yearId));
        await Add(db.Activities.Where(x => x.ImplementationYearId == yearId));
        await Add(db.Indicators.Where(x => db.Activities.IgnoreQueryFilters().Any(a => a.Id == x.ActivityId && a.ImplementationYearId == yearId)));
        await Add(db.SpendingEntries.Where(x => x.ImplementationYearId == yearId));
        await Add(db.SpendingTotals.Where(x => x.ImplementationYearId == yearId));
        await Add(db.Reallocations.Where(x => x.ImplementationYearId == yearId));
        await Add(db.CarryOvers.Where(x => x.ImplementationYearId == yearId));
        await Add(db.IndicatorTargets.Where(x => x.ImplementationYearId == yearId));
        await Add(db.FindingExplanations.Where(x => x.ImplementationYearId == yearId));
        await Add(db.EvidenceFiles.Where(x => x.ImplementationYearId == yearId));
        return new YearDigest(kinds);
    }

    /// <summary>
    /// Adds the seal of an approved year to the context as an audit row: the next save chains it
    /// with the approval. Call before that save, with nothing of the year's content changed in it
    /// (an approval changes the status alone, and a submitted year is closed to its performer).
    /// </summary>
    public static async Task<AuditEntry> SealAsync(AppDbContext db, ImplementationYear year, string? userId, string userName, DateTime atUtc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(year);
        var digest = await ComputeAsync(db, year.Id, cancellationToken);
        var row = new AuditEntry
        {
            AtUtc = atUtc,
            UserId = userId,
            UserName = userName.Length <= 256 ? userName : userName[..256],
            Action = AuditAction.Sealed,
            EntityType = EntityType,
            EntityKey = year.Id.ToString(CultureInfo.InvariantCulture),
            Field = Field,
            NewValue = digest.ToSealText(),
            AgreementId = year.AgreementId,
        };
        db.AuditEntries.Add(row);
        return row;
    }

    /// <summary>Recomputes every approved year and compares it with its latest seal.</summary>
    public static async Task<SealVerification> VerifyAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var years = await db.ImplementationYears.IgnoreQueryFilters().AsNoTracking()
            .Where(y => y.Status == ReviewStatus.Approved)
            .OrderBy(y => y.AgreementId).ThenBy(y => y.Number)
            .Select(y => new { y.Id, y.AgreementId, y.Number })
            .ToListAsync(cancellationToken);
        var seals = (await db.AuditEntries.AsNoTracking()
                .Where(e => e.Action == AuditAction.Sealed && e.EntityType == EntityType && e.Sequence != null)
                .Select(e => new { e.Sequence, e.EntityKey, e.NewValue })
                .ToListAsync(cancellationToken))
            .GroupBy(e => e.EntityKey)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.Sequence).First().NewValue, StringComparer.Ordinal);
        var findings = new List<YearSealFinding>();
        foreach (var year in years)
        {
            var sealedDigest = seals.TryGetValue(year.Id.ToString(CultureInfo.InvariantCulture), out var text) ? YearDigest.FromSealText(text) : null;
            if (sealedDigest is null)
            {
                findings.Add(new YearSealFinding(year.Id, year.AgreementId, year.Number, [], Unsealed: true));
                continue;
            }
            var differing = (await ComputeAsync(db, year.Id, cancellationToken)).KindsDifferingFrom(sealedDigest);
            if (differing.Count > 0)
            {
                findings.Add(new YearSealFinding(year.Id, year.AgreementId, year.Number, differing, Unsealed: false));
            }
        }
        return new SealVerification(years.Count, findings);
    }

    private static string Digest<T>(IEntityType entityType, List<T> rows, HashSet<string> leftOut) where T : class
    {
        var key = entityType.FindPrimaryKey()?.Properties.Single() ?? throw new InvalidOperationException($"{entityType.ClrType.Name} has no single key.");
        var properties = entityType.GetProperties()
            .Where(p => !p.IsShadowProperty() && !leftOut.Contains(p.Name))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
        {
            json.WriteStartArray();
            foreach (var row in rows.OrderBy(r => key.GetGetter().GetClrValue(r)))
            {
                json.WriteStartObject();
                foreach (var property in properties)
                {
                    json.WritePropertyName(property.Name);
                    WriteValue(json, property.GetGetter().GetClrValue(row));
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }

    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case string s: json.WriteStringValue(s); break;
            case bool b: json.WriteBooleanValue(b); break;
            case int i: json.WriteNumberValue(i); break;
            case long l: json.WriteNumberValue(l); break;
            case short s: json.WriteNumberValue(s); break;
            case byte b: json.WriteNumberValue(b); break;
            case DateOnly d: json.WriteStringValue(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
            case DateTime t: json.WriteStringValue(t.ToString("yyyy-MM-ddTHH:mm:ss.fffffff", CultureInfo.InvariantCulture)); break;
            case DateTimeOffset t: json.WriteStringValue(t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffff", CultureInfo.InvariantCulture)); break;
            case Enum e: json.WriteStringValue(e.ToString()); break;
            case byte[] bytes: json.WriteStringValue(Convert.ToHexStringLower(bytes)); break;
            case IFormattable f: json.WriteStringValue(f.ToString(null, CultureInfo.InvariantCulture)); break;
            default: json.WriteStringValue(value.ToString()); break;
        }
    }
}
