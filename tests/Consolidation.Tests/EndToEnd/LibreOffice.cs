using System.Diagnostics;

namespace Consolidation.Tests.EndToEnd;

/// <summary>LibreOffice, headless: prints a workbook to PDF as a person opening it and printing would get it.</summary>
public static class LibreOffice
{
    public static string? Find()
    {
        foreach (var candidate in new[] { Environment.GetEnvironmentVariable("FA_SOFFICE"), "/usr/bin/soffice", "/usr/bin/libreoffice" })
            if (!string.IsNullOrEmpty(candidate) && File.Exists(candidate)) return candidate;
        return null;
    }

    public static string Require() => Find() ?? throw new Xunit.Sdk.XunitException(
        "LIBREOFFICE IS NOT INSTALLED: the XLSX exports cannot be printed and checked. Install it with " +
        "`apt-get install -y --no-install-recommends libreoffice-calc-nogui` (scripts/test.sh installs it) or point FA_SOFFICE at soffice. " +
        "This test does not pass without it.");

    /// <summary>The workbook printed to a PDF beside it (LibreOffice's calc_pdf_Export, a fresh profile); returns the PDF's path.</summary>
    public static string PrintToPdf(string workbook)
    {
        var profile = Directory.CreateTempSubdirectory("fa-soffice-").FullName;
        var outDir = Path.GetDirectoryName(Path.GetFullPath(workbook))!;
        try
        {
            var start = new ProcessStartInfo(Require()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { $"-env:UserInstallation=file://{profile}", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", outDir, workbook })
                start.ArgumentList.Add(a);
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(120_000))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"LibreOffice did not print {workbook} within 120 s");
            }
            var pdf = Path.ChangeExtension(Path.GetFullPath(workbook), ".pdf");
            if (process.ExitCode != 0 || !File.Exists(pdf))
                throw new InvalidOperationException($"LibreOffice exited {process.ExitCode} without {pdf}: {stdout.Result} {stderr.Result}");
            return pdf;
        }
        finally
        {
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { }
        }
    }
}
