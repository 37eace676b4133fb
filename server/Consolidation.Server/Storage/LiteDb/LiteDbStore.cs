using Consolidation.Server.Application.Ports;
using LiteDB;
using LiteDB.Engine;

namespace Consolidation.Server.Storage.LiteDb;

/// <summary>
/// The LiteDB file and its collections. One process owns the file: a lock file opened with FileShare.None keeps a
/// second server from writing to the same data (LiteDB's own locking does not).
/// </summary>
public sealed class LiteDbStore : IStorageHealth, IStorageBackup, IDisposable
{
    private readonly FileStream _lock;
    private FileStream? _inodeLock;

    /// <param name="flushCommits">
    /// whether every commit is flushed to the disk before it is acknowledged (fsync of LiteDB's log file, which LiteDB
    /// itself writes without flushing): an acknowledged submission then survives a power loss, not only a process kill
    /// </param>
    public LiteDbStore(string path, bool flushCommits = true)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        try
        {
            _lock = new FileStream(full + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new InvalidOperationException($"数据文件 {full} 正被另一个服务进程使用（{e.Message}）", e);
        }
        // The lock file guards this path; the data file itself is locked by its inode (any path to it: a hard link, a
        // symlink), so that a second server cannot open the same data under another name.
        _inodeLock = InodeLock.Take(full);
        _logPath = Path.Combine(Path.GetDirectoryName(full)!, Path.GetFileNameWithoutExtension(full) + "-log" + Path.GetExtension(full));
        var mapper = new BsonMapper { EmptyStringToNull = false, TrimWhitespace = false };
        // One call at a time into the engine (SerializedEngine: LiteDB 5.0.21's page cache races under concurrent reads).
        Engine = new SerializedEngine(() => new LiteEngine(new EngineSettings { Filename = full }),
            reopened: () =>
            {
                // Closing the old engine's descriptor dropped the record lock: take it again (the old stream closed
                // first, since closing it afterwards would drop the new lock too).
                _inodeLock?.Dispose();
                _inodeLock = InodeLock.Take(full);
            },
            committed: flushCommits ? FlushLog : null);
        Database = new LiteDatabase(Engine, mapper, disposeOnClose: true);
        Database.Pragma("UTC_DATE", true);
        Submissions = Database.GetCollection<VersionRecord>("submissions");
        Submissions.EnsureIndex(d => d.Key, unique: true);
        Submissions.EnsureIndex(d => d.DepartmentCode);
        Submissions.EnsureIndex(d => d.FiscalYear);
        Runs = Database.GetCollection<ConsolidationRunRecord>("consolidation_runs");
        Runs.EnsureIndex(d => d.Key, unique: true);
        Runs.EnsureIndex(d => d.FiscalYear);
        Requests = Database.GetCollection<RequestRecord>("submission_requests");
        RunPieces = Database.GetCollection("consolidation_run_pieces");
        // Created now: created lazily inside the first storing transaction, concurrent readers could fail.
        foreach (var name in new[] { "submission_requests", "consolidation_run_pieces" })
            if (!Database.CollectionExists(name))
            {
                var created = Database.GetCollection(name);
                created.Insert(new BsonDocument { ["_id"] = "(created)" });
                created.Delete("(created)");
            }
        // Files written before 2026-11-27 have an index on SubmissionKey that only served to create the collection:
        // nothing reads it, and every request paid for keeping it.
        Requests.DropIndex(nameof(RequestRecord.SubmissionKey));
        FilePath = full;
    }

    public string FilePath { get; }

    /// <summary>LiteDB's log beside the data file ("data-log.litedb" for "data.litedb"), where a commit is written first.</summary>
    private readonly string _logPath;

