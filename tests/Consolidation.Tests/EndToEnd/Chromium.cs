using System.Diagnostics;

namespace Consolidation.Tests.EndToEnd;

/// <summary>
/// Debian's headless Chromium, as the tests use it to open the HTML export (scripts/test.sh installs it with
/// <c>apt-get install -y chromium</c>). When it is not installed the test fails, saying so — it never passes silently.
/// </summary>
public static class Chromium
{
    public static string? Find()
    {
        foreach (var candidate in new[] { Environment.GetEnvironmentVariable("FA_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser" })
            if (!string.IsNullOrEmpty(candidate) && File.Exists(candidate)) return candidate;
        return null;
    }

    public static string Require() => Find() ?? throw new Xunit.Sdk.XunitException(
        "CHROMIUM IS NOT INSTALLED: the HTML export cannot be checked. Install it with `apt-get install -y chromium` " +
        "(Debian's package; scripts/test.sh installs it) or point FA_CHROMIUM at a chromium binary. This test does not pass without it.");

    /// <summary>Runs headless Chromium with a fresh profile on <paramref name="url"/>; returns its stdout.</summary>
    public static string Run(string url, params string[] args)
    {
        var profile = Directory.CreateTempSubdirectory("fa-chromium-").FullName;
        try
        {
            var start = new ProcessStartInfo(Require()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                         "--disable-sync", "--no-first-run", $"--user-data-dir={profile}" }.Concat(args).Append(url))
                start.ArgumentList.Add(a);
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("chromium did not finish within 90 s");
            }
            if (process.ExitCode != 0) throw new InvalidOperationException($"chromium exited {process.ExitCode}: {stderr.Result}");
            return stdout.Result;
        }
        finally
        {
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { }
        }
    }
}
