using System.Diagnostics;
using Consolidation.Domain.Checking;
using Consolidation.Domain.Consolidation;
using Consolidation.Domain.Model;
using Consolidation.Domain.Rules;
using Consolidation.Server.Application;
using Consolidation.Server.Application.Ports;
using Consolidation.Server.Services;
using Consolidation.Server.Storage.LiteDb;
using Consolidation.Synthetic;

namespace Consolidation.Benchmarks;

/// <summary>
/// <c>consolidate [COUNTS] [--repeat N] [--seed S]</c>: N synthetic departments (the generator) stored as accepted
/// submissions in a fresh LiteDB file; then, side by side in one run and alternating, (a) reading them back from storage
/// (the latest accepted version of each, accounts decoded) and (b) the same read followed by the whole consolidation —
/// sums, eliminations, coverage against a registry of all of them, headlines, generated narrative, content hash. Time is
/// the median of the repeats (wall and this process's CPU time, which a shared machine disturbs less); memory is the peak managed heap sampled during the phase (and the process's peak working set).
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
        if (counts.Count == 0) counts = [1_000, 10_000];

        Console.WriteLine($"consolidate: repeat {repeat}, seed {seed}, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        Console.WriteLine($"{"departments",12} {"read ms",9} {"read cpu ms",12} {"read peak MiB",14} {"consolidate ms",15} {"consol. cpu ms",15} {"consol. peak MiB",17} {"ratio",6} {"cpu ratio",10}");
        foreach (var n in counts) One(n, repeat, seed);
        Console.WriteLine($"process peak working set: {Measure.PeakWorkingSetBytes() / 1024 / 1024} MiB");
        return 0;
    }

    private static void One(int n, int repeat, int seed)
    {
        var dir = Directory.CreateTempSubdirectory("fa-bench-").FullName;
        try
        {
            using var store = new LiteDbStore(Path.Combine(dir, "bench.litedb"));
            var repo = new SubmissionBook(new LiteDbSubmissionStore(store), ContractEncoding.Instance);
            var registry = new List<RegisteredDepartment>();
            var accepted = new CheckResult([], SubmissionStatus.Accepted);
            var at = DateTime.UtcNow;
            foreach (var (profile, departmentSeed) in RandomProfiles.Many(n, seed))
            {
                var accounts = SyntheticAccounts.Generate(profile, departmentSeed);
                repo.Add(accounts, accepted, "bench", at);
                registry.Add(new RegisteredDepartment(profile.Code, profile.Name, profile.Type));
            }

            var read = new List<(double Ms, double Cpu, long Peak)>();
            var consolidate = new List<(double Ms, double Cpu, long Peak)>();
            for (var r = 0; r < repeat; r++)
            {
                read.Add(Phase(() => ReadAll(repo).Count));
                consolidate.Add(Phase(() => Consolidate(repo, registry).Included.Count));
            }
            var readMs = Median(read.Select(x => x.Ms));
            var consolidateMs = Median(consolidate.Select(x => x.Ms));
            var readCpu = Median(read.Select(x => x.Cpu));
            var consolidateCpu = Median(consolidate.Select(x => x.Cpu));
            Console.WriteLine($"{n,12:N0} {readMs,9:F0} {readCpu,12:F0} {read.Max(x => x.Peak) / 1048576.0,14:F0} {consolidateMs,15:F0} {consolidateCpu,15:F0} " +
                              $"{consolidate.Max(x => x.Peak) / 1048576.0,17:F0} {consolidateMs / readMs,6:F2} {consolidateCpu / readCpu,10:F2}");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static List<(SubmissionRef, FinalAccounts)> ReadAll(SubmissionBook repo) =>
        repo.LatestAccepted(SyntheticAccounts.DefaultFiscalYear)
            .Select(s => (new SubmissionRef(s.DepartmentCode, s.DepartmentName, s.Version, s.ContentHash), s.LoadAccounts())).ToList();

    /// <summary>As a run is made: the disclosure built, then its content hash over its encoding.</summary>
    private static Disclosure Consolidate(SubmissionBook repo, IReadOnlyList<RegisteredDepartment> registry)
    {
        var d = DisclosureBuilder.Build(new DisclosureInputs(SyntheticAccounts.DefaultFiscalYear, "", ReadAll(repo), registry,
            repo.Filings(SyntheticAccounts.DefaultFiscalYear)));
        return d with { ContentHash = ContractEncoding.Instance.ContentHash(d) };
    }

    /// <summary>Runs <paramref name="work"/> after a full collection; wall time and the peak managed heap sampled every 2 ms.</summary>
    private static (double Ms, double Cpu, long Peak) Phase(Func<int> work)
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var baseline = GC.GetTotalMemory(true);
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
        return (watch.Elapsed.TotalMilliseconds, cpuMs, peak);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
