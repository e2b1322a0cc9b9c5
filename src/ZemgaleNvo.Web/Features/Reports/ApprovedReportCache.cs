using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Net.Http.Headers;

namespace ZemgaleNvo.Web.Features.Reports;

/// <summary>
/// Validators (ETags) of approved reports, and the PDFs rendered for them, so that a repeat
/// download of an approved report is answered 304 or from memory instead of being laid out again.
/// </summary>
/// <remarks>
/// <para>An ETag is made from what the response is made of, not from its bytes, so it is known
/// before anything is rendered (a 304 costs the access check and the data stamp, nothing else) and
/// it is the same on every instance over one database. Its parts: this build (a new deployment may
/// change the markup or the layout), the data stamp of <see cref="SummaryReportCache"/> (the last
/// data change anywhere: it also covers what a report prints from outside the approved year, such
/// as the performer's name, the later years' carry-over in the annex, a reopened year), which
/// report, the language and the annex. A page adds who asks (below). The ETag is weak: two renders
/// of one PDF differ in their creation time, not in what they say.</para>
/// <para>Unapproved years and summaries get no ETag: their data changes while people work on it,
/// and a draft should not linger in a browser's cache (they keep <c>no-store</c>).</para>
/// </remarks>
public sealed class ApprovedReportCache : IDisposable
{
    /// <summary>Rendered PDFs held at most, in bytes: the demo summary is about 100 kB; a long one a few MB.</summary>
    public const long MemoryLimitBytes = 64L * 1024 * 1024;

    private static readonly string Build = typeof(ApprovedReportCache).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    // A size limit so that many agreements' PDFs cannot grow the process without bound: the least
    // recently used are dropped and rendered again when asked.
    private readonly MemoryCache _documents = new(new MemoryCacheOptions { SizeLimit = MemoryLimitBytes });

    /// <summary>Which document: the summary (<paramref name="YearNumber"/> null) or a year, in a language, with or without the annex.</summary>
    public sealed record DocumentKey(int AgreementId, int? YearNumber, string Language, bool Annex);

    /// <summary>The ETag of an approved report's PDF as of <paramref name="stamp"/>.</summary>
    public static EntityTagHeaderValue DocumentTag(DocumentKey key, long stamp)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Tag($"pdf|{key.AgreementId}|{key.YearNumber}|{key.Language}|{key.Annex}|{stamp}");
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

    /// <summary>The PDF of an approved report as of <paramref name="stamp"/>, rendered only when not held already.</summary>
    public byte[] Document(DocumentKey key, long stamp, Func<byte[]> render)
    {
        ArgumentNullException.ThrowIfNull(render);
        if (_documents.TryGetValue(key, out (long Stamp, byte[] Bytes) held) && held.Stamp == stamp)
        {
            return held.Bytes;
        }
        var bytes = render();
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
