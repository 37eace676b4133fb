using System.Diagnostics;
using Consolidation.Server.Application.Ports;
using Consolidation.Server.Storage.LiteDb;
using LiteDB;

namespace Consolidation.Tests.Storage;

/// <summary>
/// The LiteDB engine one call at a time (<see cref="SerializedEngine"/>, against litedb-org/LiteDB#2817): a transaction
/// keeps every other thread out until it ends, a query's reader holds its documents (the engine is free while the caller
/// reads them), and many threads reading and writing at once get what was written, in full.
/// </summary>
public sealed class SerializedEngineTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("fa-serialized").FullName;
    private string DataPath => Path.Combine(_directory, "store.litedb");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static AuditRecord Entry(int i) => new() { At = DateTime.UtcNow, Principal = "测试", Method = "m", Kind = "k", Reason = $"第 {i} 条" };

    [Fact]
    public async Task ATransaction_KeepsOtherThreadsOut_UntilItCommits()
    {
        using var store = new LiteDbStore(DataPath);
        var audit = store.Database.GetCollection<AuditRecord>("audit");
        using var begun = new ManualResetEventSlim();
        var committedAt = TimeSpan.Zero;
        var clock = Stopwatch.StartNew();
        var writer = Task.Run(() =>
        {
            Assert.True(store.Database.BeginTrans());
            audit.Insert(Entry(1));
            begun.Set();
            Thread.Sleep(300);
            committedAt = clock.Elapsed;
            Assert.True(store.Database.Commit());
        });
        begun.Wait();
        var count = await Task.Run(() => audit.Count());   // another thread: waits for the commit, then sees it
        var readAt = clock.Elapsed;
        await writer;
        Assert.Equal(1, count);
        Assert.True(readAt >= committedAt, $"the read ended at {readAt.TotalMilliseconds:0} ms, before the commit at {committedAt.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task ARolledBackTransaction_LetsTheOthersIn_AndStoresNothing()
    {
        using var store = new LiteDbStore(DataPath);
        var audit = store.Database.GetCollection<AuditRecord>("audit");
        Assert.True(store.Database.BeginTrans());
        audit.Insert(Entry(1));
        Assert.True(store.Database.Rollback());
        var other = Task.Run(() => audit.Count());
        Assert.True(await Task.WhenAny(other, Task.Delay(5_000)) == other, "another thread is still kept out after the rollback");
        Assert.Equal(0, await other);
    }

    [Fact]
    public async Task ManyReadersAndWriters_AtOnce_GetEveryDocument_InFull()
    {
        using var store = new LiteDbStore(DataPath);
        var audit = store.Database.GetCollection<AuditRecord>("audit");
        const int Writers = 4, PerWriter = 500;
        using var done = new CancellationTokenSource();
        using var reading = new CountdownEvent(4);
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Factory.StartNew(() =>
        {
            var reads = 0;
            do
            {
                // A whole-collection read while others write: every document whole, in key order, never a torn page.
                var all = audit.FindAll().ToList();
                Assert.All(all, e => Assert.StartsWith("第 ", e.Reason));
                Assert.Equal(all.Select(e => e.Id).Order(), all.Select(e => e.Id));
                if (reads++ == 0) reading.Signal();
            }
            while (!done.IsCancellationRequested);
            return reads;
        }, TaskCreationOptions.LongRunning)).ToList();
        reading.Wait();   // every reader reading before the writers start
        Parallel.For(0, Writers, w =>
        {
            for (var i = 0; i < PerWriter; i++) audit.Insert(Entry(w * PerWriter + i));
        });
        done.Cancel();
        Assert.All(await Task.WhenAll(readers), reads => Assert.True(reads > 1, $"{reads} reads"));
        Assert.Equal(Writers * PerWriter, audit.Count());
        Assert.Equal(Writers * PerWriter, audit.FindAll().Select(e => e.Reason).Distinct().Count());
    }
}
