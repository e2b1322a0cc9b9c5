using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using ZemgaleNvo.Domain.Checks;
using ZemgaleNvo.Infrastructure.Evidence;
using ZemgaleNvo.Web.Features.Reports.Export;

namespace ZemgaleNvo.Web.Features.Dossier;

/// <summary>
/// The evidence files of the agreement's approved years, exactly as uploaded (and scanned), under
/// <c>pieradijumi/&lt;year&gt;/</c>, followed by a list saying what each file supports, who uploaded
/// it and when: the names inside a ZIP are ASCII, so the list keeps each file's own name. Only
/// approved years' files (<see cref="ApprovedYearEvidence"/>): they are final and frozen with the year.
/// </summary>
public sealed class EvidenceFilesSource(ApprovedYearEvidence evidence) : IDossierSource
{
    public const string ListPath = "pieradijumi/saraksts.csv";

    private static readonly string[] ListHeadings =
    [
        "Gads", "Pamato", "Faila nosaukums", "Ceļš dokumentu paketē", "Veids", "Izmērs (baiti)", "SHA-256",
        "Augšupielādēja", "Augšupielādēts (UTC)", "Pretvīrusu pārbaude",
    ];

    public async IAsyncEnumerable<DossierEntry> EntriesAsync(DossierContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var items = await evidence.ListAsync(context.AgreementId, cancellationToken);
        if (items.Count == 0)
        {
            yield break;
        }
        var paths = items.ToDictionary(item => item.FileId, PathOf);
        foreach (var item in items)
        {
            yield return new DossierEntry(paths[item.FileId], "evidenceFile", Compress: ShrinksWhenDeflated(item.ContentType), async (stream, token) =>
            {
                await using var content = await evidence.OpenAsync(item, token);
                await content.CopyToAsync(stream, token);
            });
        }
        yield return new DossierEntry(ListPath, "evidenceList", Compress: true, (stream, token) => WriteListAsync(items, paths, stream, token));
    }

    /// <summary>
    /// <c>pieradijumi/II/17-apmekletaju-saraksts.pdf</c>: the year, the file's id (unique, so two
    /// files of one name never collide) and its name with the Latvian letters without their marks.
    /// </summary>
    private static string PathOf(ApprovedEvidenceItem item) =>
        $"pieradijumi/{RomanNumerals.From(item.YearNumber)}/{item.FileId.ToString(CultureInfo.InvariantCulture)}-{AsciiName(item.FileName)}";

    internal static string AsciiName(string name)
    {
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var ascii = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            ascii.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? char.ToLowerInvariant(c) : '-');
        }
        return ascii.ToString();
    }

    /// <summary>Images, PDFs and office files are compressed already; CSV is text and shrinks.</summary>
    private static bool ShrinksWhenDeflated(string contentType) => contentType.StartsWith("text/", StringComparison.Ordinal);

    private static async Task WriteListAsync(IReadOnlyList<ApprovedEvidenceItem> items, Dictionary<int, string> paths, Stream output, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024, leaveOpen: true);
        var line = new StringBuilder();
        SummaryCsv.AppendRecord(line, ListHeadings);
        foreach (var item in items)
        {
            SummaryCsv.AppendRecord(line,
            [
                RomanNumerals.From(item.YearNumber),
                SummaryCsv.Text(item.AttachedTo),
                SummaryCsv.Text(item.FileName),
                paths[item.FileId],
                item.ContentType,
                item.SizeBytes.ToString(CultureInfo.InvariantCulture),
                item.Sha256,
                SummaryCsv.Text(item.UploadedByName),
                item.UploadedAtUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                item.Scan.ToString(),
            ]);
        }
        await writer.WriteAsync(line, cancellationToken);
        await writer.FlushAsync(cancellationToken);
    }
}
