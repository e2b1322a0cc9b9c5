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
// `-- --cpu-time 200` renders each PDF that many times and prints the CPU time per render: on the
// shared two-core machine the wall time depends on the other builds, the CPU time much less.
if (args is ["--cpu-time", var times])
{
    var benchmarks = new ZemgaleNvo.Benchmarks.ReportPdfBenchmarks();
    benchmarks.Setup();
    var count = int.Parse(times, System.Globalization.CultureInfo.InvariantCulture);
    foreach (var (name, render, repeat) in new (string, Func<byte[]>, int)[] { ("Demo summary", benchmarks.DemoSummary, count), ("2 000 activities", benchmarks.LargeSummary, Math.Max(1, count / 10)) })
    {
        for (var i = 0; i < 5; i++)
        {
            render(); // warm-up
        }

        var process = System.Diagnostics.Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var wall = System.Diagnostics.Stopwatch.StartNew();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < repeat; i++)
        {
            render();
        }

        process.Refresh();
        Console.WriteLine(System.FormattableString.Invariant(
            $"{name}: {(process.TotalProcessorTime - cpu).TotalMilliseconds / repeat:F2} ms CPU, {wall.Elapsed.TotalMilliseconds / repeat:F2} ms wall, {(GC.GetAllocatedBytesForCurrentThread() - allocated) / repeat / 1e6:F2} MB allocated per render ({repeat} renders)"));
    }

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
