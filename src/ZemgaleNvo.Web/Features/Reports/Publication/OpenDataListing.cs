using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ZemgaleNvo.Web.Features.Reports.Export;
using ZemgaleNvo.Web.Formatting;

namespace ZemgaleNvo.Web.Features.Reports.Publication;

/// <summary>
/// The published summaries as a listing an open-data portal can harvest: one item per summary with
/// what a CKAN dataset needs (data.gov.lv runs CKAN): a URL-safe name, title, organisation, region,
/// period, dates published and modified, and the addresses of its page, PDF and JSON as resources.
/// JSON (UTF-8, fixed field order) and CSV (the portal's CSV form). The format is in docs/open-data.md.
/// </summary>
public static class OpenDataListing
{
    public const string SchemaVersion = "1.0";
    public const string FileStem = "publicetie-kopsavilkumi";

    private static readonly JsonWriterOptions JsonFormat = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly string[] CsvHeadings =
    [
        "name", "title", "organisation", "delegatingAuthority", "region", "regionCode", "periodStart", "periodEnd",
        "published", "modified", "language", "pageUrl", "pdfUrl", "jsonUrl",
    ];

    /// <summary>The item's name: lower-case ASCII, digits and hyphens, unique (the agreement's id), as CKAN wants a dataset's name.</summary>
    public static string Name(PublishedSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return FormattableString.Invariant($"zemgalenvo-kopsavilkums-{summary.AgreementId}-{summary.PeriodStart.Year}-{summary.PeriodEnd.Year}");
    }

    /// <summary>"Kopsavilkums – ⟨agreement title⟩ (2022–2025)": the official document's name, in Latvian.</summary>
    public static string Title(PublishedSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return FormattableString.Invariant($"{new ReportText(ReportFormat.Latvian).SummaryTitle} – {summary.Title} ({summary.PeriodStart.Year}–{summary.PeriodEnd.Year})");
    }

    public static string PageUrl(string baseUrl, PublishedSummary summary) => FormattableString.Invariant($"{baseUrl}/public/{summary.AgreementId}");

    public static byte[] Json(IReadOnlyList<PublishedSummary> summaries, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonFormat))
        {
            json.WriteStartObject();
            json.WriteString("schemaVersion", SchemaVersion);
            json.WriteNumber("count", summaries.Count);
            json.WriteStartArray("items");
            foreach (var summary in summaries)
            {
                var page = PageUrl(baseUrl, summary);
                json.WriteStartObject();
                json.WriteString("name", Name(summary));
                json.WriteString("title", Title(summary));
                json.WriteString("organisation", summary.Performer);
                json.WriteString("delegatingAuthority", summary.DelegatingAuthority);
                json.WriteString("region", summary.Region);
                json.WriteString("regionCode", summary.RegionCode);
                json.WriteStartObject("period");
                json.WriteString("start", Date(summary.PeriodStart));
                json.WriteString("end", Date(summary.PeriodEnd));
                json.WriteEndObject();
                json.WriteString("published", Time(summary.PublishedAtUtc));
                json.WriteString("modified", Time(summary.ModifiedUtc));
                json.WriteString("language", "lv");
                json.WriteString("pageUrl", page);
                json.WriteString("pdfUrl", page + ".pdf");
                json.WriteString("jsonUrl", page + ".json");
                json.WriteStartArray("resources");
                Resource(json, "Kopsavilkums (HTML)", "HTML", "text/html", page);
                Resource(json, "Kopsavilkums (PDF)", "PDF", "application/pdf", page + ".pdf");
                Resource(json, "Kopsavilkums (JSON)", "JSON", "application/json", page + ".json");
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    public static byte[] Csv(IReadOnlyList<PublishedSummary> summaries, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        var csv = new StringBuilder();
        SummaryCsv.AppendRecord(csv, CsvHeadings);
        foreach (var summary in summaries)
        {
            var page = PageUrl(baseUrl, summary);
            SummaryCsv.AppendRecord(csv,
            [
                Name(summary),
                SummaryCsv.Text(Title(summary)),
                SummaryCsv.Text(summary.Performer),
                SummaryCsv.Text(summary.DelegatingAuthority ?? string.Empty),
                SummaryCsv.Text(summary.Region),
                SummaryCsv.Text(summary.RegionCode),
                Date(summary.PeriodStart),
                Date(summary.PeriodEnd),
                Time(summary.PublishedAtUtc),
                Time(summary.ModifiedUtc),
                "lv",
                page,
                page + ".pdf",
                page + ".json",
            ]);
        }
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        return [.. utf8.GetPreamble(), .. utf8.GetBytes(csv.ToString())];
    }

    private static void Resource(Utf8JsonWriter json, string name, string format, string mediaType, string url)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("format", format);
        json.WriteString("mediaType", mediaType);
        json.WriteString("url", url);
        json.WriteEndObject();
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Time(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
