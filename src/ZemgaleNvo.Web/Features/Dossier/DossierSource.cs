using ZemgaleNvo.Web.Features.Reports;

namespace ZemgaleNvo.Web.Features.Dossier;

/// <summary>What every source of the dossier gets: the agreement's report model and the moment its data is as of.</summary>
/// <param name="Report">The summary model of the agreement (with the portal's findings).</param>
/// <param name="AsOfUtc">
/// The time of the agreement's latest recorded change: documents rendered for the dossier carry it
/// as their creation time, so the same data always gives the same bytes.
/// </param>
public sealed record DossierContext(SummaryReport Report, DateTime AsOfUtc)
{
    public int AgreementId => Report.Agreement.Id;

    /// <summary><see cref="AsOfUtc"/> as a document's creation time.</summary>
    public DateTimeOffset AsOf => new(DateTime.SpecifyKind(AsOfUtc, DateTimeKind.Utc));
}

/// <summary>
/// One file of the dossier: where it goes in the ZIP, what it is (for the manifest) and how to write
/// it. Writing is deferred until the ZIP reaches the file, so only one file's content is ever in
/// memory (or none, when the writer streams it).
/// </summary>
/// <param name="Path">The path inside the ZIP: ASCII, forward slashes, unique.</param>
/// <param name="Kind">A fixed, language-neutral word for the manifest (<c>approvedYearReport</c>, <c>auditTrail</c>, …).</param>
/// <param name="Compress">False for formats that are compressed already (PDF, XLSX): deflating them again costs time and saves nothing.</param>
public sealed record DossierEntry(string Path, string Kind, bool Compress, Func<Stream, CancellationToken, Task> WriteAsync)
{
    public static DossierEntry OfBytes(string path, string kind, bool compress, byte[] content) =>
        new(path, kind, compress, (stream, cancellationToken) => stream.WriteAsync(content, cancellationToken).AsTask());
}

/// <summary>
/// A source of files for the auditor's dossier. <b>The extension point</b>: a new kind of file
/// (e.g. the evidence files of approved years) is one new class implementing this, added to the
/// list in <see cref="DossierRegistration"/>. The writer, the manifest, the hashes and the streaming
/// come with it.
/// </summary>
public interface IDossierSource
{
    /// <summary>
    /// This source's files, always in the same order for the same data (the dossier must come out
    /// byte for byte the same). Sources run one after another in the order of
    /// <see cref="DossierRegistration"/>; the paths of all sources together must be unique.
    /// </summary>
    IAsyncEnumerable<DossierEntry> EntriesAsync(DossierContext context, CancellationToken cancellationToken);
}
