using System.Diagnostics;
using System.Text;
using Consolidation.Domain.Checking;
using Consolidation.Domain.Rules;
using Consolidation.Server.Application;
using Consolidation.Server.Application.Ports;
using Consolidation.Server.Services;
using Consolidation.Server.Storage;
using Consolidation.Server.Storage.LiteDb;
using Consolidation.Synthetic;
using Microsoft.Extensions.DependencyInjection;

namespace Consolidation.Benchmarks;

/// <summary>
/// <c>consolidate [COUNTS] [--repeat N] [--seed S] [--keep DIR]</c>: N synthetic departments (the generator) stored as
/// accepted submissions in a fresh LiteDB file, with a registry of all of them; then, through the server's own
/// application layer over its LiteDB adapter (as <c>fa consolidate</c> makes it run) and alternating: (a) reading
/// the latest accepted versions back, decoded, one at a time (the least a consolidation must do); (b) a whole run
/// — streamed sums, eliminations, coverage, headlines, narrative, content hash, the run stored (in pieces when beyond
/// LiteDB's 16 MiB documents); (c) that run read back; (d) the coverage report. Time: the median of the repeats (wall
/// and this process's CPU); memory: the peak managed heap above the phase's baseline (sampled every 2 ms) and the
/// process's peak resident set during the phase (Linux: VmHWM, reset before each phase).
/// </summary>
public static class ConsolidateBenchmark
{
    public static int Run(string[] args)
    {
        var counts = new List<int>();
        var repeat = 3;
        var seed = 2023;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--repeat": repeat = int.Parse(args[++i]); break;
                case "--seed": seed = int.Parse(args[++i]); break;
                default: counts.AddRange(args[i].Split(',').Select(int.Parse)); break;
            }
        }
        if (counts.Count == 0) counts = [10_000, 100_000];

        Console.WriteLine($"consolidate: repeat {repeat}, seed {seed}, {Environment.ProcessorCount} cores, .NET {Environment.Version}, " +
                          $"{GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1048576} MiB available to the GC");
        foreach (var n in counts) One(n, repeat, seed);
        return 0;
    }

    private static void One(int n, int repeat, int seed)
    {
        var dir = Directory.CreateTempSubdirectory("fa-bench-").FullName;
        try
        {
            var path = Path.Combine(dir, "bench.litedb");
            var setup = Stopwatch.StartNew();
            Store(path, n, seed);
            using var services = Services(path);
            var office = services.GetRequiredService<ConsolidationOffice>();
            var book = services.GetRequiredService<SubmissionBook>();
            var year = SyntheticAccounts.DefaultFiscalYear;
            Console.WriteLine($"{n:N0} departments: stored and registered in {setup.Elapsed.TotalSeconds:F0} s, data file {new FileInfo(path).Length / 1048576} MiB");

            var phases = new Dictionary<string, List<Sample>> { ["read"] = [], ["run"] = [], ["read run"] = [], ["coverage"] = [] };
            var runBytes = 0L;
            var lastRun = 0;
            for (var r = 0; r < repeat; r++)
            {
                phases["read"].Add(Phase(() => book.LatestAccepted(year).Count(s => s.LoadAccounts().FiscalYear == year)));
                phases["run"].Add(Phase(() => (lastRun = office.Run(year, "bench").RunNumber)));
                phases["read run"].Add(Phase(() => office.Get(year, lastRun)!.Included.Count));
                phases["coverage"].Add(Phase(() => office.Coverage(year).Departments.Count));
            }
            runBytes = services.GetRequiredService<IConsolidationRunStore>().Get(year, lastRun)!.Disclosure.Length;
            var included = office.Get(year, lastRun)!.Included.Count;
            Console.WriteLine($"  run {lastRun}: {included:N0} versions included, disclosure {runBytes / 1048576.0:F1} MiB encoded");
            Console.WriteLine($"  {"phase",-10} {"wall ms",9} {"cpu ms",9} {"µs cpu/dept",12} {"peak heap MiB",14} {"peak RSS MiB",13}");
            foreach (var (name, samples) in phases)
            {
                var wall = Median(samples.Select(s => s.Ms));
                var cpu = Median(samples.Select(s => s.Cpu));
                Console.WriteLine($"  {name,-10} {wall,9:F0} {cpu,9:F0} {cpu * 1000 / n,12:F0} {samples.Max(s => s.PeakHeap) / 1048576.0,14:F0} {samples.Max(s => s.PeakRss) / 1048576.0,13:F0}");
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>The N departments as accepted versions and the registry, written in groups (setup, not timed).</summary>
    private static void Store(string path, int n, int seed)
    {
        using var store = new LiteDbStore(path, flushCommits: false);
        var book = new SubmissionBook(new LiteDbSubmissionStore(store), ContractEncoding.Instance);
        var accepted = new CheckResult([], SubmissionStatus.Accepted);
        var csv = new StringBuilder("code,name,type\n");
        foreach (var group in RandomProfiles.Many(n, seed).Chunk(512))
        {
            var items = group.Select(g =>
            {
                csv.Append(g.Profile.Code).Append(',').Append(g.Profile.Name).Append(',').Append(Consolidation.Domain.Model.UnitTypes.Name(g.Profile.Type)).Append('\n');
                return book.Prepare(Guid.NewGuid().ToString("n"), SyntheticAccounts.Generate(g.Profile, g.Seed), "bench", accepted);
            }).ToList();
            book.StoreRequests(items, _ => throw new UnreachableException(), DateTime.UtcNow);
        }
        new RegistryBook(new LiteDbRegistryStore(store), TimeProvider.System).Import(csv.ToString(), "bench", "bench.csv");
    }

    /// <summary>The server's application layer over its LiteDB adapter, wired as Program.cs wires it (review off).</summary>
    private static ServiceProvider Services(string path)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        new LiteDbAdapter().Register(services, new StorageSettings(path, ""));
        services.AddSingleton(new ServerOptions { RequireReview = false });
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IRecordEncoding>(ContractEncoding.Instance);
        services.AddSingleton(_ => GlossarySources.Load(""));
        foreach (var type in new[] { typeof(SubmissionBook), typeof(ConsolidationRuns), typeof(RegistryBook), typeof(YearLocks), typeof(ReviewDesk),
                     typeof(RegistryGate), typeof(GlossaryOffice), typeof(ConsolidationOffice) })
            services.AddSingleton(type);
        return services.BuildServiceProvider();
    }

    private sealed record Sample(double Ms, double Cpu, long PeakHeap, long PeakRss);

    /// <summary>Runs <paramref name="work"/> after a full collection: wall and CPU time, peak managed heap above the baseline, peak RSS.</summary>
    private static Sample Phase(Func<int> work)
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var baseline = GC.GetTotalMemory(true);
        ResetPeakRss();
        long peak = 0;
        using var stop = new CancellationTokenSource();
        var sampler = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false) - baseline);
                Thread.Sleep(2);
            }
        }) { IsBackground = true };
        sampler.Start();
        var cpu = Measure.Cpu();
        var watch = Stopwatch.StartNew();
        var result = work();
        watch.Stop();
        var cpuMs = (Measure.Cpu() - cpu).TotalMilliseconds;
        peak = Math.Max(peak, GC.GetTotalMemory(false) - baseline);
        GC.KeepAlive(result);
        stop.Cancel();
        sampler.Join();
        return new Sample(watch.Elapsed.TotalMilliseconds, cpuMs, peak, PeakRss());
    }

    /// <summary>Linux: resets the process's peak resident set (VmHWM) to its current size.</summary>
    private static void ResetPeakRss()
    {
        try { File.WriteAllText("/proc/self/clear_refs", "5"); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static long PeakRss()
    {
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            if (line is not null) return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
        }
        catch (IOException) { }
        return Measure.PeakWorkingSetBytes();
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
