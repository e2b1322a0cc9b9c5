using System.Diagnostics;
using System.Runtime.CompilerServices;
using ZemgaleNvo.Web.Features.Dossier;

namespace ZemgaleNvo.Benchmarks;

/// <summary>
/// Does the dossier stay flat in memory as its files grow? Writes a dossier of the demo summary plus
/// large generated files (as evidence files will be) through <see cref="DossierWriter"/> onto a
/// stream that only counts, and samples the managed heap while it writes. Run for two sizes: if
/// the writer held the ZIP or a whole file, the peak would grow with the size.
/// <c>dotnet run -c Release --project tests/ZemgaleNvo.Benchmarks -- --dossier-memory 100 400</c>
/// </summary>
public static class DossierMemory
{
    private const int FileMegabytes = 20;

    public static async Task RunAsync(IEnumerable<int> totalsInMegabytes)
    {
        var report = BenchmarkData.DemoSummary();
        foreach (var total in totalsInMegabytes)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var peak = before;
            var sink = new CountingStream();
            var writer = new DossierWriter([new GeneratedFilesSource(total / FileMegabytes)]);
            var clock = Stopwatch.StartNew();
            using (var sampler = new Timer(_ => peak = Math.Max(peak, GC.GetTotalMemory(false)), null, 0, 5))
            {
                await writer.WriteAsync(new DossierContext(report, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)), sink, CancellationToken.None);
            }
            peak = Math.Max(peak, GC.GetTotalMemory(false));
            Console.WriteLine(FormattableString.Invariant(
                $"dossier of {total} MB in {total / FileMegabytes} files: {sink.Length / 1_048_576.0:0.0} MB written in {clock.Elapsed.TotalSeconds:0.0} s; managed heap before {before / 1_048_576.0:0.0} MB, peak {peak / 1_048_576.0:0.0} MB (+{(peak - before) / 1_048_576.0:0.0} MB); process peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1_048_576.0:0} MB"));
        }
    }

    /// <summary>Files of pseudo-random bytes (incompressible, like scans and photos), written 64 KiB at a time.</summary>
    private sealed class GeneratedFilesSource(int count) : IDossierSource
    {
        public async IAsyncEnumerable<DossierEntry> EntriesAsync(DossierContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.CompletedTask;
            for (var i = 1; i <= count; i++)
            {
                var seed = i;
                yield return new DossierEntry(FormattableString.Invariant($"pieradijumi/fails-{i:000}.bin"), "generated", Compress: false, async (stream, token) =>
                {
                    var random = new Random(seed);
                    var chunk = new byte[64 * 1024];
                    for (var written = 0L; written < FileMegabytes * 1_048_576L; written += chunk.Length)
                    {
                        random.NextBytes(chunk);
                        await stream.WriteAsync(chunk, token);
                    }
                });
            }
        }
    }

    /// <summary>An output that keeps nothing: only the number of bytes.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;

        public override long Position
        {
            get => _length;
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }

        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
