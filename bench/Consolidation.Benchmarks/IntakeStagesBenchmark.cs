using System.Diagnostics;
using System.Globalization;
using Consolidation.Contracts;
using Consolidation.Contracts.Mapping;
using Consolidation.Domain.Checking;
using Consolidation.Domain.Files;
using Consolidation.Domain.Rules;
using Consolidation.Domain.Validation;
using Consolidation.Server.Application;
using Consolidation.Server.Application.Ports;
using Consolidation.Server.Services;
using Consolidation.Server.Storage.LiteDb;
using Consolidation.Synthetic;
using Google.Protobuf;
using D = Consolidation.Domain.Model;

namespace Consolidation.Benchmarks;

/// <summary>
/// intake-stages: where the CPU of one batch submission goes, stage by stage, from the file on the client's disk to
/// the LiteDB transaction on the server — each stage run over the same N synthetic submissions on one thread, after a
/// warm-up pass, and timed as this process's CPU time. The stages are the calls the client and server make
/// (SubmissionInput/SubmissionFile, AccountsMapper, AccountsValidator, the content hash, AccountsChecker,
/// SubmissionBook.StoreRequests); the sum is the single-thread CPU budget of one submission, which the
/// <c>batch</c> benchmark spreads over two processes and the machine's cores. Options: --count N (2000), --seed S (1).
/// </summary>
public static class IntakeStagesBenchmark
{
    public static int Run(string[] args)
    {
        var count = Option(args, "--count", 2_000);
        var seed = Option(args, "--seed", 1);
        var work = Directory.CreateTempSubdirectory("fa-bench-intake").FullName;
        try
        {
            SampleWriter.WriteRandom(work, count, seed, 2023);
            var files = Directory.GetFiles(work, "*.json").Order(StringComparer.Ordinal).ToArray();
            Console.WriteLine($"intake-stages: {files.Length} synthetic submissions, one thread, CPU µs per submission (median of 3 passes)");

            // Each stage's inputs are the previous stage's outputs, computed once, outside the timing.
            var texts = files.Select(File.ReadAllBytes).ToArray();
            var domain = texts.Select(t => SubmissionFile.Parse(t)).ToArray();
            var protos = domain.Select(AccountsMapper.ToProto).ToArray();
            var wire = protos.Select(p => p.ToByteArray()).ToArray();
            var parsed = wire.Select(b => FinalAccounts.Parser.ParseFrom(b)).ToArray();
            var unpacked = parsed.Select(AccountsMapper.ToDomain).ToArray();
            var checker = AccountsChecker.Standard;
            var checks = unpacked.Select(a => checker.Check(a)).ToArray();
            var findingBytes = checks.Select(FindingBytes).ToArray();

            var stages = new (string Side, string Name, Action<int> Step)[]
            {
                ("client", "read the file's bytes", i => File.ReadAllBytes(files[i])),
                ("client", "JSON → domain (SubmissionFile.Parse of the bytes)", i => SubmissionFile.Parse(texts[i])),
                ("client", "journal key (SHA-256 of the file's bytes)", i => ContentDigest.Hex(texts[i])),
                ("client", "domain → contract (AccountsMapper.ToProto)", i => AccountsMapper.ToProto(domain[i])),
                ("client", "serialize for the wire", i => protos[i].ToByteArray()),
                ("server", "parse the wire bytes", i => FinalAccounts.Parser.ParseFrom(wire[i])),
                ("server", "contract → domain (AccountsMapper.ToDomain)", i => AccountsMapper.ToDomain(parsed[i])),
                ("server", "well-formedness (AccountsValidator)", i => AccountsValidator.Validate(unpacked[i])),
                ("server", "canonical bytes + SHA-256", i => ContentDigest.Of(unpacked[i])),
                ("server", "审核 (AccountsChecker, every rule)", i => checker.Check(unpacked[i])),
                ("server", "findings → bytes (stored with the version)", i => FindingBytes(checks[i])),
                // The reply's findings: parsed from the stored bytes (now), or the domain findings mapped a second time (until 2026-12-03).
                ("server", "reply's findings: the stored bytes parsed", i => ContractEncoding.StoredFindings(findingBytes[i])),
                ("server", "  (replaced: the findings mapped again)", i => checks[i].Findings.Select(FindingMapper.ToProto).ToList()),
            };
            var rows = new List<(string Side, string Name, double Micro, double KiB)>();
            foreach (var (side, name, step) in stages)
            {
                for (var i = 0; i < files.Length; i++) step(i); // warm-up pass (tiered JIT)
                var passes = new List<double>();
                for (var pass = 0; pass < 3; pass++)
                {
                    var cpu0 = Measure.Cpu();
                    for (var i = 0; i < files.Length; i++) step(i);
                    passes.Add((Measure.Cpu() - cpu0).TotalMicroseconds / files.Length);
                }
                passes.Sort();
                var allocated = GC.GetAllocatedBytesForCurrentThread();
                for (var i = 0; i < files.Length; i++) step(i);
                rows.Add((side, name, passes[1], (GC.GetAllocatedBytesForCurrentThread() - allocated) / 1024.0 / files.Length));
            }
            var (storeCpu, storeKiB, storeWall) = Store(work, unpacked, checks, flushCommits: true);
            rows.Add(("server", "decide + store (StoreRequests, groups of 256, fresh file)", storeCpu, storeKiB));
            var (bareCpu, bareKiB, bareWall) = Store(work, unpacked, checks, flushCommits: false);
            rows.Add(("server", "  (the same, commits not flushed to the disk)", bareCpu, bareKiB));

            Console.WriteLine($"  {"",-6} {"stage",-60} {"CPU µs",8} {"KiB alloc",9}");
            foreach (var (side, name, micro, kib) in rows) Console.WriteLine($"  {side,-6} {name,-60} {micro,8:0.0} {kib,9:0.0}");
            var counted = rows.Where(r => !r.Name.StartsWith("  (", StringComparison.Ordinal)).ToList();
            Console.WriteLine($"  client total {counted.Where(r => r.Side == "client").Sum(r => r.Micro),8:0.0} µs; server total {counted.Where(r => r.Side == "server").Sum(r => r.Micro),8:0.0} µs" +
                              " (without gRPC transfer and the reply)");
            Console.WriteLine($"  storing's wall time per submission: {storeWall:0.0} µs with every commit flushed to the disk (fsync), {bareWall:0.0} µs without");
            var (cpu, wall, gcs) = WholeIntake(work, parsed);
            Console.WriteLine($"  server's whole intake in process (IdempotentIntake.SubmitAll, groups of 256, fresh file): CPU {cpu,6:0.0} µs per submission, " +
                              $"wall {wall,6:0.0} µs ({1e6 / wall:0} submissions/s), {gcs} GCs (gen0/1/2) per 1,000");
            return 0;
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }

    private static byte[] FindingBytes(CheckResult check) => FindingMapper.ToReply(check).ToByteArray();

    /// <summary>CPU per submission of deciding and storing them all through the repository, on a fresh LiteDB file.</summary>
    private static (double Cpu, double KiB, double Wall) Store(string work, D.FinalAccounts[] accounts, CheckResult[] checks, bool flushCommits)
    {
        var results = new List<(double, double, double)>();
        for (var pass = 0; pass < 3; pass++)
        {
            var path = Path.Combine(work, $"stages-{pass}-{(flushCommits ? "flushed" : "bare")}.litedb");
            using var store = new LiteDbStore(path, flushCommits);
            var repository = new SubmissionBook(new LiteDbSubmissionStore(store), ContractEncoding.Instance);
            var items = accounts.Select((a, i) =>
            {
                return repository.Prepare(Guid.NewGuid().ToString("n"), a, "bench", checks[i]);
            }).ToArray();
            var cpu0 = Measure.Cpu();
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            foreach (var group in items.Chunk(256)) repository.StoreRequests(group, _ => throw new UnreachableException(), DateTime.UtcNow);
            results.Add(((Measure.Cpu() - cpu0).TotalMicroseconds / items.Length, (GC.GetAllocatedBytesForCurrentThread() - allocated) / 1024.0 / items.Length,
                watch.Elapsed.TotalMicroseconds / items.Length));
        }
        return results.OrderBy(r => r.Item1).ElementAt(1);
    }

    /// <summary>The server's intake of the contract messages as the batch handler calls it, without gRPC: CPU and wall per submission.</summary>
    private static (double Cpu, double Wall, string Gcs) WholeIntake(string work, FinalAccounts[] messages)
    {
        var results = new List<(double, double, string)>();
        for (var pass = 0; pass < 3; pass++)
        {
            using var store = new LiteDbStore(Path.Combine(work, $"intake-{pass}.litedb"));
            var idempotent = InProcessIntake.Open(store);
            var ids = messages.Select(_ => Guid.NewGuid().ToString("n")).ToArray();
            GC.Collect();
            var gc0 = Enumerable.Range(0, 3).Select(GC.CollectionCount).ToArray();
            var cpu0 = Measure.Cpu();
            var watch = Stopwatch.StartNew();
            InProcessIntake.StoreAll(idempotent, messages, ids);
            var gcs = string.Join("/", Enumerable.Range(0, 3).Select(g => ((GC.CollectionCount(g) - gc0[g]) * 1000.0 / messages.Length).ToString("0.0", CultureInfo.InvariantCulture)));
            results.Add(((Measure.Cpu() - cpu0).TotalMicroseconds / messages.Length, watch.Elapsed.TotalMicroseconds / messages.Length, gcs));
        }
        return results.OrderBy(r => r.Item2).ElementAt(1);
    }

    private static int Option(string[] args, string name, int fallback) =>
        Array.IndexOf(args, name) is >= 0 and var i && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}
