using LiteDB;
using LiteDB.Engine;

namespace Consolidation.Server.Storage.LiteDb;

/// <summary>
/// LiteDB's engine, one call at a time. LiteDB 5.0.21's page cache races when two threads read at once on a file larger
/// than its working set (litedb-org/LiteDB#2817: a reader can pin a page buffer the cache is recycling): the
/// deadline-day load generator met it after a minute of 2,000 departments — "pages in memory store must be non-shared",
/// and from then on every call failed until a restart. The fix (#2772) is in no release served here, so this adapter
/// never lets two threads into the engine together: every call runs under one lock, a query is read to its end inside
/// it (the reader handed back holds documents, not pages), and a transaction holds the lock from BeginTrans to its
/// Commit or Rollback (its calls re-enter), so no other transaction can interleave with it.
/// <para>
/// A write that fails on the disk (a full disk: an <see cref="IOException"/>) leaves LiteDB 5.0.21 with the failed
/// commit's transaction open and its locks held, so that every later write would wait for them. The engine is then
/// reopened before the next call — as a restart would, recovering from LiteDB's log — and <paramref name="reopened"/>
/// is told (the data file's inode lock goes with the closed descriptor and is taken again). While the disk is still
/// full the reopening fails too, and so does the call: once space is back, the next call works.
/// </para>
/// </summary>
/// <param name="committed">
/// called, under the lock, after every write that committed (an explicit transaction's Commit, or a write outside one):
/// where the store makes the commit durable (LiteDB writes its log without flushing it to the disk)
/// </param>
public sealed class SerializedEngine(Func<ILiteEngine> open, Action? reopened = null, Action? committed = null) : ILiteEngine
{
    private readonly Lock _engine = new();
    private ILiteEngine _inner = open();
    private bool _broken;

    /// <summary>How many times the engine was reopened after a failed write.</summary>
    public int Reopened { get; private set; }

    private ILiteEngine inner
    {
        get
        {
            // Only between transactions: a transaction holds the lock, so when this thread holds none, nobody does.
            if (_broken && HeldHere == 0) Reopen();
            return _inner;
        }
    }

    private void Reopen()
    {
        // Closing an engine whose commit failed (or that was closed by an earlier attempt) may fail in any way: it is gone either way.
        try { _inner.Dispose(); } catch (Exception) { }
        _inner = open();   // throws while the disk is still full: the call fails, the next one tries again
        _broken = false;
        Reopened++;
        reopened?.Invoke();
    }

    /// <summary>Runs a call that writes; a failure on the disk marks the engine for reopening.</summary>
    private T Writing<T>(Func<T> call)
    {
        try { return call(); }
        catch (Exception e) when (OnDisk(e))
        {
            _broken = true;
            throw;
        }
    }

    private static bool OnDisk(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is IOException) return true;
        return false;
    }

    /// <summary>Transactions this thread opened on this engine and holds the lock for (LiteDB's transactions are per thread).</summary>
    private readonly ThreadLocal<int> _heldBy = new();

    private int HeldHere
    {
        get => _heldBy.Value;
        set => _heldBy.Value = value;
    }

    private T One<T>(Func<T> call)
    {
        lock (_engine) return Writing(call);
    }

    public bool BeginTrans()
    {
        _engine.Enter();
        bool began;
        try { began = Writing(() => inner.BeginTrans()); }
        catch
        {
            _engine.Exit();
            throw;
        }
        if (began) HeldHere++;
        else _engine.Exit(); // already in a transaction on this thread: it holds the lock already
        return began;
    }

    public bool Commit() => End(() => inner.Commit(), commits: true);

    public bool Rollback() => End(() => inner.Rollback(), commits: false);

    /// <summary>Ends this thread's transaction and lets the others in, whether or not LiteDB's commit succeeded.</summary>
    private bool End(Func<bool> end, bool commits)
    {
        if (HeldHere == 0) return commits ? Written(end) : One(end);
        try
        {
            var ended = Writing(end);
            if (commits && ended && HeldHere == 1) Writing(() => { committed?.Invoke(); return 0; });
            return ended;
        }
        finally
        {
            HeldHere--;
            _engine.Exit();
        }
    }

    /// <summary>A write: outside a transaction LiteDB commits it at once, so it is made durable at once.</summary>
    private T Written<T>(Func<T> call)
    {
        lock (_engine)
        {
            var result = Writing(call);
            if (HeldHere == 0) Writing(() => { committed?.Invoke(); return 0; });
            return result;
        }
    }

    public IBsonDataReader Query(string collection, Query query) => One<IBsonDataReader>(() =>
    {
        using var reader = inner.Query(collection, query);
        var documents = new List<BsonValue>();
        while (reader.Read()) documents.Add(reader.Current);
        return new ReadReader(documents, reader.Collection);
    });

    public int Checkpoint() => Written(inner.Checkpoint);
    public long Rebuild(RebuildOptions options) => Written(() => inner.Rebuild(options));
    public int Insert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) => Written(() => inner.Insert(collection, docs, autoId));
    public int Update(string collection, IEnumerable<BsonDocument> docs) => Written(() => inner.Update(collection, docs));
    public int UpdateMany(string collection, BsonExpression transform, BsonExpression predicate) => Written(() => inner.UpdateMany(collection, transform, predicate));
    public int Upsert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) => Written(() => inner.Upsert(collection, docs, autoId));
    public int Delete(string collection, IEnumerable<BsonValue> ids) => Written(() => inner.Delete(collection, ids));
    public int DeleteMany(string collection, BsonExpression predicate) => Written(() => inner.DeleteMany(collection, predicate));
    public bool DropCollection(string name) => Written(() => inner.DropCollection(name));
    public bool RenameCollection(string name, string newName) => Written(() => inner.RenameCollection(name, newName));
    public bool EnsureIndex(string collection, string name, BsonExpression expression, bool unique) => Written(() => inner.EnsureIndex(collection, name, expression, unique));
    public bool DropIndex(string collection, string name) => Written(() => inner.DropIndex(collection, name));
    public BsonValue Pragma(string name) => One(() => inner.Pragma(name));
    public bool Pragma(string name, BsonValue value) => One(() => inner.Pragma(name, value));

    public void Dispose()
    {
        lock (_engine) _inner.Dispose();
        _heldBy.Dispose();
    }

    /// <summary>A query's documents, read to the end under the lock: reading them touches no page.</summary>
    private sealed class ReadReader(List<BsonValue> documents, string collection) : IBsonDataReader
    {
        private int _next;

        public BsonValue this[string field] => Current.AsDocument[field];
        public string Collection => collection;
        public BsonValue Current { get; private set; } = BsonValue.Null;
        public bool HasValues => documents.Count > 0;

        public bool Read()
        {
            if (_next >= documents.Count) return false;
            Current = documents[_next++];
            return true;
        }

        public void Dispose() { }
    }
}
