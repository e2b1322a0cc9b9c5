using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ZemgaleNvo.Infrastructure.Evidence;

/// <summary>
/// A client of ClamAV's daemon over its TCP socket, speaking the INSTREAM command: "zINSTREAM\0",
/// then the file in chunks, each preceded by its length as a 4-byte big-endian number, then a
/// zero length; clamd answers "stream: OK", "stream: &lt;signature&gt; FOUND" or "… ERROR", ended by
/// a NUL. The file never touches clamd's disk, and clamd needs no access to ours. Written here
/// rather than taken from a package: the protocol is these few lines, and the portal controls the
/// timeouts and what "unavailable" means.
/// </summary>
public sealed partial class ClamdScanner(IOptions<AttachmentOptions> options, ILogger<ClamdScanner> logger) : IVirusScanner
{
    /// <summary>clamd's own default StreamMaxLength is 25 MB; chunks well below it keep memory flat.</summary>
    private const int ChunkBytes = 64 * 1024;

    private const int MaxReplyBytes = 4096;

    public async Task<ScanResult> ScanAsync(Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var settings = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.ScanTimeoutSeconds));
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(settings.ClamdHost, settings.ClamdPort, timeout.Token);
            await using var stream = client.GetStream();
            await stream.WriteAsync("zINSTREAM\0"u8.ToArray(), timeout.Token);
            var buffer = new byte[4 + ChunkBytes];
            int read;
            while ((read = await content.ReadAsync(buffer.AsMemory(4, ChunkBytes), timeout.Token)) > 0)
            {
                BinaryPrimitives.WriteUInt32BigEndian(buffer, (uint)read);
                await stream.WriteAsync(buffer.AsMemory(0, 4 + read), timeout.Token);
            }
            BinaryPrimitives.WriteUInt32BigEndian(buffer, 0);
            await stream.WriteAsync(buffer.AsMemory(0, 4), timeout.Token);
            await stream.FlushAsync(timeout.Token);
            var reply = await ReadReplyAsync(stream, timeout.Token);
            return Interpret(reply);
        }
        catch (Exception e) when (e is SocketException or IOException || e is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogUnavailable(logger, e, settings.ClamdHost, settings.ClamdPort);
            return new ScanResult(ScanVerdict.Unavailable, e.Message);
        }
    }

    /// <summary>What clamd's reply means; anything not recognisably clean or infected counts as unavailable.</summary>
    public static ScanResult Interpret(string reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var text = reply.TrimEnd('\0', '\n', '\r', ' ');
        if (text.EndsWith(" ERROR", StringComparison.Ordinal) || !text.StartsWith("stream:", StringComparison.Ordinal))
        {
            return new ScanResult(ScanVerdict.Unavailable, text);
        }
        var verdict = text["stream:".Length..].Trim();
        if (verdict == "OK")
        {
            return new ScanResult(ScanVerdict.Clean);
        }
        return verdict.EndsWith(" FOUND", StringComparison.Ordinal)
            ? new ScanResult(ScanVerdict.Infected, verdict[..^" FOUND".Length])
            : new ScanResult(ScanVerdict.Unavailable, text);
    }

    private static async Task<string> ReadReplyAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var reply = new MemoryStream();
        var buffer = new byte[512];
        while (reply.Length < MaxReplyBytes)
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                break;
            }
            reply.Write(buffer, 0, read);
            if (Array.IndexOf(buffer, (byte)0, 0, read) >= 0)
            {
                break;
            }
        }
        return Encoding.UTF8.GetString(reply.GetBuffer(), 0, (int)reply.Length);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The virus scanner clamd at {Host}:{Port} could not be used; the upload is refused")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string host, int port);
}
