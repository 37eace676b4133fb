using System.Diagnostics;
using System.Text.Json;
using Consolidation.Domain.Files;
using Consolidation.Tests.EndToEnd;
using Consolidation.Tests.Support;

namespace Consolidation.Tests.Reliability;

/// <summary>
/// `fa batch` survives server restarts (issue 15): the real server process is killed (SIGKILL) three times while the
/// real client sends, and started again on the same port and data file; the client retries every transport failure
/// with backoff and the same request IDs, finishes with exit 0, and every department is stored exactly once.
/// </summary>
[Collection("end-to-end")]
public sealed class RestartDuringBatchTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("fa-restart-batch").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public void ServerKilledAndRestartedThreeTimes_BatchFinishes_Exit0_EachDepartmentStoredOnce()
    {
        const int count = 240;
        var dir = Path.Combine(_work, "in");
        Directory.CreateDirectory(dir);
        var departments = SyntheticBatch.Departments(count, seed: 5);
        for (var i = 0; i < count; i++) File.WriteAllText(Path.Combine(dir, $"{i:000}.json"), SubmissionFileWriter.Write(departments[i]));
        var journal = Path.Combine(_work, "journal.jsonl");
        var report = Path.Combine(_work, "report.json");

        var servers = new List<ServerProcess> { new() };
        try
        {
            var address = servers[0].Address;
            using var client = Start(address, ["batch", dir, "--chunk", "8", "--concurrency", "1", "--retries", "8", "--journal", journal, "--report", report]);
            var output = new System.Text.StringBuilder();
            client.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
            client.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
            client.BeginOutputReadLine();
            client.BeginErrorReadLine();
            var watch = Stopwatch.StartNew();
            foreach (var killAt in new[] { 30, 90, 150 })
            {
                while (Results(journal) < killAt && !client.HasExited)
                {
                    Assert.True(watch.Elapsed < TimeSpan.FromSeconds(150), "no progress in the journal");
                    Thread.Sleep(5);
                }
                Assert.False(client.HasExited, "the client finished before the server could be killed");
                servers[^1].Kill();
                Thread.Sleep(300); // the client meets a refused connection now
                servers.Add(ServerProcess.Restart(servers[^1]));
            }
            Assert.True(client.WaitForExit(150_000), "the client did not finish");
            client.WaitForExit();
            lock (output) Assert.True(client.ExitCode == 0, $"exit {client.ExitCode}\n{output}");

            using (var doc = JsonDocument.Parse(File.ReadAllText(report)))
                Assert.Equal(count, doc.RootElement.GetProperty("summary").GetProperty("counts").GetProperty("accepted").GetInt32());
            // Exactly once: everything sent again under new request IDs is unchanged at version 1.
            var check = Path.Combine(_work, "check.json");
            var again = Tests.EndToEnd.Client.Run(address, "batch", dir, "--no-journal", "--report", check);
            Assert.True(again.ExitCode == 0, again.ToString());
            using var checkDoc = JsonDocument.Parse(File.ReadAllText(check));
            var rows = checkDoc.RootElement.GetProperty("results").EnumerateArray().ToList();
            Assert.Equal(count, rows.Count);
            Assert.All(rows, r => Assert.Equal(("unchanged", 1), (r.GetProperty("outcome").GetString(), r.GetProperty("version").GetInt32())));
        }
        finally
        {
            foreach (var s in Enumerable.Reverse(servers)) s.Dispose();
        }
    }

    private static Process Start(string server, string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Builds.ClientDll);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["FA_SERVER"] = server;
        start.Environment["FA_CREDENTIAL"] = Tests.EndToEnd.Client.Credentials[server];
        start.Environment["XDG_STATE_HOME"] = Tests.EndToEnd.Client.StateHome;
        return Process.Start(start)!;
    }

    private static int Results(string journal)
    {
        if (!File.Exists(journal)) return 0;
        using var stream = new FileStream(journal, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var n = 0;
        while (reader.ReadLine() is { } line) if (line.StartsWith("{\"kind\":\"result\"", StringComparison.Ordinal)) n++;
        return n;
    }
}
