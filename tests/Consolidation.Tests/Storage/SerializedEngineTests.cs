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

    /// <summary>An engine whose commit fails on the disk as a full one does, until told the space is back.</summary>
    private sealed class FullDisk : LiteDB.Engine.ILiteEngine
    {
        public static bool SpaceBack;
        public int Commits, Transactions;
        public bool Disposed;
        public bool BeginTrans() { Transactions++; return true; }
        public bool Commit() => SpaceBack ? ++Commits > 0 : throw new IOException("No space left on device");
        public bool Rollback() => true;
        public BsonValue Pragma(string name) => BsonValue.Null;
        public bool Pragma(string name, BsonValue value) => true;
        public void Dispose() => Disposed = true;
        public int Checkpoint() => 0;
        public long Rebuild(LiteDB.Engine.RebuildOptions options) => 0;
        public IBsonDataReader Query(string collection, LiteDB.Query query) => throw new NotSupportedException();
        public int Insert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) => SpaceBack ? docs.Count() : throw new IOException("No space left on device");
        public int Update(string collection, IEnumerable<BsonDocument> docs) => 0;
        public int UpdateMany(string collection, BsonExpression transform, BsonExpression predicate) => 0;
        public int Upsert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) => 0;
        public int Delete(string collection, IEnumerable<BsonValue> ids) => 0;
        public int DeleteMany(string collection, BsonExpression predicate) => 0;
        public bool DropCollection(string name) => true;
        public bool RenameCollection(string name, string newName) => true;
        public bool EnsureIndex(string collection, string name, BsonExpression expression, bool unique) => true;
        public bool DropIndex(string collection, string name) => true;
    }

    [Fact]
    public void AWriteFailedOnTheDisk_ReopensTheEngine_BeforeTheNextCall_AndOnlyThen()
    {
        FullDisk.SpaceBack = false;
        var opened = new List<FullDisk>();
        var told = 0;
        var engine = new SerializedEngine(() => { var e = new FullDisk(); opened.Add(e); return e; }, () => told++);
        Assert.True(engine.BeginTrans());
        Assert.Throws<IOException>(() => engine.Commit());
        Assert.Single(opened);   // not reopened inside the failing transaction
        Assert.True(engine.Rollback());   // the next call: the failed engine closed, a new one opened (as a restart would)
        Assert.Equal(2, opened.Count);
        Assert.True(opened[0].Disposed);
        Assert.Equal((1, 1), (engine.Reopened, told));
        // Still full: an auto-committed write fails and marks it again; once space is back, the next call works.
        Assert.Throws<IOException>(() => engine.Insert("audit", [new BsonDocument()], BsonAutoId.Int64));
        FullDisk.SpaceBack = true;
        Assert.Equal(1, engine.Insert("audit", [new BsonDocument()], BsonAutoId.Int64));
        Assert.Equal(3, opened.Count);
        Assert.True(engine.BeginTrans());
        Assert.True(engine.Commit());
        Assert.Equal(1, opened[2].Commits);
        // A failure that is not the disk's (a duplicate key, a bug) reopens nothing.
        Assert.Throws<NotSupportedException>(() => engine.Query("audit", new LiteDB.Query()));
        Assert.Equal(3, opened.Count);
    }

    [Fact]
    public void EveryCommit_IsMadeDurable_OnceAndAfterItCommitted_NeverInsideATransaction()
    {
        FullDisk.SpaceBack = true;
        var flushes = 0;
        var engine = new SerializedEngine(() => new FullDisk(), committed: () => flushes++);
        Assert.Equal(1, engine.Insert("audit", [new BsonDocument()], BsonAutoId.Int64));   // a write outside a transaction commits at once
        Assert.Equal(1, flushes);
        Assert.True(engine.BeginTrans());
        engine.Insert("submissions", [new BsonDocument()], BsonAutoId.Int64);
        engine.Insert("submission_requests", [new BsonDocument()], BsonAutoId.Int64);
        Assert.Equal(1, flushes);   // inside the transaction: nothing committed yet
        Assert.True(engine.Commit());
        Assert.Equal(2, flushes);   // the transaction's commit, once
        Assert.True(engine.BeginTrans());
        engine.Insert("submissions", [new BsonDocument()], BsonAutoId.Int64);
        Assert.True(engine.Rollback());
        Assert.Equal(2, flushes);   // a rollback commits nothing
        Assert.Equal(BsonValue.Null, engine.Pragma("UTC_DATE"));
        Assert.Equal(2, flushes);   // nor does a read
    }
}
