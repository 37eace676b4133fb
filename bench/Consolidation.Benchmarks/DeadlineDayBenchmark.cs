using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Consolidation.Contracts;
using Consolidation.Contracts.Mapping;
using Consolidation.Domain.Model;
using Consolidation.Synthetic;
using Grpc.Core;
using Grpc.Net.Client;
using D = Consolidation.Domain.Model;

namespace Consolidation.Benchmarks;

/// <summary>
/// deadline-day: the last day before the deadline, as a load generator bounded in time and count, loopback only. A real
/// server (Release, a fresh LiteDB file, a registry of every department and its 下属单位) and N departments (2,000), each
/// with its own department credential, arriving at random moments within a window: each submits (v1), submits a
/// correction (v2), retries that correction with the same request ID (a replay: nothing stored), resubmits it under a new
/// one (unchanged: nothing stored) and asks its status; meanwhile the bureau reads coverage and departments' versions.
/// Reports throughput, latency percentiles per call and every failure by status; then checks every department has
/// exactly its two versions. Options: --departments N (2000), --window S (60), --concurrency C (64), --readers R (2),
/// --seed S (1), --max-seconds T (900).
/// </summary>
public static class DeadlineDayBenchmark
{
    private const int Year = SyntheticAccounts.DefaultFiscalYear;

    private sealed record Department(string Code, D.FinalAccounts First, D.FinalAccounts Correction, Metadata Credential, TimeSpan ArrivesAt);

    private sealed class Calls
    {
        private readonly ConcurrentDictionary<string, ConcurrentBag<double>> _latencies = new();
        private readonly ConcurrentDictionary<string, int> _failures = new();

        public async Task<T?> Time<T>(string kind, Func<Task<T>> call) where T : class
        {
            var watch = Stopwatch.StartNew();
            try
            {
                var result = await call();
                _latencies.GetOrAdd(kind, _ => []).Add(watch.Elapsed.TotalMilliseconds);
                return result;
            }
            catch (RpcException e)
            {
                _failures.AddOrUpdate($"{kind} {e.StatusCode}: {Excerpt(e.Status.Detail)}", 1, (_, n) => n + 1);
                return null;
            }
        }

        public int Count(string kind) => _latencies.TryGetValue(kind, out var l) ? l.Count : 0;
        public int FailureCount => _failures.Values.Sum();

        public void Print(TimeSpan busy)
        {
            Console.WriteLine($"  {"call",-28} {"count",7} {"per s",7} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8}");
            foreach (var (kind, bag) in _latencies.OrderBy(k => k.Key, StringComparer.Ordinal))
            {
                var sorted = bag.Order().ToList();
                Console.WriteLine($"  {kind,-28} {sorted.Count,7} {sorted.Count / busy.TotalSeconds,7:0} {Measure.Percentile(sorted, 50),8:0.0} " +
                                  $"{Measure.Percentile(sorted, 95),8:0.0} {Measure.Percentile(sorted, 99),8:0.0} {sorted[^1],8:0.0}");
            }
            Console.WriteLine(_failures.IsEmpty ? "  failures: none" : "  failures:");
            foreach (var (what, n) in _failures.OrderByDescending(f => f.Value)) Console.WriteLine($"    {n,6} × {what}");
        }

        private static string Excerpt(string s) => s.Length <= 80 ? s : s[..80] + "…";
    }

