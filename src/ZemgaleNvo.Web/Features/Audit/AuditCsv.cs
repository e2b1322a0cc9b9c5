using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Domain.Audit;
using ZemgaleNvo.Web.Features.Reports.Export;

namespace ZemgaleNvo.Web.Features.Audit;

/// <summary>
/// An agreement's whole audit trail as CSV for the auditor's dossier, oldest first (the order of the
/// hash chain, so the chain can be checked row by row): the same form as the summary's CSV (UTF-8
/// with a byte-order mark, <c>;</c>, CRLF, <see cref="SummaryCsv"/>'s quoting) and the same
/// neutralising of anything a spreadsheet would take for a formula. Values are as recorded (ISO
/// dates, cents, enum names), not reworded, so an auditor sees exactly what the trail holds; the kind
/// of record, the field and the action are also given in words.
/// </summary>
/// <remarks>Rows are read and written one by one, so a trail of any length takes little memory.</remarks>
public static class AuditCsv
{
    private static readonly string[] Headings =
    [
        "Laiks (UTC)", "Lietotājs", "Darbība", "Darbības kods", "Ieraksts", "Ieraksta veids", "Ieraksta atslēga",
        "Lauks", "Lauka kods", "Vecā vērtība", "Jaunā vērtība", "Pieprasījums", "Ķēdes Nr.", "Ķēdes SHA-256",
    ];

    public static async Task WriteAsync(IQueryable<AuditEntry> rows, AuditWording wording, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(wording);
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024, leaveOpen: true);
        var line = new StringBuilder();
        SummaryCsv.AppendRecord(line, Headings);
        await writer.WriteAsync(line, cancellationToken);
        await foreach (var row in rows.OrderBy(e => e.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            line.Clear();
            SummaryCsv.AppendRecord(line,
            [
                row.AtUtc.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                SummaryCsv.Text(row.UserName),
                SummaryCsv.Text(wording.Action(row.Action)),
                row.Action.ToString(),
                SummaryCsv.Text(wording.Entity(row.EntityType)),
                SummaryCsv.Text(row.EntityType),
                SummaryCsv.Text(row.EntityKey),
                SummaryCsv.Text(wording.Field(row.Field)),
                SummaryCsv.Text(row.Field),
                SummaryCsv.Text(row.OldValue ?? string.Empty),
                SummaryCsv.Text(row.NewValue ?? string.Empty),
                SummaryCsv.Text(row.RequestId ?? string.Empty),
                row.Sequence?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                row.Hash ?? string.Empty,
            ]);
            await writer.WriteAsync(line, cancellationToken);
        }
        await writer.FlushAsync(cancellationToken);
    }
}
