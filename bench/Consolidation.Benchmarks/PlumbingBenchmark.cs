using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Consolidation.Contracts.Mapping;
using Consolidation.Domain.Checking;
using Consolidation.Domain.Files;
using Consolidation.Server.Application;
using Consolidation.Server.Services;
using Consolidation.Server.Storage.LiteDb;
using Consolidation.Synthetic;
using Microsoft.Extensions.Logging.Abstractions;
using Contract = Consolidation.Contracts.FinalAccounts;

namespace Consolidation.Benchmarks;

/// <summary>
/// <c>plumbing [--count 3000] [--seed 1] [--runs 7] [--repeat 1]</c> (issue 18): what the two processes, gRPC and start-up cost on
/// top of the work, in one run. The work: the server's intake in process (<see cref="IdempotentIntake.SubmitAll"/> on
/// groups of 256, the accounts mapped from the contract as the handler maps them, a fresh data file). The same
/// submissions end to end (<c>fa batch DIR</c> → server → LiteDB) for each build of the two processes — the plain
/// Release build (JIT) and the ReadyToRun publish (<c>scripts/publish-client.sh</c>, <c>scripts/publish-server.sh</c>)
/// — against a fresh server and against a warm one (another batch of the same size sent first, untimed). Prints the
/// rates, the ratios end to end / in process, the CPU of each process per submission (the client's from
/// <c>getrusage(RUSAGE_CHILDREN)</c>, exact), and each build's start-up: <c>fa --help</c> and a first <c>fa submit</c>
/// to a fresh server (medians of <c>--runs</c>). With <c>--repeat R</c> the in-process and end-to-end measurements run R
/// rounds, alternating, and the medians are printed (this box moves by ±15 % from run to run).
/// </summary>
public static class PlumbingBenchmark
{
    private sealed record Build(string Name, string Client, string Server);

