using Consolidation.Domain.Checking;
using Consolidation.Server.Application;
using Consolidation.Server.Application.Ports;
using Consolidation.Server.Storage.LiteDb;
using System.Diagnostics;
using System.Globalization;
using Consolidation.Contracts;
using Consolidation.Contracts.Mapping;
using Consolidation.Domain.Files;
using Consolidation.Domain.Rules;
using Consolidation.Synthetic;
using Google.Protobuf;

namespace Consolidation.Benchmarks;

/// <summary>
/// batch: N realistic synthetic departments (the generator's `generate N DIR`) submitted by the real client
/// (`fa batch DIR`) to the real server on a fresh data file, both built in Release, timed end to end; then, in the
/// same run, the same documents (the shape SubmissionBook stores, with their request records) written straight
/// into a fresh LiteDB file, grouped in transactions as the server groups them. Prints both rates and their ratio.
/// Options: --count N (10000), --concurrency C and --chunk K (passed to fa batch), --seed S (1), --warm W (0: a fresh
/// server; W &gt; 0: W other submissions sent first, untimed, so the timed batch meets a server that has been working),
/// --postgresql CONNECTION (the server on PostgreSQL, an empty database, instead of a fresh LiteDB file).
/// </summary>
public static class BatchBenchmark
{
    public static int Run(string[] args)
    {
        var count = Option(args, "--count", 10_000);
        var seed = Option(args, "--seed", 1);
        var root = RepoRoot();
        var work = Directory.CreateTempSubdirectory("fa-bench-batch").FullName;
        try
        {
            Console.WriteLine($"batch: {count} synthetic departments, work dir {work}");
            Build(root);
            var input = Path.Combine(work, "in");
            var watch = Stopwatch.StartNew();
            SampleWriter.WriteRandom(input, count, seed, 2023);
            Console.WriteLine($"  generated {count} files in {watch.Elapsed.TotalSeconds:0.00} s ({DirectorySize(input) / 1024 / 1024} MiB)");

            var warm = Option(args, "--warm", 0);
            string? warmInput = null;
            if (warm > 0)
            {
                // Other content for the first departments, sent first and not timed: the timed batch then meets a
                // server that has been working (its code compiled), as a long-running server is.
                warmInput = Path.Combine(work, "warm");
                SampleWriter.WriteRandom(warmInput, warm, seed + 1_000, 2023);
            }
            var (endToEnd, clientLine) = EndToEnd(root, work, input, warmInput, args);
            var raw = RawLiteDb(work, input);

            var e2eRate = count / endToEnd.TotalSeconds;
            var rawRate = count / raw.TotalSeconds;
            var storageName = Array.IndexOf(args, "--postgresql") >= 0 ? "PostgreSQL" : "LiteDB";
            Console.WriteLine($"  end to end (fa batch → server → {storageName}): {endToEnd.TotalSeconds:0.00} s, {e2eRate:0} submissions/s");
            Console.WriteLine($"    the client said: {clientLine}");
            Console.WriteLine($"  raw LiteDB (same documents, groups of 256 per transaction): {raw.TotalSeconds:0.00} s, {rawRate:0} submissions/s");
            Console.WriteLine($"  ratio end to end / raw storage: {e2eRate / rawRate:0.00}");
            return 0;
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }

    private static (TimeSpan Elapsed, string ClientLine) EndToEnd(string root, string work, string input, string? warmInput, string[] args)
    {
        var serverDll = Path.Combine(root, "server", "Consolidation.Server", "bin", "Release", "net10.0", "Consolidation.Server.dll");
        var clientDll = Path.Combine(root, "client", "Consolidation.Client", "bin", "Release", "net10.0", "fa.dll");
        var server = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = work };
        if (Environment.GetEnvironmentVariable("FA_BENCH_SERVER_GC") is { } gc) server.Environment["DOTNET_gcServer"] = gc;
        var postgreSql = Array.IndexOf(args, "--postgresql") is >= 0 and var p && p + 1 < args.Length ? args[p + 1] : null;
        string[] storage = postgreSql is null ? [] : ["--Consolidation:Storage=PostgreSQL", $"--Consolidation:PostgreSqlConnection={postgreSql}"];
        foreach (var a in new[] { serverDll, "--contentRoot", work, "--Consolidation:Port=0", $"--Consolidation:DataPath={Path.Combine(work, "e2e.litedb")}",
                     "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information" }.Concat(storage))
            server.ArgumentList.Add(a);
        using var serverProcess = Process.Start(server)!;
        try
        {
            var address = new TaskCompletionSource<string>();
            serverProcess.OutputDataReceived += (_, e) =>
            {
                const string marker = "Now listening on: ";
                if (e.Data?.IndexOf(marker, StringComparison.Ordinal) is >= 0 and var i) address.TrySetResult(e.Data[(i + marker.Length)..].Trim());
            };
            serverProcess.ErrorDataReceived += (_, _) => { };
            serverProcess.BeginOutputReadLine();
            serverProcess.BeginErrorReadLine();
            if (!address.Task.Wait(TimeSpan.FromSeconds(60))) throw new TimeoutException("the server did not start");
            if (warmInput is not null)
            {
                var warmWatch = Stopwatch.StartNew();
                var warmCpu = serverProcess.TotalProcessorTime;
                var warmUp = Process.Start(new ProcessStartInfo("dotnet", [clientDll, "batch", warmInput, "--server", address.Task.Result, "--no-journal", "--table", "none"])
                    { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
                warmUp.StandardError.ReadToEndAsync();
                warmUp.StandardOutput.ReadToEnd();
                warmUp.WaitForExit();
                serverProcess.Refresh();
                Console.WriteLine($"  warm-up batch (not timed below): {Directory.GetFiles(warmInput).Length} other submissions in {warmWatch.Elapsed.TotalSeconds:0.00} s, " +
                                  $"server CPU {(serverProcess.TotalProcessorTime - warmCpu).TotalSeconds:0.00} s, exit {warmUp.ExitCode}");
            }
            serverProcess.Refresh();
            var serverCpuBefore = serverProcess.TotalProcessorTime;

            var client = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { clientDll, "batch", input, "--server", address.Task.Result, "--timeout", "120" }) client.ArgumentList.Add(a);
            foreach (var name in new[] { "--concurrency", "--chunk" })
                if (Array.IndexOf(args, name) is >= 0 and var i && i + 1 < args.Length) { client.ArgumentList.Add(name); client.ArgumentList.Add(args[i + 1]); }
            var watch = Stopwatch.StartNew();
            using var clientProcess = Process.Start(client)!;
            var stdout = clientProcess.StandardOutput.ReadToEndAsync();
            var stderr = clientProcess.StandardError.ReadToEndAsync();
            var clientCpu = TimeSpan.Zero;
            while (!clientProcess.WaitForExit(100))
                try { clientCpu = clientProcess.TotalProcessorTime; } catch (InvalidOperationException) { }
            var elapsed = watch.Elapsed;
            serverProcess.Refresh();
            var serverCpu = serverProcess.TotalProcessorTime - serverCpuBefore;
            var output = stdout.Result;
            if (clientProcess.ExitCode != 0) throw new InvalidOperationException($"fa batch exited {clientProcess.ExitCode}:\n{output}\n{stderr.Result}");
            Console.WriteLine($"    CPU during the batch: server {serverCpu.TotalSeconds:0.00} s, client ≥ {clientCpu.TotalSeconds:0.00} s (last sample)");
            var summary = string.Join(" / ", output.Split('\n').Where(l => l.StartsWith("共 ", StringComparison.Ordinal) || l.StartsWith("用时", StringComparison.Ordinal)).Select(l => l.Trim()));
            return (elapsed, summary);
        }
        finally
        {
            serverProcess.Kill(entireProcessTree: true);
            serverProcess.WaitForExit();
        }
    }

    /// <summary>The same documents the server stores for these files, written straight into LiteDB; only the writing is timed.</summary>
    private static TimeSpan RawLiteDb(string work, string input)
    {
        var checker = AccountsChecker.Standard;
        var receivedAt = DateTime.UtcNow;
        var documents = Directory.GetFiles(input, "*.json").AsParallel().Select(file =>
        {
            var accounts = SubmissionFile.Read(file);
            var bytes = ContentDigest.CanonicalBytes(accounts);
            var check = checker.Check(accounts);
            var hash = ContentDigest.Hex(bytes);
            var key = $"{accounts.DepartmentCode}/{accounts.FiscalYear}/1";
            return (new VersionRecord
            {
                Key = key, DepartmentCode = accounts.DepartmentCode, DepartmentName = accounts.DepartmentName, FiscalYear = accounts.FiscalYear,
                Version = 1, Status = (int)check.Status, ReceivedAt = receivedAt, SubmittedBy = "bench", ContentHash = hash,
                MandatoryCount = check.MandatoryCount, AdvisoryCount = check.AdvisoryCount, UnexplainedCount = check.UnexplainedCount,
                Accounts = bytes, Findings = FindingMapper.ToReply(check).ToByteArray(),
            }, new RequestRecord { Id = Guid.NewGuid().ToString("n"), ContentHash = hash, SubmissionKey = key, Stored = true, DecidedAt = receivedAt });
        }).ToList();

        var path = Path.Combine(work, "raw.litedb");
        var watch = Stopwatch.StartNew();
        // The server's own storage layer (same file settings, collections and indexes), written without the server.
        using (var store = new LiteDbStore(path))
        {
            foreach (var group in documents.Chunk(256))
            {
                store.Database.BeginTrans();
                foreach (var (submission, request) in group)
                {
                    store.Submissions.Insert(submission);
                    store.Requests.Insert(request);
                }
                store.Database.Commit();
            }
        }
        return watch.Elapsed;
    }

    private static void Build(string root) => BenchmarkRoot.BuildRelease(root, "server/Consolidation.Server", "client/Consolidation.Client");

    private static string RepoRoot() => BenchmarkRoot.Repo();

    private static long DirectorySize(string dir) => Directory.GetFiles(dir).Sum(f => new FileInfo(f).Length);

    private static int Option(string[] args, string name, int fallback) =>
        Array.IndexOf(args, name) is >= 0 and var i && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}
