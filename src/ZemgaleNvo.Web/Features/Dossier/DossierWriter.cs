using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ZemgaleNvo.Web.Features.Dossier;

/// <summary>
/// Writes the dossier as a ZIP straight onto a stream (the HTTP response), file after file, and ends
/// it with <c>manifest.json</c>: each file's path, kind, size and SHA-256, computed while the file
/// streams through. Nothing holds the whole ZIP: memory stays flat whatever the files add up to.
/// </summary>
/// <remarks>
/// The same data gives the same bytes: files in the sources' fixed order, every entry stamped with
/// <see cref="EntryTime"/> (not the time of download), fixed compression per kind of file, and a
/// manifest whose JSON is written field by field in a fixed order. The output stream need not be
/// seekable: the ZIP then carries each entry's sizes after its data (a data descriptor), as any
/// unzip tool expects.
/// </remarks>
public sealed class DossierWriter(IEnumerable<IDossierSource> sources)
{
    public const string ManifestPath = "manifest.json";
    public const string ManifestSchemaVersion = "1.0";

    /// <summary>Every entry's modification time: fixed, so a download tomorrow gives the same bytes (the manifest says when the data is from).</summary>
    public static readonly DateTimeOffset EntryTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public async Task WriteAsync(DossierContext context, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var files = new List<ManifestFile>();
        var paths = new HashSet<string>(StringComparer.Ordinal);
        await using var asyncOutput = new AsyncOnlyStream(output);
        await using (var zip = await ZipArchive.CreateAsync(asyncOutput, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken))
        {
            foreach (var source in sources)
            {
                await foreach (var entry in source.EntriesAsync(context, cancellationToken).WithCancellation(cancellationToken))
                {
                    if (!paths.Add(entry.Path) || entry.Path == ManifestPath)
                    {
                        throw new InvalidOperationException($"Two files of the dossier have the path {entry.Path}.");
                    }
                    var (size, sha256) = await AddAsync(zip, entry.Path, entry.Compress, entry.WriteAsync, cancellationToken);
                    files.Add(new ManifestFile(entry.Path, entry.Kind, size, sha256));
                }
            }
            await AddAsync(zip, ManifestPath, compress: true, (stream, token) => WriteManifestAsync(stream, context, files, token), cancellationToken);
        }
        await asyncOutput.FlushAsync(cancellationToken);
    }

    private static async Task<(long Size, string Sha256)> AddAsync(ZipArchive zip, string path, bool compress, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(path, compress ? CompressionLevel.Optimal : CompressionLevel.NoCompression);
        entry.LastWriteTime = EntryTime;
        await using var content = await entry.OpenAsync(cancellationToken);
        await using var hashing = new HashingStream(content);
        await write(hashing, cancellationToken);
        return (hashing.Length, hashing.Sha256());
    }

    private static readonly JsonWriterOptions ManifestFormat = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static async Task WriteManifestAsync(Stream stream, DossierContext context, IReadOnlyList<ManifestFile> files, CancellationToken cancellationToken)
    {
        var agreement = context.Report.Agreement;
        await using var json = new Utf8JsonWriter(stream, ManifestFormat);
        json.WriteStartObject();
        json.WriteString("schemaVersion", ManifestSchemaVersion);
        json.WriteStartObject("agreement");
        json.WriteNumber("id", agreement.Id);
        json.WriteString("number", agreement.Number);
        json.WriteString("title", agreement.Title);
        json.WriteString("performer", agreement.Performer);
        json.WriteString("region", agreement.Region);
        json.WriteString("periodStart", agreement.PeriodStart.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteString("periodEnd", agreement.PeriodEnd.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteString("summaryStatus", JsonNamingPolicy.CamelCase.ConvertName(agreement.SummaryStatus.ToString()));
        json.WriteEndObject();
        json.WriteString("dataAsOfUtc", DateTime.SpecifyKind(context.AsOfUtc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteString("hashAlgorithm", "SHA-256");
        json.WriteStartArray("files");
        foreach (var file in files)
        {
            json.WriteStartObject();
            json.WriteString("path", file.Path);
            json.WriteString("kind", file.Kind);
            json.WriteNumber("size", file.Size);
            json.WriteString("sha256", file.Sha256);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
        await stream.WriteAsync("\n"u8.ToArray(), cancellationToken);
    }

    /// <summary>
    /// Lets the ZIP write onto a response that allows only asynchronous writes. .NET 10's ZipArchive
    /// still writes a few small pieces synchronously even through its async API (an entry's data
    /// descriptor, when the entry's stream is disposed): those few bytes are kept here and go out
    /// with the next asynchronous write or flush. The file data itself arrives asynchronously and is
    /// passed straight on, so what is kept stays a few dozen bytes.
    /// </summary>
    private sealed class AsyncOnlyStream(Stream inner) : Stream
    {
        private readonly MemoryStream _pending = new();

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => _pending.Write(buffer, offset, count);

        public override void Write(ReadOnlySpan<byte> buffer) => _pending.Write(buffer);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await DrainAsync(cancellationToken);
            await inner.WriteAsync(buffer, cancellationToken);
        }

        /// <summary>Nothing synchronous reaches the response: kept until the next asynchronous call.</summary>
        public override void Flush() { }

        public override async Task FlushAsync(CancellationToken cancellationToken)
        {
            await DrainAsync(cancellationToken);
            await inner.FlushAsync(cancellationToken);
        }

        private async Task DrainAsync(CancellationToken cancellationToken)
        {
            if (_pending.Length > 0)
            {
                await inner.WriteAsync(_pending.GetBuffer().AsMemory(0, (int)_pending.Length), cancellationToken);
                _pending.SetLength(0);
            }
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _pending.Dispose();
            }
            base.Dispose(disposing);
        }

        public override ValueTask DisposeAsync()
        {
            _pending.Dispose();
            return base.DisposeAsync();
        }
    }

    private sealed record ManifestFile(string Path, string Kind, long Size, string Sha256);

    /// <summary>Passes writes on to the ZIP entry and keeps the count and the SHA-256 of what went through.</summary>
    private sealed class HashingStream(Stream inner) : Stream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private long _length;

        public string Sha256() => Convert.ToHexStringLower(_hash.GetHashAndReset());

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;

        public override long Position
        {
            get => _length;
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _hash.AppendData(buffer);
            _length += buffer.Length;
            inner.Write(buffer);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _hash.AppendData(buffer.Span);
            _length += buffer.Length;
            return inner.WriteAsync(buffer, cancellationToken);
        }

        public override void Flush() { }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _hash.Dispose();
            }
            base.Dispose(disposing);
        }

        public override ValueTask DisposeAsync()
        {
            _hash.Dispose();
            return base.DisposeAsync();
        }
    }
}