    /// <summary>fsync of the log (a commit's pages are there; a checkpoint's, in the data file, LiteDB flushes itself).</summary>
    private void FlushLog()
    {
        if (!File.Exists(_logPath)) return;
        using var log = new FileStream(_logPath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        log.Flush(flushToDisk: true);
    }
    public string Description => $"数据文件 {FilePath}";
    public string NewSnapshotPath() => $"{FilePath}.backup-{Guid.NewGuid():n}";
    public BackupSummary Snapshot(string targetPath)
    {
        // LiteDB's own failures (a damaged page, a full disk under the snapshot) as the port's: the API layer knows no LiteDB.
        try { return LiteDbBackup.Snapshot(this, targetPath); }
        catch (LiteException e) { throw new BackupInvalidException($"快照未完成：{e.Message}", e); }
    }
    public LiteDatabase Database { get; }

    /// <summary>LiteDB's engine, one call at a time, reopened after a write failed on the disk.</summary>
    public SerializedEngine Engine { get; }
    public ILiteCollection<VersionRecord> Submissions { get; }
    public ILiteCollection<ConsolidationRunRecord> Runs { get; }
    /// <summary>Submission request IDs already decided (idempotent retries, docs/batch.md).</summary>
    public ILiteCollection<RequestRecord> Requests { get; }
    /// <summary>The pieces of the runs too large for one document (<see cref="LiteDbConsolidationRunStore"/>).</summary>
    public ILiteCollection<BsonDocument> RunPieces { get; }

    /// <summary>
    /// "field = value" as a parameterised expression. LiteDB compiles an expression once per distinct text and keeps
    /// it: <c>Query.EQ(field, value)</c> writes the value into the text, so every new value costs a compilation
    /// (~1 ms of CPU) and a cache entry that is never freed; with the value as a parameter the text is always the
    /// same (docs/batch.md). A LINQ predicate is parameterised too, but translating it costs more than the lookup.
    /// </summary>
    public static BsonExpression Equal(string field, BsonValue value) => BsonExpression.Create($"{field} = @0", value);

    /// <summary>
    /// String equality as the file's indexes see it: the collation the file was created with (LiteDB's default ignores
    /// case). In-memory sets of indexed keys must use it, or they would disagree with the file about which keys are equal.
    /// </summary>
    public IEqualityComparer<string> KeyComparer => Database.Collation.SortOptions switch
    {
        System.Globalization.CompareOptions.Ordinal => StringComparer.Ordinal,
        System.Globalization.CompareOptions.OrdinalIgnoreCase => StringComparer.OrdinalIgnoreCase,
        var options => StringComparer.Create(Database.Collation.Culture, options),
    };

    /// <summary>Below this much free space on the data file's disk the server reports NOT_SERVING (a submission is ~50–200 KiB).</summary>
    public const long MinFreeBytes = 1024 * 1024;

    /// <summary>
    /// The health probe: a small write to the data file, committed (so it reaches the file as every acknowledged
    /// submission does). Null when it worked; else why not (the data file cannot be written: disk full, read-only).
    /// </summary>
    public string? Probe()
    {
        try
        {
            // A full disk first: a small write may still fit in pages the file already has.
            var free = new DriveInfo(Path.GetDirectoryName(FilePath)!).AvailableFreeSpace;
            if (free < MinFreeBytes) return $"数据文件所在磁盘只剩 {free / 1024} KiB";
            if (_lastWriteFailure is { } failure) return $"上一次写入失败，此后没有成功的写入：{failure}";
            Database.GetCollection("health_probe").Upsert(new BsonDocument { ["_id"] = 1, ["at"] = DateTime.UtcNow });
            return null;
        }
        catch (Exception e) when (e is IOException or LiteException or UnauthorizedAccessException or InvalidOperationException)
        {
            return e.Message;
        }
    }

    private string? _lastWriteFailure;

    /// <summary>
    /// Runs <paramref name="work"/> in one LiteDB transaction on the calling thread: committed when it returns, rolled back
    /// — nothing stored, the engine released — when it throws (a failed write is remembered for health until one succeeds).
    /// </summary>
    public T InTransaction<T>(Func<T> work)
    {
        if (!Database.BeginTrans()) throw new InvalidOperationException("a LiteDB transaction is already open on this thread");
        try
        {
            var result = work();
            if (!Database.Commit()) throw new InvalidOperationException("the LiteDB transaction did not commit");
            WriteSucceeded();
            return result;
        }
        catch (Exception e)
        {
            WriteFailed(e);
            // A rollback that fails too (the disk still full) must not hide why the write failed.
            try { Database.Rollback(); } catch (Exception) when (e is IOException or LiteException) { }
            throw;
        }
    }

    /// <summary>A submission write failed (its transaction rolled back): health says NOT_SERVING until one succeeds.</summary>
    public void WriteFailed(Exception e) => _lastWriteFailure = $"{e.GetType().Name}: {e.Message}";

    /// <summary>A submission write committed: the data file takes writes again.</summary>
    public void WriteSucceeded() => _lastWriteFailure = null;

    public void Dispose()
    {
        Database.Dispose();
        _inodeLock?.Dispose();
        _lock.Dispose();
    }
}
