using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ZemgaleNvo.Web.Features.Reports;

/// <summary>
/// Validators (ETags) of reports, and the PDFs rendered for them, so that a repeat download is
/// answered 304 or from memory instead of being laid out again: approved reports and drafts alike.
/// </summary>
/// <remarks>
/// <para>An ETag is made from what the response is made of, not from its bytes, so it is known
/// before anything is rendered (a 304 costs the access check and the data stamp, nothing else) and
/// it is the same on every instance over one database. Its parts: this build (a new deployment may
/// change the markup or the layout), the agreement's data stamp (see <see cref="SummaryReportCache"/>:
/// it moves with any change the report prints, also from outside a year: the performer's name, the
/// later years' carry-over in the annex, a reopened year, and only for this agreement), which
/// report, the language and the annex. A page adds who asks (below). The ETag is weak: two renders
/// of one PDF differ in their creation time, not in what they say.</para>
/// <para>Draft PDFs are tagged and kept too (issue 18): people download a draft again and again
/// while they check it, and its stamp moves with every change, so a kept draft is never shown
/// after the data changed (the browser must ask each time, <c>no-cache</c>). Draft pages are not
/// tagged: they carry the data-entry links and forms of a year being worked on.</para>
/// </remarks>
public sealed class ReportDocumentCache : IDisposable
{
    private static readonly string Build = typeof(ReportDocumentCache).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    // A size limit so that many agreements' PDFs cannot grow the process without bound: the least
    // recently used are dropped and rendered again when asked.
    private readonly MemoryCache _documents;
    private long _renders;

    public ReportDocumentCache(IOptions<ReportCacheOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _documents = new(new MemoryCacheOptions { SizeLimit = options.Value.PdfMemoryMegabytes * 1024L * 1024L });
    }

    /// <summary>
    /// Which document: the summary (<paramref name="YearNumber"/> null) or a year, in a language, with
    /// or without the annex (for a workbook: the findings sheet), as a PDF or another
    /// <paramref name="Format"/> ("xlsx": a big agreement's workbook takes half a second to write, issue 18).
    /// </summary>
    public sealed record DocumentKey(int AgreementId, int? YearNumber, string Language, bool Annex, string Format = "pdf");

    /// <summary>Documents rendered since start (not served from memory): lets tests see a render happen, without timing it.</summary>
    public long Renders => Interlocked.Read(ref _renders);

    /// <summary>The ETag of a report's PDF as of the agreement's data stamp <paramref name="stamp"/>.</summary>
    public static EntityTagHeaderValue DocumentTag(DocumentKey key, long stamp)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Tag($"{key.Format}|{key.AgreementId}|{key.YearNumber}|{key.Language}|{key.Annex}|{stamp}");
    }

    /// <summary>
    /// The ETag of an approved report page as of <paramref name="stamp"/>. The page is the same
    /// report for everyone, but its frame is the user's: their name and menu (every claim, so the
    /// security stamp too: a role change makes a new tag) and the antiforgery token of its forms,
    /// which is only good with the antiforgery cookie it was made for. A browser that kept the page
    /// of another user, or whose antiforgery cookie changed, gets a new page, never a stale form.
    /// </summary>
    public static EntityTagHeaderValue PageTag(int agreementId, int? yearNumber, string language, long stamp, ClaimsPrincipal user, string? antiforgeryCookie)
    {
        ArgumentNullException.ThrowIfNull(user);
        var claims = string.Join("\n", user.Claims.Select(c => $"{c.Type}={c.Value}").Order(StringComparer.Ordinal));
        return Tag($"html|{agreementId}|{yearNumber}|{language}|{stamp}|{claims}|{antiforgeryCookie}");
    }

    /// <summary>The PDF of a report as of <paramref name="stamp"/>, rendered only when not held already.</summary>
    public byte[] Document(DocumentKey key, long stamp, Func<byte[]> render)
    {
        ArgumentNullException.ThrowIfNull(render);
        if (_documents.TryGetValue(key, out (long Stamp, byte[] Bytes) held) && held.Stamp == stamp)
        {
            return held.Bytes;
        }
        var bytes = render();
        Interlocked.Increment(ref _renders);
        _documents.Set(key, (stamp, bytes), new MemoryCacheEntryOptions { Size = bytes.Length });
        return bytes;
    }

    public void Dispose() => _documents.Dispose();

    private static EntityTagHeaderValue Tag(string parts)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{Build}|{parts}"));
        return new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(hash.AsSpan(0, 16))}\"", isWeak: true);
    }
}

/// <summary>Settings of the report caches (section <c>ReportCache</c>).</summary>
public sealed class ReportCacheOptions
{
    public const string Section = "ReportCache";

    /// <summary>
    /// Memory the rendered PDFs may take at most, in MB; the least recently used are dropped beyond
    /// it. The demo summary is about 100 kB, a ten-year agreement's a few MB.
    /// </summary>
    public int PdfMemoryMegabytes { get; set; } = 64;
}

/// <summary>The PDF memory must be at least 1 MB and no more than 16 GB.</summary>
internal sealed class ReportCacheOptionsValidation : IValidateOptions<ReportCacheOptions>
{
    public const int MaxMegabytes = 16 * 1024;

    public ValidateOptionsResult Validate(string? name, ReportCacheOptions options) =>
        options.PdfMemoryMegabytes is >= 1 and <= MaxMegabytes
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{ReportCacheOptions.Section}:{nameof(ReportCacheOptions.PdfMemoryMegabytes)}: from 1 to {MaxMegabytes} (MB), not {options.PdfMemoryMegabytes}.");
}