    public static int Run(string[] args)
    {
        var count = Option(args, "--count", 3000);
        var seed = Option(args, "--seed", 1);
        var runs = Option(args, "--runs", 7);
        var repeat = Option(args, "--repeat", 1);
        var root = BenchmarkRoot.Repo();
        var work = Directory.CreateTempSubdirectory("fa-bench-plumbing").FullName;
        try
        {
            Console.WriteLine($"plumbing: {count} submissions, {Environment.ProcessorCount} cores, .NET {Environment.Version}, work dir {work}");
            var builds = Prepare(root, work);
            var input = Path.Combine(work, "in");
            var warm = Path.Combine(work, "warm");
            SampleWriter.WriteRandom(input, count, seed, 2023);
            SampleWriter.WriteRandom(warm, count, seed + 1_000, 2023);
            var files = Directory.GetFiles(input, "*.json").Order(StringComparer.Ordinal).ToArray();

            // The work at its best: this process warmed by the other batch first (its code compiled), then the input
            // on a fresh file — what a long-running server does per submission, without the two processes and gRPC.
            var warmFiles = Directory.GetFiles(warm, "*.json").Order(StringComparer.Ordinal).ToArray();
            var cold = InProcess(work, warmFiles, "in-process-warm-up");
            Console.WriteLine($"in process, first (cold) pass over the other batch: {cold.Rate:N0} /s");

            // Repeated rounds, each: the intake in process, then every build × fresh/warm end to end; medians below.
            // Alternating keeps the machine's drift from falling on one configuration.
            var inProcess = new List<InProcessFigures>();
            var endToEnd = new Dictionary<(string, bool), List<EndToEndFigures>>();
            for (var round = 0; round < repeat; round++)
            {
                inProcess.Add(InProcess(work, files, $"in-process-{round}"));
                foreach (var build in builds)
                    foreach (var fresh in new[] { true, false })
                    {
                        var e = EndToEnd(build, work, input, fresh ? null : warm, count);
                        if (!endToEnd.TryGetValue((build.Name, fresh), out var list)) endToEnd[(build.Name, fresh)] = list = [];
                        list.Add(e);
                        Console.WriteLine($"  round {round + 1}: {build.Name} {(fresh ? "fresh" : "warm")} {e.Rate:N0} /s (in process {inProcess[^1].Rate:N0} /s)");
                    }
            }
            var rate = Median(inProcess.Select(x => x.Rate));
            Console.WriteLine();
            Console.WriteLine($"medians of {repeat} round(s)");
            Console.WriteLine($"in process (IdempotentIntake.SubmitAll, groups of 256, fresh file): {rate:N0} /s, {Median(inProcess.Select(x => x.CpuMs)):F2} ms CPU per submission " +
                              $"(rounds: {string.Join(", ", inProcess.Select(x => x.Rate.ToString("N0", CultureInfo.InvariantCulture)))})");
            Console.WriteLine($"{"build",-10} {"server",-6} {"rate /s",8} {"ratio",6} {"server ms/sub",14} {"client ms/sub",14} {"wall s",7}");
            foreach (var ((name, fresh), list) in endToEnd)
            {
                var r = Median(list.Select(x => x.Rate));
                Console.WriteLine($"{name,-10} {(fresh ? "fresh" : "warm"),-6} {r,8:N0} {r / rate,6:F2} {Median(list.Select(x => x.ServerMs)),14:F2} " +
                                  $"{Median(list.Select(x => x.ClientMs)),14:F2} {Median(list.Select(x => x.Wall)),7:F2}");
            }

            Console.WriteLine();
            Console.WriteLine($"{"build",-10} {"fa --help wall ms",18} {"cpu ms",7} {"first fa submit wall ms",24} {"cpu ms",7}   (medians of {runs})");
            foreach (var build in builds)
            {
                var help = Median(Enumerable.Range(0, runs).Select(_ => Timed(build.Client, ["--help"], null)).ToList());
                var submit = FirstSubmit(build, work, files[0], runs);
                Console.WriteLine($"{build.Name,-10} {help.Wall,18:F0} {help.Cpu,7:F0} {submit.Wall,24:F0} {submit.Cpu,7:F0}");
            }
            return 0;
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>The Release build (JIT) and the ReadyToRun publish of both processes.</summary>
    private static List<Build> Prepare(string root, string work)
    {
        BenchmarkRoot.BuildRelease(root, "server/Consolidation.Server", "client/Consolidation.Client");
        var jit = new Build("jit", Path.Combine(root, "client/Consolidation.Client/bin/Release/net10.0/fa.dll"),
            Path.Combine(root, "server/Consolidation.Server/bin/Release/net10.0/Consolidation.Server.dll"));
        var r2rClient = Path.Combine(work, "fa-r2r");
        var r2rServer = Path.Combine(work, "server-r2r");
        Script(root, "scripts/publish-client.sh", r2rClient);
        Script(root, "scripts/publish-server.sh", r2rServer);
        return [jit, new Build("readytorun", Path.Combine(r2rClient, "fa.dll"), Path.Combine(r2rServer, "Consolidation.Server.dll"))];
    }

    private static void Script(string root, string script, string output)
    {
        var p = Process.Start(new ProcessStartInfo("bash", [Path.Combine(root, script), output]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = root })!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{script} failed:\n{stdout}\n{stderr.Result}");
    }

    private sealed record InProcessFigures(double Rate, double CpuMs);

    /// <summary>The work itself: the server's intake of the contract messages, in process, on a fresh data file.</summary>
    private static InProcessFigures InProcess(string work, string[] files, string name)
    {
        var messages = files.AsParallel().AsOrdered().Select(f => AccountsMapper.ToProto(SubmissionFile.Read(f))).ToArray();
        using var store = new LiteDbStore(Path.Combine(work, name + ".litedb"));
        var idempotent = InProcessIntake.Open(store);
        var ids = messages.Select(_ => Guid.NewGuid().ToString("n")).ToArray();
        GC.Collect();
        var cpu = Measure.Cpu();
        var watch = Stopwatch.StartNew();
        InProcessIntake.StoreAll(idempotent, messages, ids);
        watch.Stop();
        return new InProcessFigures(messages.Length / watch.Elapsed.TotalSeconds, (Measure.Cpu() - cpu).TotalMilliseconds / messages.Length);
    }

    private sealed record EndToEndFigures(double Rate, double ServerMs, double ClientMs, double Wall);

    /// <summary><c>fa batch</c> of the input to a server of this build: fresh, or warmed by another batch first.</summary>
    private static EndToEndFigures EndToEnd(Build build, string work, string input, string? warmUp, int count)
    {
        var dir = Directory.CreateDirectory(Path.Combine(work, $"e2e-{Guid.NewGuid():n}")).FullName;
        using var server = ServerProcess.StartDll(build.Server, dir, []);
        var credential = Path.Combine(dir, "bureau-credential.txt");
        if (warmUp is not null) Timed(build.Client, ["batch", warmUp, "--no-journal", "--table", "none"], server.Address, credential, expectExit: 0);
        server.Process.Refresh();
        var serverCpu = server.Process.TotalProcessorTime;
        var client = Timed(build.Client, ["batch", input, "--no-journal", "--table", "none"], server.Address, credential, expectExit: 0);
        server.Process.Refresh();
        var serverMs = (server.Process.TotalProcessorTime - serverCpu).TotalMilliseconds;
        return new EndToEndFigures(count / (client.Wall / 1000), serverMs / count, client.Cpu / count, client.Wall / 1000);
    }

    /// <summary>A first <c>fa submit</c> to a fresh server, <paramref name="runs"/> times (a new server each time).</summary>
    private static (double Wall, double Cpu) FirstSubmit(Build build, string work, string file, int runs)
    {
        var samples = new List<(double, double)>();
        for (var r = 0; r < runs; r++)
        {
            var dir = Directory.CreateDirectory(Path.Combine(work, $"first-{Guid.NewGuid():n}")).FullName;
            using var server = ServerProcess.StartDll(build.Server, dir, []);
            samples.Add(Timed(build.Client, ["submit", file], server.Address, Path.Combine(dir, "bureau-credential.txt")));
        }
        return Median(samples);
    }

    /// <summary>Runs <c>fa</c> once: its wall time and its CPU (user + system, from the kernel's account of reaped children), ms.</summary>
    private static (double Wall, double Cpu) Timed(string faDll, string[] args, string? server, string? credential = null, int? expectExit = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(faDll);
        foreach (var a in args) start.ArgumentList.Add(a);
        if (server is not null) { start.ArgumentList.Add("--server"); start.ArgumentList.Add(server); }
        if (credential is not null) start.Environment["FA_CREDENTIAL_FILE"] = credential;
        start.Environment.Remove("FA_CREDENTIAL");
        var before = ChildrenCpu();
        var watch = Stopwatch.StartNew();
        using var p = Process.Start(start)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        var wall = watch.Elapsed.TotalMilliseconds;
        if (expectExit is { } code && p.ExitCode != code)
            throw new InvalidOperationException($"fa {string.Join(' ', args)} exited {p.ExitCode}:\n{stdout[^Math.Min(stdout.Length, 2000)..]}\n{stderr.Result}");
        return (wall, (ChildrenCpu() - before).TotalMilliseconds);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct RUsage
    {
        public long UserSeconds, UserMicroseconds, SystemSeconds, SystemMicroseconds;
        [MarshalAs(UnmanagedType.ByValArray, SizeConst = 14)] public long[] Rest;
    }

    [DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetRUsage(int who, out RUsage usage);

    /// <summary>CPU of every child process this process has waited for (RUSAGE_CHILDREN), user + system.</summary>
    private static TimeSpan ChildrenCpu()
    {
        if (GetRUsage(-1, out var u) != 0) return TimeSpan.Zero;
        return TimeSpan.FromMicroseconds((u.UserSeconds + u.SystemSeconds) * 1_000_000.0 + u.UserMicroseconds + u.SystemMicroseconds);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static (double Wall, double Cpu) Median(List<(double Wall, double Cpu)> samples) =>
        (samples.Select(s => s.Wall).Order().ElementAt(samples.Count / 2), samples.Select(s => s.Cpu).Order().ElementAt(samples.Count / 2));

    private static int Option(string[] args, string name, int fallback) =>
        Array.IndexOf(args, name) is >= 0 and var i && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}
