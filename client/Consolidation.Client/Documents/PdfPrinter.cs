using System.Diagnostics;

namespace Consolidation.Client.Documents;

/// <summary>
/// Prints an HTML file to PDF with headless Chromium's print-to-PDF (Debian's <c>chromium</c>, or the binary
/// <c>FA_CHROMIUM</c> names): the page size, margins and page numbers come from the document's <c>@page</c> rules.
/// </summary>
public static class PdfPrinter
{
    public static string? FindChromium()
    {
        foreach (var candidate in new[] { Environment.GetEnvironmentVariable("FA_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" })
            if (!string.IsNullOrEmpty(candidate) && File.Exists(candidate)) return candidate;
        return null;
    }

    /// <summary>Writes <paramref name="html"/> as the PDF <paramref name="pdfPath"/>; an <see cref="IOException"/> says why it could not.</summary>
    public static void Print(string html, string pdfPath)
    {
        var chromium = FindChromium() ?? throw new IOException("找不到 Chromium（apt-get install chromium，或用 FA_CHROMIUM 指明其路径）：无法写出 PDF");
        var work = Directory.CreateTempSubdirectory("fa-pdf-").FullName;
        try
        {
            var htmlPath = Path.Combine(work, "document.html");
            File.WriteAllText(htmlPath, html, new System.Text.UTF8Encoding(false));
            var output = Path.GetFullPath(pdfPath);
            var dir = Path.GetDirectoryName(output);
            if (dir is not null) Directory.CreateDirectory(dir);
            var start = new ProcessStartInfo(chromium) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                         "--disable-sync", "--no-first-run", $"--user-data-dir={Path.Combine(work, "profile")}", "--no-pdf-header-footer",
                         $"--print-to-pdf={output}", new Uri(htmlPath).AbsoluteUri })
                start.ArgumentList.Add(a);
            using var process = Process.Start(start) ?? throw new IOException("无法启动 Chromium");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
            {
                process.Kill(entireProcessTree: true);
                throw new IOException("Chromium 在 120 秒内未写完 PDF");
            }
            _ = stdout.Result;
            if (process.ExitCode != 0 || !File.Exists(output)) throw new IOException($"Chromium 未能写出 PDF（退出码 {process.ExitCode}）：{stderr.Result}");
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
