using System.Diagnostics;
using System.Text.Json;
using Consolidation.Domain.Files;
using Consolidation.Domain.Model;
using Consolidation.Tests.Support;

namespace Consolidation.Tests.EndToEnd;

/// <summary>`fa batch` as a process against the built server as a process: bad inputs, reruns, a killed client.</summary>
[Collection("end-to-end")]
public sealed class BatchEndToEndTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("fa-e2e-batch").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private static void WriteJson(string dir, string name, FinalAccounts a) =>
        File.WriteAllText(Path.Combine(dir, name), SubmissionFileWriter.Write(a));

    /// <summary>200 files: 190 consistent, 5 rejected (T3 total off by 10 万元), 3 with a bad code, 2 not JSON.</summary>
    private string TwoHundredFiles()
    {
        var dir = Path.Combine(_work, "in");
        Directory.CreateDirectory(dir);
        var departments = SyntheticBatch.Departments(200);
        for (var i = 0; i < departments.Count; i++)
        {
            var a = departments[i];
            var name = $"{i:000}-{a.DepartmentCode}.json";
            switch (i % 40)
            {
                case 7: WriteJson(dir, name, a.WithCell("T3", "total", "total", a.Cell("T3", "total", "total") + 100_000_00)); break;
                case 3 when i < 120: WriteJson(dir, name, a with { DepartmentCode = "BAD-" + i }); break;
                case 3: File.WriteAllText(Path.Combine(dir, name), "{ \"format\": "); break;
                default: WriteJson(dir, name, a); break;
            }
        }
        return dir;
    }

    private sealed record Row(string File, string Outcome, string Status, int Version, bool FromJournal, bool Replayed, string Reason);

    private static (Dictionary<string, int> Counts, List<Row> Rows) Report(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var counts = doc.RootElement.GetProperty("summary").GetProperty("counts").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        var rows = doc.RootElement.GetProperty("results").EnumerateArray().Select(r => new Row(
            Path.GetFileName(r.GetProperty("file").GetString()!), r.GetProperty("outcome").GetString()!, r.GetProperty("status").GetString()!,
            r.GetProperty("version").GetInt32(), r.GetProperty("fromJournal").GetBoolean(), r.GetProperty("replayed").GetBoolean(),
            r.GetProperty("reason").GetString()!)).ToList();
        return (counts, rows);
    }

    [Fact]
    public void TwoHundredFiles_EveryGoodOneStored_EveryBadOneReported_RerunsStoreNothing()
    {
        using var server = new ServerProcess();
        var dir = TwoHundredFiles();
        var report = Path.Combine(_work, "report.json");
        var csv = Path.Combine(_work, "report.csv");

        var run = Client.Run(server.Address, "batch", dir, "--report", report, "--report", csv, "--chunk", "64");
        Assert.True(run.ExitCode == 3, run.ToString()); // some inputs malformed
        var (counts, rows) = Report(report);
        Assert.Equal(190, counts["accepted"]);
        Assert.Equal(5, counts["rejected"]);
        Assert.Equal(5, counts["malformed"]);
        Assert.Equal(0, counts["failed"] + counts["refused"] + counts["unchanged"]);
        Assert.All(rows.Where(r => r.Outcome == "rejected"), r => Assert.Contains("T3 支出决算表「合计」行「本年支出合计」列", r.Reason));
        Assert.All(rows.Where(r => r.Outcome == "malformed"), r => Assert.Contains("未发送", r.Reason));
        Assert.Equal(201, File.ReadAllLines(csv).Length);
        Assert.Contains("共 200 份：已接收 190，不通过 5，格式有误 5", run.Stdout);
        Assert.Contains("份/秒", run.Stdout);
        // The table lists the problems (with where they are) and leaves out the accepted ones.
        Assert.Contains("department.code", run.Stdout);
        Assert.Contains("另有 190 份已接收或未变", run.Stdout);

        // Rerun with the journal: nothing is sent again.
        var again = Client.Run(server.Address, "batch", dir, "--report", report);
        Assert.True(again.ExitCode == 3, again.ToString());
        var (_, rerun) = Report(report);
        Assert.All(rerun.Where(r => r.Outcome != "malformed"), r => Assert.True(r.FromJournal));
        Assert.Equal(rows.Select(r => (r.File, r.Outcome, r.Version)), rerun.Select(r => (r.File, r.Outcome, r.Version)));

        // Without the journal everything is sent again under new request IDs: the server recognises every one as unchanged.
        var fresh = Client.Run(server.Address, "batch", dir, "--no-journal", "--report", report);
        Assert.True(fresh.ExitCode == 3, fresh.ToString());
        var (freshCounts, freshRows) = Report(report);
        Assert.Equal(195, freshCounts["unchanged"]);
        Assert.All(freshRows.Where(r => r.Outcome == "unchanged"), r => Assert.Equal(1, r.Version));
    }

    [Fact]
    public void ClientKilledMidBatch_Rerun_GivesTheResultsOfOneCleanRun()
    {
        const int count = 400;
        var dir = Path.Combine(_work, "kill");
        Directory.CreateDirectory(dir);
        var departments = SyntheticBatch.Departments(count, seed: 3);
        for (var i = 0; i < count; i++)
            WriteJson(dir, $"{i:000}.json", i % 50 == 9 ? departments[i].WithCell("T3", "total", "total", departments[i].Cell("T3", "total", "total") + 100_000_00) : departments[i]);
        var clean = Path.Combine(_work, "clean");
        Directory.CreateDirectory(clean);
        foreach (var f in Directory.GetFiles(dir)) File.Copy(f, Path.Combine(clean, Path.GetFileName(f)));

        using var server = new ServerProcess();
        var journal = Path.Combine(_work, "kill-journal.jsonl");
        // Small chunks, one stream: slow enough to be killed part-way.
        var killedAfter = RunAndKill(server.Address, journal, ["batch", dir, "--chunk", "10", "--concurrency", "1", "--journal", journal], resultsBeforeKill: 60);
        Assert.InRange(killedAfter, 60, count - 1);

        var report = Path.Combine(_work, "resumed.json");
        var resumed = Client.Run(server.Address, "batch", dir, "--report", report, "--journal", journal);
        Assert.True(resumed.ExitCode == 1, resumed.ToString()); // 8 rejected
        var (resumedCounts, resumedRows) = Report(report);
        Assert.InRange(resumedCounts.Values.Sum() - resumedRows.Count(r => !r.FromJournal), 60, count - 1);

        using var cleanServer = new ServerProcess();
        var cleanReport = Path.Combine(_work, "clean.json");
        Assert.Equal(1, Client.Run(cleanServer.Address, "batch", clean, "--report", cleanReport).ExitCode);
        var (cleanCounts, cleanRows) = Report(cleanReport);

        Assert.Equal(cleanCounts, resumedCounts);
        Assert.Equal(cleanRows.Select(r => (r.File, r.Outcome, r.Status, r.Version)), resumedRows.Select(r => (r.File, r.Outcome, r.Status, r.Version)));
        Assert.Equal(count - 8, resumedCounts["accepted"]);

        // And the killed server stored each department once: sent again without the journal, every one is unchanged at version 1.
        var check = Path.Combine(_work, "check.json");
        Client.Run(server.Address, "batch", clean, "--no-journal", "--report", check);
        var (checkCounts, checkRows) = Report(check);
        Assert.Equal(count, checkCounts["unchanged"]);
        Assert.All(checkRows, r => Assert.Equal(1, r.Version));
    }

    /// <summary>Runs `fa` and kills it (the whole process tree) once the journal holds this many results; returns how many it held.</summary>
    private static int RunAndKill(string server, string journal, string[] args, int resultsBeforeKill)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Builds.ClientDll);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["FA_SERVER"] = server;
        start.Environment["FA_CREDENTIAL"] = Client.Credentials[server];
        using var p = Process.Start(start)!;
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        var watch = Stopwatch.StartNew();
        while (ResultLines(journal) < resultsBeforeKill)
        {
            Assert.False(p.HasExited, "the client finished before it could be killed");
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(120), "no progress in the journal");
            Thread.Sleep(5);
        }
        p.Kill(entireProcessTree: true);
        p.WaitForExit();
        return ResultLines(journal);
    }

    private static int ResultLines(string journal)
    {
        if (!File.Exists(journal)) return 0;
        using var stream = new FileStream(journal, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var n = 0;
        while (reader.ReadLine() is { } line) if (line.StartsWith("{\"kind\":\"result\"", StringComparison.Ordinal)) n++;
        return n;
    }
}

/// <summary>`fa batch` when no server answers: retried with backoff, then reported per input, exit 5.</summary>
[Collection("end-to-end")]
public sealed class BatchUnavailableTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("fa-e2e-unavailable").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public void ServerUnavailable_IsRetriedWithBackoff_ThenEveryInputFailsWithExit5()
    {
        var file = Path.Combine(_work, "seed.json");
        File.Copy(Repo.SeedSample, file);
        var report = Path.Combine(_work, "r.json");
        var watch = Stopwatch.StartNew();
        var run = Client.Run(null, "batch", file, "--retries", "2", "--report", report, "--journal", Path.Combine(_work, "j.jsonl"));
        Assert.True(run.ExitCode == 5, run.ToString());
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(1.5), "two retries wait 0.5 s and 1 s");
        Assert.Contains("失败", run.Stdout);
        Assert.Contains("重试 2 次后放弃", run.Stdout);
        using var doc = JsonDocument.Parse(File.ReadAllText(report));
        Assert.Equal(1, doc.RootElement.GetProperty("summary").GetProperty("counts").GetProperty("failed").GetInt32());
        Assert.Equal(5, doc.RootElement.GetProperty("summary").GetProperty("exitCode").GetInt32());
    }
}
