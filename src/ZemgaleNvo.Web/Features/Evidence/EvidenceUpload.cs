using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using ZemgaleNvo.Domain.Audit;
using ZemgaleNvo.Domain.Evidence;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Infrastructure.Evidence;
using ZemgaleNvo.Web.Features.Years;
using ZemgaleNvo.Web.Resources;

namespace ZemgaleNvo.Web.Features.Evidence;

/// <summary>What one uploaded file came to: stored, or refused with the status and the Latvian reason.</summary>
public sealed record UploadOutcome(string DeclaredName, int? StoredId, int Status, string? Problem)
{
    public bool Stored => StoredId is not null;
}

/// <summary>
/// Takes one uploaded file through every check, in this order: size, type by content, the
/// agreement's total, the virus scan, and only then the store and the record. A file that fails
/// any check leaves nothing behind; an infected one is logged and written to the audit trail.
/// </summary>
public sealed partial class EvidenceUpload(
    AppDbContext db, IEvidenceStore store, IVirusScanner scanner, IOptions<AttachmentOptions> options,
    IStringLocalizer<SharedResource> localizer, IHttpContextAccessor http, ILogger<EvidenceUpload> logger)
{
    public int MaxFilesPerUpload => options.Value.MaxFilesPerUpload;

    public async Task<UploadOutcome> StoreAsync(OpenedYear opened, EvidenceTargetRef target, IFormFile file, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(opened);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(user);
        var settings = options.Value;
        var declared = file.FileName;
        if (file.Length == 0)
        {
            return Refused(declared, StatusCodes.Status422UnprocessableEntity, localizer["Fails „{0}” ir tukšs.", declared]);
        }
        if (file.Length > settings.MaxFileBytes)
        {
            return Refused(declared, StatusCodes.Status413PayloadTooLarge, localizer["Fails „{0}” ir lielāks par {1} MB.", declared, settings.MaxFileMegabytes]);
        }

        await using var content = file.OpenReadStream();
        var type = EvidenceContent.Detect(content, declared);
        if (type is null)
        {
            return Refused(declared, StatusCodes.Status415UnsupportedMediaType,
                localizer["Fails „{0}” nav neviens no atļautajiem veidiem (PDF, PNG, JPEG, DOCX, XLSX, ODT, ODS, CSV, ZIP); veidu nosaka faila saturs, nevis nosaukums.", declared]);
        }

        var used = await db.EvidenceFiles.Where(f => f.ImplementationYear!.AgreementId == opened.Agreement.Id).SumAsync(f => (long?)f.SizeBytes, cancellationToken) ?? 0;
        if (used + file.Length > settings.MaxAgreementBytes)
        {
            return Refused(declared, StatusCodes.Status413PayloadTooLarge,
                localizer["Fails „{0}” netika saglabāts: līguma failiem kopā atvēlēti {1} MB, un tie būtu pārsniegti.", declared, settings.MaxAgreementMegabytes]);
        }

        content.Position = 0;
        var scan = await scanner.ScanAsync(content, cancellationToken);
        switch (scan.Verdict)
        {
            case ScanVerdict.Infected:
                LogInfected(logger, declared, opened.Agreement.Id, opened.Year.Number, scan.Detail);
                await AuditRefusalAsync(opened, declared, scan.Detail, user, cancellationToken);
                return Refused(declared, StatusCodes.Status422UnprocessableEntity,
                    localizer["Fails „{0}” netika saglabāts: vīrusu pārbaude tajā atrada kaitīgu saturu ({1}).", declared, scan.Detail ?? "?"]);
            case ScanVerdict.Unavailable:
                return Refused(declared, StatusCodes.Status503ServiceUnavailable,
                    localizer["Fails „{0}” netika saglabāts: vīrusu pārbaude pašlaik nav pieejama. Mēģiniet vēlāk vēlreiz.", declared]);
        }

        content.Position = 0;
        var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken));
        content.Position = 0;
        await using var transaction = await db.BeginYearWriteAsync(opened.Year.Id, cancellationToken);
        await store.PutAsync(sha256, content, file.Length, cancellationToken);
        var record = new EvidenceFile
        {
            ImplementationYearId = opened.Year.Id,
            ActivityId = target.ActivityId,
            SpendingEntryId = target.SpendingEntryId,
            FileName = EvidenceFileName.Sanitise(declared, type),
            ContentType = type.ContentType,
            SizeBytes = file.Length,
            Sha256 = sha256,
            UploadedByUserId = user.FindFirstValue(ClaimTypes.NameIdentifier),
            UploadedByName = Truncate(user.Identity?.Name ?? "?", 256),
            UploadedAtUtc = DateTime.UtcNow,
            Scan = scan.Verdict == ScanVerdict.NotScanned ? EvidenceScan.NotScanned : EvidenceScan.Clean,
        };
        db.EvidenceFiles.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new UploadOutcome(declared, record.Id, StatusCodes.Status201Created, null);
    }

    private static UploadOutcome Refused(string declared, int status, LocalizedString problem) => new(declared, null, status, problem.Value);

    /// <summary>A refused infected upload is on record like a change, in the same hash-chained trail, under the agreement.</summary>
    private async Task AuditRefusalAsync(OpenedYear opened, string declared, string? signature, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = DateTime.UtcNow,
            UserId = user.FindFirstValue(ClaimTypes.NameIdentifier),
            UserName = Truncate(user.Identity?.Name ?? "?", 256),
            Action = AuditAction.UploadRefused,
            EntityType = nameof(EvidenceFile),
            EntityKey = opened.Year.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Field = nameof(EvidenceFile.FileName),
            NewValue = Truncate($"{declared}: {signature}", 1000),
            RequestId = http.HttpContext?.TraceIdentifier is { } id ? Truncate(id, 50) : null,
            AgreementId = opened.Agreement.Id,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upload {FileName} to agreement {AgreementId} year {Year} refused: the virus scanner found {Signature}")]
    private static partial void LogInfected(ILogger logger, string fileName, int agreementId, int year, string? signature);
}
