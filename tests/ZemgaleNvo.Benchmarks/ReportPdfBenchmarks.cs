using BenchmarkDotNet.Attributes;
using ZemgaleNvo.Pdf;
using ZemgaleNvo.Web.Features.Reports;
using ZemgaleNvo.Web.Features.Reports.Pdf;
using ZemgaleNvo.Web.Formatting;

namespace ZemgaleNvo.Benchmarks;

/// <summary>
/// Rendering the summary PDF from an already computed report model, as a download does. Goals
/// (issue 3): the demo summary in ≤ 20 ms warm; a 10-year agreement with 2 000 activities in
/// ≤ 1 s and ≤ 200 MB allocated.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ReportPdfBenchmarks
{
    private static readonly DateTimeOffset Created = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private FontSet _fonts = null!;
    private SummaryReport _demo = null!;
    private SummaryReport _large = null!;

    [GlobalSetup]
    public void Setup()
    {
        _fonts = FontSet.Locate(Environment.GetEnvironmentVariable("PDF_FONT_DIRECTORY"));
        _demo = BenchmarkData.DemoSummary();
        _large = BenchmarkData.Synthetic(years: 10, activitiesPerYear: 200);
    }

    [GlobalCleanup]
    public void Cleanup() => _fonts.Dispose();

    [Benchmark(Description = "Demo summary PDF (Zemgale 2022–2025), with annex")]
    public byte[] DemoSummary() => SummaryPdf.Render(_demo, ReportFormat.Latvian, _fonts, includeFindingsAnnex: true, Created);

    [Benchmark(Description = "Synthetic summary PDF: 10 years, 2 000 activities")]
    public byte[] LargeSummary() => SummaryPdf.Render(_large, ReportFormat.Latvian, _fonts, includeFindingsAnnex: true, Created);
}
