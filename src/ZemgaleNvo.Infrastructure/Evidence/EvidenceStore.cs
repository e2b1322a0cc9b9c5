using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ZemgaleNvo.Infrastructure.Data;

namespace ZemgaleNvo.Infrastructure.Evidence;

/// <summary>
/// Where evidence bytes live, addressed by their SHA-256: the same content uploaded twice is kept
/// once. Bytes are never removed (a deleted file can be taken back, and approved years are kept
/// whole); the <c>EvidenceFile</c> rows say which files exist. See decision 0011.
/// </summary>
public interface IEvidenceStore
{
    /// <summary>Keeps the content under its hash unless it is already there. Joins the caller's database transaction where there is one.</summary>
    Task PutAsync(string sha256, Stream content, long length, CancellationToken cancellationToken);

    /// <summary>The content, or null when nothing is stored under the hash.</summary>
    Task<Stream?> OpenReadAsync(string sha256, CancellationToken cancellationToken);
}

/// <summary>One stored content in the database (<c>Attachments:Storage=Database</c>, the default).</summary>
public class EvidenceBlob
{
    public required string Sha256 { get; set; }
    public long SizeBytes { get; set; }
    public required byte[] Content { get; set; }
}

/// <summary>
/// The default: bytes in the database, so one backup holds everything and every instance of the
/// portal sees the same files. Files are at most <see cref="AttachmentOptions.MaxFileMegabytes"/>,
/// so reading one into memory is bounded.
/// </summary>
public sealed class DatabaseEvidenceStore(AppDbContext db) : IEvidenceStore
{
    public async Task PutAsync(string sha256, Stream content, long length, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (await db.EvidenceBlobs.AnyAsync(b => b.Sha256 == sha256, cancellationToken))
        {
            return;
        }
        var bytes = new byte[length];
        await content.ReadExactlyAsync(bytes, cancellationToken);
        db.EvidenceBlobs.Add(new EvidenceBlob { Sha256 = sha256, SizeBytes = length, Content = bytes });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<Stream?> OpenReadAsync(string sha256, CancellationToken cancellationToken)
    {
        var bytes = await db.EvidenceBlobs.Where(b => b.Sha256 == sha256).Select(b => b.Content).SingleOrDefaultAsync(cancellationToken);
        return bytes is null ? null : new MemoryStream(bytes, writable: false);
    }
}

/// <summary>
/// The option for large installations (<c>Attachments:Storage=Folder</c>): bytes as files under
/// <c>ab/cd/abcd….bin</c> in a folder every instance mounts. The folder must be in the backup
/// next to the database.
/// </summary>
public sealed class FolderEvidenceStore(IOptions<AttachmentOptions> options, string contentRoot) : IEvidenceStore
{
    private string Root => Path.GetFullPath(Path.Combine(contentRoot, options.Value.Folder));

    public async Task PutAsync(string sha256, Stream content, long length, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = PathOf(sha256);
        if (File.Exists(path))
        {
            return;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Written beside and moved into place, so a half-written file never carries the final name.
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".part";
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await content.CopyToAsync(file, cancellationToken);
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Task<Stream?> OpenReadAsync(string sha256, CancellationToken cancellationToken)
    {
        var path = PathOf(sha256);
        return Task.FromResult<Stream?>(File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null);
    }

    private string PathOf(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("Not a lower-case hex SHA-256.", nameof(sha256));
        }
        return Path.Combine(Root, sha256[..2], sha256[2..4], sha256 + ".bin");
    }
}
