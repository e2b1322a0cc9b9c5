namespace ZemgaleNvo.Infrastructure.Evidence;

public enum ScanVerdict
{
    Clean,
    Infected,

    /// <summary>The scanner could not be asked (not running, timed out, answered an error): the upload is refused.</summary>
    Unavailable,

    /// <summary>No scanner is configured (Development with <c>Attachments:Scanner=none</c>).</summary>
    NotScanned,
}

/// <param name="Detail">The signature found, or why the scanner was unavailable.</param>
public sealed record ScanResult(ScanVerdict Verdict, string? Detail = null);

/// <summary>Looks at a file's bytes before they are stored.</summary>
public interface IVirusScanner
{
    Task<ScanResult> ScanAsync(Stream content, CancellationToken cancellationToken);
}

/// <summary>Development without clamd (<c>Attachments:Scanner=none</c>): nothing is scanned, and the file says so.</summary>
public sealed class NoVirusScanner : IVirusScanner
{
    public Task<ScanResult> ScanAsync(Stream content, CancellationToken cancellationToken) =>
        Task.FromResult(new ScanResult(ScanVerdict.NotScanned));
}