    public static int Run(string[] args)
    {
        var count = Option(args, "--departments", 2_000);
        var window = TimeSpan.FromSeconds(Option(args, "--window", 60));
        var concurrency = Option(args, "--concurrency", 64);
        var readers = Option(args, "--readers", 2);
        var seed = Option(args, "--seed", 1);
        var limit = TimeSpan.FromSeconds(Option(args, "--max-seconds", 900));
        var root = BenchmarkRoot.Repo();
        BenchmarkRoot.BuildRelease(root, "server/Consolidation.Server");
        var work = Directory.CreateTempSubdirectory("fa-bench-deadline").FullName;
        var failed = true;
        try
        {
            var rng = new Random(seed);
            var accounts = RandomProfiles.Many(count, seed).Select(p => SyntheticAccounts.Generate(p.Profile, p.Seed)).ToList();
            var registry = Path.Combine(work, "registry.csv");
            File.WriteAllText(registry, RegistryOf(accounts), new UTF8Encoding(true));
            using var server = ServerProcess.Start(root, work, [$"--Consolidation:RegistryPath={registry}"]);
            var bureau = new Metadata { { "authorization", "Bearer " + File.ReadAllText(Path.Combine(work, "bureau-credential.txt")).Trim() } };
            using var channel = GrpcChannel.ForAddress(server.Address, new GrpcChannelOptions { MaxReceiveMessageSize = 64 * 1024 * 1024 });
            var submissions = new SubmissionService.SubmissionServiceClient(channel);
            var consolidation = new ConsolidationService.ConsolidationServiceClient(channel);
            var credentials = new CredentialService.CredentialServiceClient(channel);

            // Each department's own credential (issued by the bureau beforehand, as a city does before the season).
            var departments = accounts.Select((a, i) =>
            {
                var issued = Issue(credentials, bureau, a);
                var correction = a with { Staffing = a.Staffing with { Retired = a.Staffing.Retired + 1 } };
                return new Department(a.DepartmentCode, a, correction, new Metadata { { "authorization", "Bearer " + issued.Secret } },
                    TimeSpan.FromMilliseconds(rng.NextDouble() * window.TotalMilliseconds));
            }).ToList();
            Console.WriteLine($"deadline-day: {count:N0} departments (each its own credential) arriving within {window.TotalSeconds:0} s, " +
                              $"at most {concurrency} at once, {readers} bureau readers; server {server.Address}, LiteDB, Release");

            var calls = new Calls();
            using var stop = new CancellationTokenSource(limit);
            var gate = new SemaphoreSlim(concurrency);
            server.Process.Refresh();
            var cpu0 = server.Process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var done = 0;
            var reading = Enumerable.Range(0, readers).Select(r => Task.Run(async () =>
            {
                var readerRng = new Random(seed * 100 + r);
                while (Volatile.Read(ref done) < count && !stop.IsCancellationRequested)
                {
                    await calls.Time("bureau ListCoverage", async () => await consolidation.ListCoverageAsync(new ListCoverageRequest { FiscalYear = Year }, bureau));
                    var code = departments[readerRng.Next(departments.Count)].Code;
                    await calls.Time("bureau ListVersions", async () => await submissions.ListVersionsAsync(
                        new ListVersionsRequest { DepartmentCode = code, FiscalYear = Year }, bureau));
                    await Task.Delay(100);
                }
            })).ToList();
            var departing = departments.Select(d => Task.Run(async () =>
            {
                var wait = d.ArrivesAt - clock.Elapsed;
                if (wait > TimeSpan.Zero) await Task.Delay(wait, stop.Token);
                await gate.WaitAsync(stop.Token);
                try { await Season(d, submissions, calls); }
                finally
                {
                    gate.Release();
                    Interlocked.Increment(ref done);
                }
            })).ToList();
            try { Task.WaitAll([.. departing, .. reading]); }
            catch (AggregateException e) when (e.InnerExceptions.All(x => x is OperationCanceledException))
            {
                Console.WriteLine($"  stopped at --max-seconds {limit.TotalSeconds:0}: {done} of {count} departments done");
            }
            var busy = clock.Elapsed;
            server.Process.Refresh();
            var serverCpu = server.Process.TotalProcessorTime - cpu0;
            var submits = new[] { "submit v1", "submit v2 (correction)", "retry v2 (same request ID)", "resubmit v2 (unchanged)" }.Sum(calls.Count);
            Console.WriteLine($"  {busy.TotalSeconds:0.0} s from the first arrival to the last answer; {submits:N0} submit calls, " +
                              $"{submits / busy.TotalSeconds:0} /s on average; server CPU {serverCpu.TotalSeconds:0.0} s " +
                              $"({serverCpu.TotalMilliseconds / Math.Max(1, submits):0.00} ms per submit call), server peak working set {server.PeakMiB():0} MiB");
            calls.Print(busy);

            // What must hold after the day: every department has its two versions, no more, no fewer.
            // Read at the pace the bureau's rate limit allows (a check, not measured).
            var wrong = departments.Select(d => Paced(() =>
                submissions.ListVersions(new ListVersionsRequest { DepartmentCode = d.Code, FiscalYear = Year }, bureau).Versions.Count)).Count(n => n != 2);
            Console.WriteLine(wrong == 0 ? $"  stored: every one of the {count:N0} departments has exactly its 2 versions"
                : $"  STORED WRONG: {wrong} departments do not have exactly 2 versions");
            failed = wrong != 0 || calls.FailureCount != 0;
            if (failed) Console.WriteLine($"  the server's log and data are kept in {work}");
            return failed ? 1 : 0;
        }
        finally
        {
            if (!failed) try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>A department credential, issued at the pace the bureau's rate limit allows (setup, not measured).</summary>
    private static IssuedCredential Issue(CredentialService.CredentialServiceClient credentials, Metadata bureau, D.FinalAccounts a) =>
        Paced(() => credentials.IssueCredential(new IssueCredentialRequest
            { Name = $"{a.DepartmentName}决算填报", Role = PrincipalRole.Department, DepartmentCode = a.DepartmentCode }, bureau));

    /// <summary>A bureau call outside the measured day, waiting out the credential's rate limit (RESOURCE_EXHAUSTED).</summary>
    private static T Paced<T>(Func<T> call)
    {
        while (true)
        {
            try { return call(); }
            catch (RpcException e) when (e.StatusCode == StatusCode.ResourceExhausted) { Thread.Sleep(250); }
        }
    }

    /// <summary>One department's last day: v1, a correction, a retry of it, the same again under a new ID, its status.</summary>
    private static async Task Season(Department d, SubmissionService.SubmissionServiceClient client, Calls calls)
    {
        var v1 = AccountsMapper.ToProto(d.First);
        var v2 = AccountsMapper.ToProto(d.Correction);
        var correctionId = Guid.NewGuid().ToString("n");
        await calls.Time("submit v1", async () => await client.SubmitAsync(new SubmitRequest { Accounts = v1, RequestId = Guid.NewGuid().ToString("n") }, d.Credential));
        await calls.Time("submit v2 (correction)", async () => await client.SubmitAsync(new SubmitRequest { Accounts = v2, RequestId = correctionId }, d.Credential));
        await calls.Time("retry v2 (same request ID)", async () => await client.SubmitAsync(new SubmitRequest { Accounts = v2, RequestId = correctionId }, d.Credential));
        await calls.Time("resubmit v2 (unchanged)", async () => await client.SubmitAsync(new SubmitRequest { Accounts = v2, RequestId = Guid.NewGuid().ToString("n") }, d.Credential));
        await calls.Time("status", async () => await client.GetSubmissionAsync(new GetSubmissionRequest { DepartmentCode = d.Code, FiscalYear = Year }, d.Credential));
    }

    /// <summary>The registry every department and 下属单位 of the day is in (code,name,parent,type).</summary>
    private static string RegistryOf(IEnumerable<D.FinalAccounts> accounts)
    {
        var sb = new StringBuilder("code,name,parent,type\n");
        foreach (var a in accounts)
        {
            var self = a.Composition.Self;
            sb.Append(CultureInfo.InvariantCulture, $"{self.Code},{self.Name},,{UnitTypes.Name(self.Type)}\n");
            foreach (var u in a.Composition.Subordinates.Where(u => u.Code != self.Code))
                sb.Append(CultureInfo.InvariantCulture, $"{u.Code},{u.Name},{self.Code},{UnitTypes.Name(u.Type)}\n");
        }
        return sb.ToString();
    }

    private static int Option(string[] args, string name, int fallback) =>
        Array.IndexOf(args, name) is >= 0 and var i && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}
