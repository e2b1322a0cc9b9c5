using System.Diagnostics;

namespace ZemgaleNvo.Pdf.Tests;

/// <summary>Runs poppler's command-line tools (poppler-utils, installed by scripts/test.sh) on a PDF.</summary>
internal static class Poppler
{
    /// <summary>The standard output of <c>pdfinfo [arguments] file</c>; fails the test on a non-zero exit.</summary>
    public static string PdfInfo(byte[] pdf, params string[] arguments)
    {
        var file = Path.Combine(Path.GetTempPath(), $"zemgalenvo-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            var start = new ProcessStartInfo("pdfinfo") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            start.ArgumentList.Add(file);
            using var process = Process.Start(start) ?? throw new InvalidOperationException("pdfinfo did not start.");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"pdfinfo exited with {process.ExitCode}: {error}");
            return output.Result;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
