using Consolidation.Contracts;
using Consolidation.Contracts.Mapping;
using Consolidation.Tests.EndToEnd;
using Consolidation.Tests.Support;
using Grpc.Core;
using Grpc.Net.Client;
using Xunit.Abstractions;

namespace Consolidation.Tests.Reliability;

/// <summary>
/// Crash test (issue 15): the real server takes a stream of submissions and is SIGKILLed at a random moment, then
/// started again on the same data file — 20 times in CI (FA_CRASH_KILLS=N for more). Every submission it had
/// acknowledged is there afterwards exactly once (one version, the acknowledged one), and a retry of it with the same
/// request ID is a replay.
/// </summary>
[Collection("end-to-end")]
public sealed class CrashTests(ITestOutputHelper output)
{
    private static int Kills => int.TryParse(Environment.GetEnvironmentVariable("FA_CRASH_KILLS"), out var n) && n > 0 ? n : 20;

    private sealed record Ack(string Code, int Year, int Version, string Hash);

    [Fact]
    public async Task KilledAtRandomMoments_EveryAcknowledgedSubmissionThereExactlyOnce()
    {
        const int perRound = 60;
        var seed = Environment.TickCount;
        output.WriteLine($"seed {seed}, {Kills} kills");
        var random = new Random(seed);
        var departments = SyntheticBatch.Departments(Math.Min(Kills * perRound, 1_600), seed: 17);
        var requests = departments.Select((a, i) => new SubmitRequest { RequestId = $"crash-{i}", Accounts = AccountsMapper.ToProto(a) }).ToList();
        var acked = new Dictionary<string, Ack>();
        var next = 0;
        var midStream = 0;
        // No rate limit in the way of the checks at the end (600 and more calls at once).
        var server = new ServerProcess(null, "--Consolidation:RateLimitPerSecond=100000", "--Consolidation:RateLimitBurst=100000");
        try
        {
            for (var round = 0; round < Kills; round++)
            {
                // This round's new submissions, and the unacknowledged ones of earlier rounds again (same request IDs).
                var batch = requests.Take(next).Where(r => !acked.ContainsKey(r.RequestId)).Concat(requests.Skip(next).Take(perRound)).ToList();
                next = Math.Min(requests.Count, next + perRound);
                // The kill comes at a random moment of the stream, not of the clock: after a random number of this round's
                // acknowledgements (none to most of them) and a random few milliseconds more. A fixed delay let a fast
                // machine finish the whole round first, and the kill then hit an idle server.
                var killAfter = random.Next(0, batch.Count - 8);
                var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var sending = Send(server, batch, acked, killAfter, reached);
                await Task.WhenAny(reached.Task, sending, Task.Delay(TimeSpan.FromSeconds(30)));
                await Task.Delay(random.Next(0, 25));
                server.Kill();
                try { await sending; }
                catch (Exception e) when (e is RpcException or IOException or HttpRequestException or InvalidOperationException) { midStream++; }
                server = ServerProcess.Restart(server);
            }
            output.WriteLine($"{acked.Count} acknowledged of {next} sent; {midStream} of {Kills} kills broke a stream");
            Assert.True(midStream >= Kills / 2, $"only {midStream} of {Kills} kills came during a stream");
            Assert.True(acked.Count > 0, "nothing was acknowledged before the kills");

            using var channel = Channel(server);
            var client = new SubmissionService.SubmissionServiceClient(channel);
            foreach (var (id, ack) in acked)
            {
                var versions = (await client.ListVersionsAsync(new ListVersionsRequest { DepartmentCode = ack.Code, FiscalYear = ack.Year }, Headers(server))).Versions;
                Assert.True(versions.Count == 1, $"{id}: {versions.Count} versions of {ack.Code}");
                Assert.Equal((ack.Version, ack.Hash), (versions[0].Version, versions[0].ContentHash));
            }
            // A retry of an acknowledged request is a replay of the same version, never a new one.
            var replay = await client.SubmitAsync(requests.First(r => acked.ContainsKey(r.RequestId)), Headers(server));
            Assert.True(replay.Replayed);
        }
        finally
        {
            server.Dispose();
        }
    }

    private static GrpcChannel Channel(ServerProcess server) => GrpcChannel.ForAddress(server.Address);

    private static CallOptions Headers(ServerProcess server) =>
        new(new Metadata { { "authorization", $"Bearer {server.BureauCredential}" } }, DateTime.UtcNow.AddSeconds(30));

    /// <summary>Sends the requests on one SubmitBatch stream, recording each STORED/UNCHANGED result as acknowledged;
    /// <paramref name="reached"/> is set once <paramref name="killAfter"/> results have come.</summary>
    private static async Task Send(ServerProcess server, List<SubmitRequest> batch, Dictionary<string, Ack> acked, int killAfter, TaskCompletionSource reached)
    {
        var answered = 0;
        if (killAfter == 0) reached.TrySetResult();
        using var channel = Channel(server);
        var client = new SubmissionService.SubmissionServiceClient(channel);
        using var call = client.SubmitBatch(Headers(server));
        // At most 8 unanswered at once: the server decides small groups, so acknowledgements keep coming.
        using var window = new SemaphoreSlim(8);
        var writing = Task.Run(async () =>
        {
            foreach (var r in batch)
            {
                if (!await window.WaitAsync(TimeSpan.FromSeconds(30))) return;
                await call.RequestStream.WriteAsync(r);
            }
            await call.RequestStream.CompleteAsync();
        });
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            window.Release();
            var r = call.ResponseStream.Current;
            Assert.True(r.Outcome is SubmitOutcome.Stored or SubmitOutcome.Unchanged, $"{r.RequestId}: {r.Outcome} {r.Reason}");
            lock (acked) acked[r.RequestId] = new Ack(r.Record.DepartmentCode, r.Record.FiscalYear, r.Record.Version, r.Record.ContentHash);
            if (++answered >= killAfter) reached.TrySetResult();
        }
        await writing;
    }
}
