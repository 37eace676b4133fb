using System.Diagnostics;

namespace Consolidation.Benchmarks;

/// <summary>The repository the benchmark runs in, and its projects built in Release.</summary>
public static class BenchmarkRoot
{
    public static string Repo()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Consolidation.sln"))) return dir.FullName;
        throw new InvalidOperationException("Consolidation.sln not found");
    }

    public static void BuildRelease(string root, params string[] projects)
    {
        foreach (var project in projects)
        {
            var build = Process.Start(new ProcessStartInfo("dotnet", ["build", "-c", "Release", "-nologo", "-v", "quiet", Path.Combine(root, project)])
                { RedirectStandardOutput = true, UseShellExecute = false })!;
            var output = build.StandardOutput.ReadToEnd();
            build.WaitForExit();
            if (build.ExitCode != 0) throw new InvalidOperationException($"building {project} failed:\n{output}");
        }
    }
}

/// <summary>
/// The real server (Release) on a free loopback port with a fresh LiteDB file in <c>work</c>: its address once it
/// listens, its process (CPU, memory), killed when disposed.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private long _peak;

    private ServerProcess(Process process, string address)
    {
        Process = process;
        Address = address;
    }

    public Process Process { get; }
    public string Address { get; }

    public static ServerProcess Start(string root, string work, IEnumerable<string> settings) =>
        StartDll(Path.Combine(root, "server", "Consolidation.Server", "bin", "Release", "net10.0", "Consolidation.Server.dll"), work, settings);

    /// <summary>The server of this build (a Release build's or a publish's Consolidation.Server.dll).</summary>
    public static ServerProcess StartDll(string dll, string work, IEnumerable<string> settings)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = work };
        foreach (var a in new[] { dll, "--contentRoot", work, "--Consolidation:Port=0", $"--Consolidation:DataPath={Path.Combine(work, "bench.litedb")}",
                     "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information" }.Concat(settings))
            start.ArgumentList.Add(a);
        var process = Process.Start(start)!;
        var address = new TaskCompletionSource<string>();
        // The server's log, kept beside its data: what a failure in the figures was.
        var log = TextWriter.Synchronized(new StreamWriter(Path.Combine(work, "server.log")) { AutoFlush = true });
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            log.WriteLine(e.Data);
            const string marker = "Now listening on: ";
            if (e.Data.IndexOf(marker, StringComparison.Ordinal) is >= 0 and var i) address.TrySetResult(e.Data[(i + marker.Length)..].Trim());
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!address.Task.Wait(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("the server did not start");
        }
        return new ServerProcess(process, address.Task.Result);
    }

    /// <summary>The server's peak working set so far (Linux: VmHWM), MiB.</summary>
    public double PeakMiB()
    {
        try
        {
            var line = File.ReadLines($"/proc/{Process.Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            if (line is not null) _peak = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
        }
        catch (IOException) { }
        return _peak / 1048576.0;
    }

    public void Dispose()
    {
        try { Process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        Process.WaitForExit();
        Process.Dispose();
    }
}
