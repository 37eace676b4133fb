namespace Consolidation.Server.Storage.LiteDb;

/// <summary>
/// Every request ID on file, in memory, so that a new request ID — nearly every request of a batch — costs no LiteDB
/// lookup: only an ID found here is read from the file. Read once, on first use, from the collection's _id index alone
/// (no document is loaded); after that every committed transaction adds its IDs (under the store's write lock).
/// About 100 bytes per ID: a million decided requests hold ~100 MB. Valid because one process owns the data file and
/// every request is written by <see cref="LiteDbSubmissionStore.Write{T}"/>. IDs are compared as the data file's
/// _id index compares them (<paramref name="comparer"/>: LiteDB's default collation ignores case, so "ABC" is "abc").
/// </summary>
public sealed class RequestIds(Func<IEnumerable<string>> onFile, IEqualityComparer<string> comparer)
{
    private readonly Lazy<HashSet<string>> _ids = new(() => new HashSet<string>(onFile(), comparer));

    /// <summary>Whether a request with this ID has been decided and committed.</summary>
    public bool Contains(string requestId)
    {
        var ids = _ids.Value;
        lock (ids) return ids.Contains(requestId);
    }

    /// <summary>Records the IDs of a transaction that has just committed.</summary>
    public void Committed(IEnumerable<string> requestIds)
    {
        var ids = _ids.Value;
        lock (ids) ids.UnionWith(requestIds);
    }
}
