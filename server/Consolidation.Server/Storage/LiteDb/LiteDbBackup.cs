using System.Security.Cryptography;
using Consolidation.Server.Application.Ports;
using LiteDB;

namespace Consolidation.Server.Storage.LiteDb;

/// <summary>
/// 备份 of the LiteDB file while the server runs: every collection copied, with its indexes, inside one read transaction
/// of the live file, while writes go on (nothing is locked beyond LiteDB's own page reads). LiteDB gives each collection
/// of a transaction a snapshot taken when the transaction first reads it (writes committed later are not seen), and a
/// later snapshot sees at least what an earlier one saw. So each collection is copied as it stood at one moment, and
/// the collections are read in <see cref="Order"/>: what refers to something before what it refers to (a request ID
/// before the version it stored, a review act before the version it judged, a run before its versions, a year lock
/// before its run) — every reference in a backup resolves. <see cref="Verify"/> opens a backup read-only and checks
/// every stored version against its content hash.
/// </summary>
public static class LiteDbBackup
{
    /// <summary>The collections in the order they are read: referrers first; any other collection after them, by name.</summary>
    public static readonly IReadOnlyList<string> Order =
        ["audit", "year_lock_acts", "consolidation_runs", "review_acts", "submission_requests", "submissions",
         "registry_acts", "registry_units", "glossary_changes", "credentials"];

    private static BsonMapper Mapper() => new() { EmptyStringToNull = false, TrimWhitespace = false };

    /// <summary>Writes the snapshot to <paramref name="targetPath"/> (a new file).</summary>
    public static BackupSummary Snapshot(LiteDbStore store, string targetPath)
    {
        if (File.Exists(targetPath)) throw new IOException($"{targetPath} already exists");
        var source = store.Database;
        long documents = 0;
        var collections = 0;
        using (var target = new LiteDatabase(new ConnectionString { Filename = targetPath, Connection = ConnectionType.Direct, Collation = source.Collation }, Mapper()))
        {
            target.Pragma("UTC_DATE", true);
            // One transaction: its reads see the file as it stood when the transaction began (LiteDB binds it to this
            // thread, so nothing here may await).
            source.BeginTrans();
            try
            {
                var indexes = source.GetCollection("$indexes").FindAll().ToList();
                var names = source.GetCollectionNames().ToHashSet(StringComparer.Ordinal);
                var ordered = Order.Where(names.Contains).Concat(names.Except(Order).Order(StringComparer.Ordinal)).ToList();
                foreach (var name in ordered)
                {
                    var to = target.GetCollection(name, BsonAutoId.Int64);
                    var batch = new List<BsonDocument>(1024);
                    foreach (var doc in source.GetCollection(name).FindAll())
                    {
                        batch.Add(doc);
                        if (batch.Count == batch.Capacity) { documents += to.InsertBulk(batch); batch.Clear(); }
                    }
                    if (batch.Count > 0) documents += to.InsertBulk(batch);
                    if (!target.CollectionExists(name)) { to.Insert(new BsonDocument { ["_id"] = "(created)" }); to.Delete("(created)"); }
                    foreach (var index in indexes.Where(i => i["collection"].AsString == name && i["name"].AsString != "_id"))
                        to.EnsureIndex(index["name"].AsString, BsonExpression.Create(index["expression"].AsString), index["unique"].AsBoolean);
                    collections++;
                }
            }
            finally
            {
                source.Rollback();
            }
            target.Checkpoint();
        }
        var summary = Verify(targetPath);
        if (summary.Documents != documents || summary.Collections != collections)
            throw new BackupInvalidException($"备份文件 {targetPath} 与快照不符：写入 {collections} 个集合 {documents} 条，读回 {summary.Collections} 个集合 {summary.Documents} 条");
        return summary;
    }

    /// <summary>
    /// Opens a backup read-only and checks it: every collection readable, every stored version's accounts matching its
    /// content hash (SHA-256), keys unique. Throws <see cref="BackupInvalidException"/> naming what is wrong.
    /// </summary>
    public static BackupSummary Verify(string path)
    {
        if (!File.Exists(path)) throw new BackupInvalidException($"备份文件 {path} 不存在");
        try
        {
            using var db = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct, ReadOnly = true }, Mapper());
            long documents = 0;
            var names = db.GetCollectionNames().ToList();
            foreach (var name in names) documents += db.GetCollection(name).LongCount();
            var versions = 0;
            var keys = new HashSet<string>(StringComparer.Ordinal);
            if (names.Contains("submissions"))
                foreach (var doc in db.GetCollection<VersionRecord>("submissions").FindAll())
                {
                    versions++;
                    if (Convert.ToHexStringLower(SHA256.HashData(doc.Accounts)) != doc.ContentHash)
                        throw new BackupInvalidException($"备份文件 {path} 已损坏：{doc.Key} 的内容与其散列不符");
                    if (!keys.Add(doc.Key)) throw new BackupInvalidException($"备份文件 {path} 已损坏：版本 {doc.Key} 出现两次");
                }
            return new BackupSummary(names.Count, documents, versions);
        }
        catch (BackupInvalidException) { throw; }
        catch (Exception e) when (e is LiteException or IOException or InvalidCastException or FormatException or IndexOutOfRangeException or ArgumentException)
        {
            throw new BackupInvalidException($"备份文件 {path} 无法读取（不是本系统的数据文件，或已损坏）：{e.Message}", e);
        }
    }

    /// <summary>
    /// Restores a verified backup as the data file at <paramref name="dataPath"/>, which must not exist yet (a restore never
    /// overwrites data): copied beside it first, then moved into place, so a failed copy leaves no half file.
    /// </summary>
    public static BackupSummary Restore(string backupPath, string dataPath)
    {
        var summary = Verify(backupPath);
        var full = Path.GetFullPath(dataPath);
        if (File.Exists(full)) throw new BackupInvalidException($"数据文件 {full} 已存在：恢复不会覆盖现有数据，请指定新的 DataPath 或先移走它");
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".restoring";
        File.Copy(backupPath, temp, overwrite: true);
        File.Move(temp, full);
        return summary;
    }
}
