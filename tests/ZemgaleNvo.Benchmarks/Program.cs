using BenchmarkDotNet.Running;

// `dotnet run -c Release --project tests/ZemgaleNvo.Benchmarks -- --filter '*'`
// `-- --write-samples DIR` writes the demo and large PDFs for a look instead of benchmarking.
if (args is ["--write-samples", var folder])
{
    Directory.CreateDirectory(folder);
    var benchmarks = new ZemgaleNvo.Benchmarks.ReportPdfBenchmarks();
    benchmarks.Setup();
    File.WriteAllBytes(Path.Combine(folder, "demo-summary.pdf"), benchmarks.DemoSummary());
    File.WriteAllBytes(Path.Combine(folder, "large-summary.pdf"), benchmarks.LargeSummary());
    benchmarks.Cleanup();
    return;
}
// `-- --dossier-memory 100 400` measures the auditor's dossier's memory at those sizes (MB).
if (args is ["--dossier-memory", .. var sizes])
{
    await ZemgaleNvo.Benchmarks.DossierMemory.RunAsync(sizes.Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)));
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(ZemgaleNvo.Benchmarks.ReportPdfBenchmarks).Assembly).Run(args);
